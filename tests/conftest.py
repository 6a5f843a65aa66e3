"""Shared fixtures: run the CLI in-process and check exit code and output together."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., CliResult]


@pytest.fixture
def run_cli() -> RunCli:
    """`run_cli("validate", path, exit=1)`: asserts the exit code, returns stdout and stderr.

    Exceptions are not caught: a traceback fails the test, as it is a bug for users.
    """

    def invoke(*args: str | Path, exit: int = 0) -> CliResult:
        result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
        outcome = CliResult(result.exit_code, result.stdout, result.stderr)
        assert result.exit_code == exit, (
            f"exit {result.exit_code}, expected {exit}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
        return outcome

    return invoke


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped examples, safe to break."""
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target
