"""Every registered output format, on a fixed set of diagnostics, against its golden file."""

from __future__ import annotations

import pytest
from report_sample import CASES, GOLDEN, RICH_ENVIRONMENT, check_golden, golden_path, render, stable

from journeyctl.report import FORMATS


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in RICH_ENVIRONMENT:
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.parametrize("format_name", list(FORMATS))
@pytest.mark.parametrize("case", list(CASES))
def test_output_matches_golden_file(case: str, format_name: str) -> None:
    check_golden(golden_path(case, format_name), stable(render(format_name, CASES[case]())))


def test_every_golden_file_belongs_to_a_case_and_a_format() -> None:
    expected = {golden_path(case, name) for case in CASES for name in FORMATS}
    assert set(GOLDEN.glob("*/*")) <= expected, "stale golden files: delete them"


def test_output_is_the_same_on_every_run() -> None:
    for name in FORMATS:
        assert render(name, CASES["findings"]()) == render(name, CASES["findings"]())
