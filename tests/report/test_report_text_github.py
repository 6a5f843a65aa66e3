"""The human format and GitHub workflow annotations: what they must survive in map content."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_sample import CASES, RICH_ENVIRONMENT, render, sample_report

from journeyctl.diagnostics import Diagnostic, printable, problem
from journeyctl.report import Report
from journeyctl.report import text as text_format

ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in RICH_ENVIRONMENT:
        monkeypatch.delenv(variable, raising=False)


def unescape(text: str) -> str:
    """The runner's side of workflow-command escaping."""
    for escaped, character in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, character)
    return text


def parse_annotations(output: str) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in output.splitlines():
        match = ANNOTATION.match(line)
        assert match, f"not a workflow command: {line!r}"
        level, properties, data = match.groups()
        fields = dict(item.split("=", 1) for item in properties.split(","))
        parsed.append((level, {key: unescape(value) for key, value in fields.items()}, unescape(data)))
    return parsed


def test_github_writes_one_command_per_diagnostic_that_round_trips() -> None:
    report = CASES["findings"]()
    parsed = parse_annotations(render("github", report))
    assert len(parsed) == len(report.diagnostics)
    for (level, properties, data), diagnostic in zip(parsed, report.diagnostics, strict=True):
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[diagnostic.severity.label]
        assert properties["file"] == diagnostic.file
        assert properties["title"] == f"{diagnostic.code} {diagnostic.name}"
        # Terminal escapes are shown, not obeyed: the log viewer would interpret them.
        assert data.startswith(printable(diagnostic.message) + "\nhelp: " + diagnostic.fix)
        assert "\x1b" not in data
        assert data.endswith("\ndocs: " + diagnostic.docs_url)


def test_github_escapes_what_would_end_a_command_early() -> None:
    finding = problem(
        "JM020",
        "100% sure:: key 'a,b'\r\n::error::forged",
        file="maps/a,b:c%.yaml",
        line=3,
        column=4,
    )
    output = render("github", Report("validate", [], [finding]))
    assert output.count("\n") == 1, "a newline in a message must not start a second command"
    ((_, properties, data),) = parse_annotations(output)
    assert properties == {"file": "maps/a,b:c%.yaml", "line": "3", "col": "4", "title": "JM020 key-unknown"}
    assert data.startswith("100% sure:: key 'a,b'\r\n::error::forged")


def test_github_gives_a_position_only_when_known() -> None:
    output = render("github", CASES["findings"]())
    without_place = [props for _, props, _ in parse_annotations(output) if props["file"] == "maps/ro/gol.yaml"]
    assert without_place == [{"file": "maps/ro/gol.yaml", "title": "JM003 file-empty"}]


def test_github_writes_nothing_for_a_clean_run() -> None:
    assert render("github", CASES["clean"]()) == ""


def test_text_prints_brackets_literally_even_in_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    finding = problem(
        "JM020", "unknown key '[red]x[/red]' in [bold]stage[/]", file="[link=x]a[/link].yaml", line=1, column=1
    )
    output = render("text", Report("validate", [], [finding]))
    assert "\x1b[" in output, "colour was forced on"
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert "[link=x]a[/link].yaml:1:1" in plain
    assert "unknown key '[red]x[/red]' in [bold]stage[/]" in plain


@given(st.text(), st.text(), st.text(), st.text())
def test_unstyled_text_is_what_rich_prints_unstyled(message: str, fix: str, file: str, path: str) -> None:
    # Where nothing is styled, findings are written without Rich; the text must be
    # Rich's own, whatever a map holds (tabs, carriage returns, wide characters).
    report = sample_report()
    report.diagnostics[1] = dataclasses.replace(report.diagnostics[1], message=message, fix=fix, file=file, path=path)
    direct = render("text", report)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_format, "_styled", lambda out: True)  # every line through Rich, to a non-terminal
        through_rich = render("text", report)
    assert "\x1b[" not in through_rich
    assert direct == through_rich


def test_text_keeps_portuguese_and_romanian_text_intact() -> None:
    output = render("text", CASES["findings"]())
    for text in ("contratação", "călătorie, clienți: ț.yaml", "Rată de conversie, în coș", "echipa de vânzări"):
        assert text in output


def test_text_quiet_leaves_out_only_the_summary() -> None:
    loud = render("text", CASES["findings"]())
    quiet = render("text", CASES["findings-quiet"]())
    assert "✗" in loud and "✗" not in quiet
    assert loud.startswith(quiet.rstrip("\n"))
    assert render("text", Report("validate", [], [], quiet=True)) == ""


def test_text_shows_a_finding_without_position_by_file_alone() -> None:
    finding: Diagnostic = problem("JM013", "no such file or folder", file="maps/sumiu.yaml")
    first_line = render("text", Report("validate", [], [finding])).splitlines()[0]
    assert first_line.startswith("maps/sumiu.yaml: error JM013 no such file or folder")
