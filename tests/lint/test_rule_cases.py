"""Every rule, from its case file: tests/lint/cases/<CODE>.yaml.

A case file holds journeys (and persona files) that pass and that fail one rule, with
the expected findings as `FILE:LINE:COLUMN CODE [SEVERITY]`. Each case runs with only
that rule enabled (suppression cases add the rules they suppress, under `select`), so
the expectations list everything the run reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from lint_harness import TODAY, lint_folder, relative_place

from journeyctl.lint import RULES

CASES = Path(__file__).parent / "cases"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec, case, id=f"{path.stem}-{case['name']}"))
    return params


def test_every_rule_has_a_case_file_with_passing_and_failing_cases() -> None:
    files = {path.stem for path in CASES.glob("*.yaml")}
    assert files == set(RULES)
    for path in CASES.glob("*.yaml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["rule"] == path.stem
        outcomes = {bool(case["expect"]) for case in spec["cases"]}
        assert outcomes == {True, False}, f"{path.name} needs a passing and a failing case"


@pytest.mark.parametrize(("spec", "case"), load_cases())
def test_rule_case(tmp_path: Path, spec: dict[str, Any], case: dict[str, Any]) -> None:
    today = case.get("today", spec.get("today", TODAY))
    assert isinstance(today, dt.date)
    select = case.get("select", spec.get("select", [spec["rule"]]))
    config = case.get("config", spec.get("config", ""))
    found, _ = lint_folder(tmp_path, case["files"], select=select, config=config, today=today)
    places = sorted(relative_place(d, tmp_path) for d in found)
    expected = sorted(_with_severity(item, spec["rule"]) for item in case["expect"])
    assert places == expected


def _with_severity(expected: str, code: str) -> str:
    """`journey.yaml:5:5 JM101` gains the rule's default severity when the case does not give one."""
    parts = expected.split()
    if len(parts) == 2:
        parts.append(RULES[parts[1]].meta.severity.label)
    return " ".join(parts)
