"""Any journey the model can hold goes through lint and every render format without a crash.

Mutated examples (test_mutations.py) are mostly invalid and stop at validation; these
are valid maps with odd content (empty lists, zero and huge metric values, text in any
script, text that looks like markup or Mermaid syntax) that reach the view code.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from journey_strategies import journeys

import fuzz


@settings(max_examples=10, deadline=None)
@given(journeys())
def test_any_valid_journey_lints_and_renders_in_every_format(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "maps")
        folder.mkdir()
        (folder / "journey.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        validated = fuzz.run_command("validate", "json", folder, Path(scratch))
        assert validated.problem is None
        assert validated.exit_code == 0
        for command, output_format in [
            ("lint", "sarif"),
            ("render", "html"),
            ("render", "markdown"),
            ("render", "mermaid"),
        ]:
            outcome = fuzz.run_command(command, output_format, folder, Path(scratch))
            assert outcome.problem is None, f"{command} --format {output_format}:\n{outcome.problem}"
            assert outcome.exit_code in (0, 1), f"{command} --format {output_format} exit {outcome.exit_code}"
