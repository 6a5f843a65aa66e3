"""What the render tests share: the example folders, the hostile map, a Mermaid grammar check.

Golden files live in golden/<example>.<md|mmd>. After an intended change, rewrite them with

    JOURNEYCTL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render

and review the diff like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

HERE: Final = Path(__file__).resolve().parent
REPO: Final = HERE.parent.parent
EXAMPLES: Final = REPO / "examples"
EXAMPLE_DIRS: Final = sorted(path for path in EXAMPLES.iterdir() if (path / "journey.yaml").is_file())
HOSTILE: Final = HERE / "data" / "hostile"
GOLDEN: Final = HERE / "golden"
TODAY: Final = "2026-11-23"
UPDATE_GOLDEN: Final = os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1"


def check_golden(path: Path, actual: str) -> None:
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing; create it with JOURNEYCTL_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs from its golden file; if intended, regenerate it"


# Mermaid's journey grammar (its Jison lexer): `#` starts a comment, `;` and line
# breaks end a statement, `title` takes the rest of the line, `section` and a task
# name stop at `:`, a task is `name: score[: actor, actor]`. Keywords are matched
# case-insensitively before a task name, so a task must not start with one.
_TITLE: Final = re.compile(r"^title\s[^#\n;]+$")
_SECTION: Final = re.compile(r"^section\s[^#:\n;]+$")
_TASK: Final = re.compile(r"^(?P<name>[^#:\n;]+):(?P<score>[^#:\n;]+)(?::(?P<actors>[^#:\n;]+))?$")
_KEYWORD_START: Final = re.compile(r"^(?:journey|title\s|section\s|acctitle|accdescr|%%)", re.IGNORECASE)


def mermaid_journey_problems(diagram: str) -> list[str]:
    """Lines of a Mermaid journey diagram that its grammar would reject, with the reason."""
    lines = [line.strip() for line in diagram.splitlines() if line.strip()]
    problems: list[str] = []
    if not lines or lines[0] != "journey":
        return ["the diagram must start with `journey`"]
    titles = 0
    section_seen = False
    for line in lines[1:]:
        if line.lower().startswith("title "):
            titles += 1
            if not _TITLE.match(line):
                problems.append(f"bad title: {line!r}")
            continue
        if line.lower().startswith("section "):
            section_seen = True
            if not _SECTION.match(line):
                problems.append(f"bad section: {line!r}")
            continue
        match = _TASK.match(line)
        if match is None:
            problems.append(f"not a task line: {line!r}")
            continue
        if not section_seen:
            problems.append(f"task before any section: {line!r}")
        if _KEYWORD_START.match(match["name"].strip()):
            problems.append(f"task name read as a keyword: {line!r}")
        score = match["score"].strip()
        if not score.isdigit() or not 1 <= int(score) <= 5:
            problems.append(f"score not 1..5: {line!r}")
        actors = [actor.strip() for actor in (match["actors"] or "").split(",")]
        if match["actors"] is not None and not all(actors):
            problems.append(f"empty actor: {line!r}")
    if titles != 1:
        problems.append(f"expected one title line, found {titles}")
    return problems


def mermaid_block(markdown: str) -> str:
    found = re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)
    assert len(found) == 1, "expected exactly one mermaid block"
    return str(found[0])
