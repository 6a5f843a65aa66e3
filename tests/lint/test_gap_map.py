"""A realistic map with gaps (in Romanian): lint names each gap once, at its place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journeyctl.lint import default_config, lint_run
from journeyctl.lint.rule import Finding
from journeyctl.lint.rules.review import JourneyReviewOverdue
from journeyctl.run import validate_paths

GAPS = Path(__file__).parent / "gaps"
JOURNEY = "abonament-mobil.yaml"

EXPECTED = [
    (JOURNEY, 11, 16, "JM602", "warning"),  # reviewed 2026-01-10, due every 180 days
    (JOURNEY, 36, 9, "JM102", "warning"),  # step compara-oferte has no owner
    (JOURNEY, 41, 21, "JM403", "warning"),  # rated 2, no pain point at that step
    (JOURNEY, 43, 13, "JM203", "warning"),  # metric without target
    (JOURNEY, 45, 5, "JM101", "error"),  # stage cumparare has no owner
    (JOURNEY, 45, 5, "JM302", "warning"),  # nor any customer question
    (JOURNEY, 47, 12, "JM701", "warning"),  # the map stops at the purchase
    (JOURNEY, 54, 13, "JM401", "error"),  # a critical pain point nobody addresses: louder
    (JOURNEY, 61, 13, "JM103", "warning"),  # opportunity without owner
    (JOURNEY, 64, 13, "JM402", "warning"),  # opportunity addressing nothing
    (JOURNEY, 71, 13, "JM204", "warning"),  # metric without source
    ("personas/mihai.yaml", 2, 5, "JM502", "warning"),  # a persona no journey uses
]


def test_each_gap_is_found_once_at_its_place() -> None:
    run = validate_paths([str(GAPS)])
    assert run.all_diagnostics() == []
    result = lint_run(run, default_config(), dt.date(2026, 11, 1))
    found = [
        (Path(d.file).relative_to(GAPS).as_posix(), d.line, d.column, d.code, d.severity.label)
        for d in result.diagnostics
    ]
    assert found == EXPECTED
    assert all(d.fix and d.docs_url.endswith(f"rules.md#{d.code.lower()}-{d.name}") for d in result.diagnostics)


def test_the_suppressed_step_is_silenced_and_counted_in_coverage() -> None:
    result = lint_run(validate_paths([str(GAPS)]), default_config(), dt.date(2026, 11, 1))
    assert not [d for d in result.diagnostics if d.path == "stages[1].steps[1]"]
    assert str(result.coverage.steps_with_owner) == "2/4 (50%)"
    assert result.coverage.stages_with_owner.ratio == 0.5


def test_a_failing_rule_is_an_internal_error_and_the_other_rules_still_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> list[Finding]:
        raise RuntimeError("boom")

    monkeypatch.setattr(JourneyReviewOverdue, "check_journey", broken)
    result = lint_run(validate_paths([str(GAPS)]), default_config(), dt.date(2026, 11, 1))
    found = [(d.code, d.message) for d in result.diagnostics]
    assert ("JM099", "rule JM602 journey-review-overdue failed: internal error: RuntimeError: boom") in found
    assert [code for code, _ in found if code != "JM099"] == [code for *_, code, _ in EXPECTED if code != "JM602"]
