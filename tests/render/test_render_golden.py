"""Markdown and Mermaid output of every example, against golden files; the diagram parses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_helpers import (
    EXAMPLE_DIRS,
    GOLDEN,
    HOSTILE,
    TODAY,
    check_golden,
    mermaid_block,
    mermaid_journey_problems,
)

from journeyctl.render.escape import mermaid_text

CASES = [*EXAMPLE_DIRS, HOSTILE]


@pytest.fixture(autouse=True)
def from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # File names in the output are shown as given: relative to the repository root.
    monkeypatch.chdir(EXAMPLE_DIRS[0].parent.parent)


def relative(folder: Path) -> str:
    return str(folder.relative_to(Path.cwd()))


@pytest.mark.parametrize("folder", CASES, ids=[folder.name for folder in CASES])
def test_markdown_matches_golden(run_cli, folder: Path) -> None:
    result = run_cli("render", relative(folder), "--format", "markdown", "--today", TODAY, "--no-lint")
    check_golden(GOLDEN / f"{folder.name}.md", result.stdout)
    assert mermaid_journey_problems(mermaid_block(result.stdout)) == []


@pytest.mark.parametrize("folder", CASES, ids=[folder.name for folder in CASES])
def test_mermaid_matches_golden_and_parses(run_cli, folder: Path) -> None:
    result = run_cli("render", relative(folder), "--format", "mermaid", "--today", TODAY, "--no-lint")
    check_golden(GOLDEN / f"{folder.name}.mmd", result.stdout)
    assert mermaid_journey_problems(result.stdout) == []


def test_markdown_block_is_the_mermaid_output(run_cli) -> None:
    folder = relative(EXAMPLE_DIRS[0])
    markdown = run_cli("render", folder, "--format", "markdown", "--today", TODAY, "--no-lint").stdout
    mermaid = run_cli("render", folder, "--format", "mermaid", "--today", TODAY, "--no-lint").stdout
    assert mermaid_block(markdown).strip() == mermaid.strip()


@pytest.mark.parametrize(
    "name",
    ["Step 1: sign up", "#1 choice; really", "title of the page", "Section 2 ends", "Journey planning", "a\nb"],
)
def test_mermaid_names_never_break_the_grammar(name: str) -> None:
    line = f"      {mermaid_text(name)}: 3: Ana"
    diagram = f"journey\n    title T\n    section S\n{line}\n"
    assert mermaid_journey_problems(diagram) == []


def test_the_grammar_check_rejects_what_mermaid_rejects() -> None:
    broken = "journey\n    title T\n    section S: x\n      Step 1: a: 3\n      Journey planning: 7: Ana\n"
    problems = mermaid_journey_problems(broken)
    assert [problem.split(":")[0] for problem in problems] == [
        "bad section",
        "score not 1..5",
        "task name read as a keyword",
        "score not 1..5",
    ]


def table_rows(markdown: str) -> list[list[str]]:
    """Each Markdown table as its rows, a row being the text between unescaped pipes."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def test_markdown_table_rows_have_as_many_cells_as_their_header(run_cli) -> None:
    markdown = run_cli("render", relative(HOSTILE), "--format", "markdown", "--today", TODAY, "--no-lint").stdout
    tables = table_rows(markdown)
    assert len(tables) >= 4
    for rows in tables:
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows
    assert "Critical \\| pain" in markdown


def test_markdown_shows_markup_in_the_map_as_text(run_cli) -> None:
    markdown = run_cli("render", relative(HOSTILE), "--format", "markdown", "--today", TODAY, "--no-lint").stdout
    unescaped_tags = re.findall(r"(?<!\\)<(?:script|img|svg|iframe|style|marquee|em|b|u|i|a)\b", markdown)
    assert unescaped_tags == []
    assert "\\<script\\>alert('quote')" in markdown
    assert re.search(r"(?<!\\)\]\(javascript:", markdown) is None
    assert "\\[link\\](javascript:alert(1))" in markdown
