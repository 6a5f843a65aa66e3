"""Every hostile input in cases.yaml gets its diagnostic, its exit code, and no traceback.

Each case runs next to a valid companion folder, which must still be checked and
found valid: one bad file never costs the others their check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile_inputs import BUILDERS, can_bypass_permissions

from conftest import EXAMPLES, RunCli

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
COMPANION = EXAMPLES / "retail-omnichannel"
COMPANION_FILES = 3
HANG_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    exit: int
    file: str | None = None
    build: str | None = None
    args: tuple[str, ...] = ()
    message: str = ""
    line: int | None = None
    reported: str | None = None
    isolate: bool = False

    @property
    def clean(self) -> bool:
        return self.code == "clean"


def load_cases() -> list[Case]:
    entries = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
    return [Case(**{**entry, "args": tuple(entry.get("args", ()))}) for entry in entries]


CASES = load_cases()


def prepare(case: Case, root: Path) -> str:
    """The argument that names the case's input."""
    if case.build is not None:
        if case.build == "unreadable_file" and can_bypass_permissions():
            pytest.skip("runs as root, whom chmod 000 does not stop; broken links, FIFOs and sockets cover this")
        return BUILDERS[case.build](root)
    assert case.file is not None
    return str(CORPUS / case.file)


def expected_file(case: Case, argument: str) -> str | None:
    if case.reported is not None:
        return os.path.normpath(os.path.join(argument, case.reported))
    return None if os.path.isdir(argument) else argument


def run_isolated(arguments: list[str], cwd: Path) -> tuple[int, str, str]:
    """In a subprocess: a crash shows as a negative return code, a hang as a timeout."""
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", *arguments],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=HANG_TIMEOUT_SECONDS,
        cwd=cwd,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def test_the_corpus_is_large_and_fully_used() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    used = {Path(case.file).parts[0] for case in CASES if case.file is not None}
    committed = {path.name for path in CORPUS.iterdir() if not path.name.startswith(".")}
    assert committed == used, "every corpus entry has a case, and every case's file exists"
    assert {case.build for case in CASES if case.build is not None} == set(BUILDERS)
    for case in CASES:
        assert (case.file is None) != (case.build is None), case.name
        assert case.clean == (case.exit == 0), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_is_reported_and_the_run_goes_on(
    case: Case, tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # a constructed `os.system('touch pwned')` would land here
    argument = prepare(case, tmp_path)
    arguments = ["validate", "--format", "json", *case.args, argument, str(COMPANION)]
    if case.isolate:
        exit_code, stdout, stderr = run_isolated(arguments, workdir)
        assert exit_code == case.exit, f"exit {exit_code} (negative: killed by a signal)\n{stderr}"
    else:
        result = run_cli(*arguments, exit=case.exit)
        stdout, stderr = result.stdout, result.stderr
    assert "Traceback" not in stdout + stderr
    report: dict[str, Any] = json.loads(stdout)
    files = {entry["file"]: entry for entry in report["files"]}
    companions = [entry for name, entry in files.items() if name.startswith(str(COMPANION))]
    assert len(companions) == COMPANION_FILES
    assert all(entry["valid"] for entry in companions), companions
    diagnostics = report["diagnostics"]
    if case.clean:
        assert diagnostics == []
        assert any(entry["valid"] for name, entry in files.items() if not name.startswith(str(COMPANION)))
    else:
        found = [d for d in diagnostics if d["code"] == case.code and case.message in d["message"]]
        assert found, json.dumps(diagnostics, indent=2, ensure_ascii=False)
        diagnostic = found[0]
        reported = expected_file(case, argument)
        if reported is not None:
            assert diagnostic["file"] == reported
        if case.line is not None:
            assert diagnostic["line"] == case.line
        assert len(diagnostic["message"]) < 300, "a huge value must not become a huge message"
        assert diagnostic["fix"] or diagnostic["code"] in ("JM011", "JM099")
    assert list(workdir.iterdir()) == [], "nothing is ever written next to the run"


@pytest.mark.parametrize("case", [c for c in CASES if not c.isolate and not c.clean], ids=lambda case: case.name)
def test_text_output_names_file_and_line(case: Case, tmp_path: Path, run_cli: RunCli) -> None:
    argument = prepare(case, tmp_path)
    result = run_cli("validate", *case.args, argument, exit=case.exit)
    reported = expected_file(case, argument)
    if reported is not None:
        place = f"{reported}:{case.line}:" if case.line is not None else reported
        assert place in result.stdout
    assert case.code in result.stdout
    assert "\x1b" not in result.stdout, "no terminal escape from the input reaches the terminal"


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_terminal_escapes_from_a_file_name_are_shown_not_sent(
    output_format: str, tmp_path: Path, run_cli: RunCli
) -> None:
    named = tmp_path / "\x1b]0;owned\x07\x1b[2J.yaml"
    named.write_text("kind: journey\nid: Owned\n", encoding="utf-8")
    result = run_cli("validate", "--format", output_format, tmp_path, exit=1)
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "\\x1b]0;owned\\x07\\x1b[2J.yaml" in result.stdout


def test_a_yaml_1_1_line_break_is_named_in_the_fix(run_cli: RunCli) -> None:
    result = run_cli("validate", "--format", "json", CORPUS / "line-separator-in-plain-value.yaml", exit=1)
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["fix"].startswith("line 3 holds U+2028 LINE SEPARATOR, which YAML 1.1 reads as a line break")
