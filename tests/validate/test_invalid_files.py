"""Each file in invalid/ states the diagnostics it must produce, in its own comments:

    # expect: CODE LINE:COLUMN text found in the message or the fix

and must produce exactly those, no more.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import RunCli

INVALID = Path(__file__).parent / "invalid"
EXPECT = re.compile(rb"^# expect: (JM\d{3}) (\d+):(\d+) (.+)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[str, int, int, str]]:
    return [
        (code.decode(), int(line), int(column), text.decode().strip())
        for code, line, column, text in EXPECT.findall(path.read_bytes())
    ]


CASES = sorted(INVALID.glob("*.yaml"))


def test_every_case_states_its_expectations() -> None:
    assert len(CASES) >= 25
    for case in CASES:
        assert expectations(case), f"{case.name} has no `# expect:` line"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_invalid_file_reports_exactly_what_it_expects(case: Path, run_cli: RunCli) -> None:
    result = run_cli("validate", "--format", "json", case, exit=1)
    found = json.loads(result.stdout)["diagnostics"]
    expected = expectations(case)
    assert sorted((d["code"], d["line"], d["column"]) for d in found) == sorted(
        (code, line, column) for code, line, column, _ in expected
    )
    for code, line, column, text in expected:
        match = next(d for d in found if (d["code"], d["line"], d["column"]) == (code, line, column))
        assert text in match["message"] + " " + match["fix"], match
        assert match["file"] == str(case)
        assert match["severity"] == "error"
