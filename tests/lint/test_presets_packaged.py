"""The presets are package data: the wheel must carry them, or every installed lint fails."""

from __future__ import annotations

from hatchling.builders.wheel import WheelBuilder

from journeyctl.lint.config import PRESETS

from conftest import REPO


def test_the_wheel_includes_every_preset() -> None:
    # Asks the build backend which files it would pack, without building the wheel.
    packed = {included.distribution_path for included in WheelBuilder(str(REPO)).recurse_included_files()}
    for preset in PRESETS:
        assert f"journeyctl/lint/presets/{preset}.yaml" in packed
