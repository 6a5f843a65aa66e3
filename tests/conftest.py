"""Shared fixtures: the CLI run in-process, the examples, and one Playwright driver."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from journeyctl.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's Chromium, which .ci/run installs; the browser tests drive it."""


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


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """The one Playwright driver of the session, for every browser test module.

    Playwright's sync API runs an event loop for as long as a driver is started, and a
    second driver cannot start beside it: modules that each started their own would
    fail when run in one session in some orders.
    """
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra (playwright) is not installed")
    with sync_api.sync_playwright() as driver:
        yield driver
