"""Nothing lost: a render that fails, races or is interrupted leaves only whole files.

The unit tests of the atomic writer and the output-folder guard are in
tests/render/test_fsutil.py; these drive the whole command, the way a user or CI
would break it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, RunCli

RETAIL = EXAMPLES / "retail-omnichannel"
TEMPORARY_PREFIX = ".journeyctl-"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def assert_only_whole_files(folder: Path) -> None:
    names = [path.name for path in folder.iterdir()]
    assert not [name for name in names if name.startswith(TEMPORARY_PREFIX) and name.endswith(".tmp")], names
    for page in folder.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page.name
    manifest = folder / ".journeyctl-manifest.json"
    if manifest.exists():
        assert json.loads(manifest.read_text(encoding="utf-8"))["generator"] == "journeyctl"


def test_a_failing_template_leaves_the_previous_output_untouched(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    run_cli("render", EXAMPLES, "--out", out)
    before = snapshot(out)
    templates = tmp_path / "templates"
    templates.mkdir()
    # The index is rendered after every map page: a failure there comes mid-render.
    (templates / "index.html.j2").write_text("{{ no_such_variable.anywhere }}\n", encoding="utf-8")
    result = run_cli("render", EXAMPLES, "--out", out, "--templates", templates, "--lang", "ro", exit=2)
    assert "template" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before


def test_a_write_failing_midway_leaves_each_file_old_or_new_and_whole(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    run_cli("render", EXAMPLES, "--out", out)
    before = snapshot(out)
    real_replace = os.replace
    calls = 0

    def replace_then_fail(source: str, destination: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device", destination)
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    result = run_cli("render", EXAMPLES, "--out", out, "--lang", "ro", exit=2)
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert_only_whole_files(out)
    after = snapshot(out)
    assert set(after) == set(before)
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 1, "the first file was replaced whole, the rest kept"


def test_an_output_name_linked_to_an_input_is_refused_even_with_force(run_cli: RunCli, tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    shutil.copytree(RETAIL, maps)
    out = tmp_path / "site"
    out.mkdir()
    (out / "retail-omnichannel-running-shoes.html").symlink_to(maps / "journey.yaml")
    before = (maps / "journey.yaml").read_bytes()
    result = run_cli("render", maps, "--out", out, "--force", exit=2)
    assert "would overwrite an input file" in result.stderr
    assert (maps / "journey.yaml").read_bytes() == before


def test_forcing_over_a_link_replaces_the_link_not_what_it_points_to(run_cli: RunCli, tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "retail-omnichannel-running-shoes.html").symlink_to(victim)
    run_cli("render", RETAIL, "--out", out, "--force")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "retail-omnichannel-running-shoes.html").is_symlink()
    assert_only_whole_files(out)


def journeyctl(*arguments: str | Path) -> list[str]:
    return [sys.executable, "-m", "journeyctl", *map(str, arguments)]


def test_two_renders_into_one_folder_at_once_leave_valid_files(tmp_path: Path) -> None:
    out = tmp_path / "site"
    for _ in range(3):
        runs = [
            subprocess.Popen(journeyctl("render", EXAMPLES, "--out", out, "--force"), stderr=subprocess.PIPE)
            for _ in "ab"
        ]
        for run in runs:
            _, stderr = run.communicate(timeout=120)
            assert run.returncode == 0, stderr.decode()
        assert_only_whole_files(out)
        assert len(list(out.glob("*.html"))) == 4  # three maps and the index


@pytest.fixture(scope="module")
def many_journeys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 copies of the retail journey under distinct ids: a run that takes a while."""
    folder = tmp_path_factory.mktemp("many") / "maps"
    shutil.copytree(RETAIL / "personas", folder / "personas")
    text = (RETAIL / "journey.yaml").read_text(encoding="utf-8")
    for index in range(300):
        copy = text.replace("id: retail-omnichannel-running-shoes", f"id: retail-copy-{index:03d}", 1)
        (folder / f"journey-{index:03d}.yaml").write_text(copy, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def earlier_output(many_journeys: Path) -> tuple[Path, float]:
    """A complete earlier render of the many journeys, and how long it took here."""
    out = many_journeys.parent / "earlier"
    started = time.monotonic()
    subprocess.run(journeyctl("render", many_journeys, "--out", out), check=True, capture_output=True)
    return out, time.monotonic() - started


@pytest.mark.parametrize("fraction", [0.2, 0.4, 0.6])
def test_ctrl_c_exits_cleanly_with_130_and_leaves_only_whole_files(
    fraction: float, many_journeys: Path, earlier_output: tuple[Path, float], tmp_path: Path
) -> None:
    """Interrupted at a point in the run scaled to this machine's speed: early, mid, late."""
    earlier, duration = earlier_output
    out = tmp_path / "site"
    shutil.copytree(earlier, out)
    before = snapshot(out)
    run = subprocess.Popen(
        journeyctl("render", many_journeys, "--out", out, "--lang", "ro"), stderr=subprocess.PIPE, text=True
    )
    time.sleep(max(duration * fraction, 0.5))  # past start-up: imports are not the point here
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert_only_whole_files(out)
    assert set(snapshot(out)) == set(before), "nothing written earlier is deleted, nothing half-made is left"
