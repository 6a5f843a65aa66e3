"""--jobs: the same findings, in the same order, whatever the number of processes."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
from pathlib import Path

import pytest

from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.lint import default_config, lint_run
from journeyctl.lint.batch import lint_paths
from journeyctl.parallel import SERIAL_BELOW, effective_jobs, map_in_order
from journeyctl.run import validate_paths

from conftest import EXAMPLES, REPO, RunCli

INVALID = REPO / "tests" / "validate" / "invalid"
TODAY = dt.date(2026, 11, 23)


def _worker_pid(_: int) -> int:
    return os.getpid()


def test_results_come_back_in_input_order() -> None:
    items = list(range(-80, 80))
    assert map_in_order(abs, items, jobs=2) == [abs(item) for item in items]


def test_work_runs_in_worker_processes_when_asked() -> None:
    pids = map_in_order(_worker_pid, list(range(SERIAL_BELOW * 2)), jobs=2)
    assert os.getpid() not in pids


def test_small_runs_stay_in_process() -> None:
    assert set(map_in_order(_worker_pid, list(range(SERIAL_BELOW - 1)), jobs=2)) == {os.getpid()}
    assert effective_jobs(None, SERIAL_BELOW - 1) == 1
    assert effective_jobs(3, SERIAL_BELOW) == 3


@pytest.fixture(scope="module")
def many_maps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for a pool: copies of the examples (so ids clash across files),
    every invalid case, and copies with a persona file missing or broken."""
    root = tmp_path_factory.mktemp("many")
    for copy in range(12):
        shutil.copytree(EXAMPLES, root / f"copy-{copy:02d}")
    shutil.copytree(INVALID, root / "invalid")
    broken = root / "copy-03" / "b2b-saas-onboarding" / "journey.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("owner:", "owner: [", 1), encoding="utf-8")
    for persona in (root / "copy-05").rglob("personas/*.yaml"):
        persona.unlink()
    # An inline persona under a persona file's id: a run-wide finding inside a list.
    inline = root / "copy-07" / "b2b-saas-onboarding" / "journey.yaml"
    inline.write_text(
        inline.read_text(encoding="utf-8").replace("  - id: marcus-admin\n", "  - id: priya\n", 1), encoding="utf-8"
    )
    assert sum(1 for _ in root.rglob("*.yaml")) >= SERIAL_BELOW
    return root


@pytest.mark.parametrize("command", ["validate", "lint"])
@pytest.mark.parametrize("output", ["json", "text"])
def test_two_jobs_print_what_one_job_prints(run_cli: RunCli, many_maps: Path, command: str, output: str) -> None:
    extra = ["--today", TODAY.isoformat()] if command == "lint" else []
    serial = run_cli(command, many_maps, "--jobs", "1", "-f", output, *extra, exit=1)
    parallel = run_cli(command, many_maps, "--jobs", "2", "-f", output, *extra, exit=1)
    assert parallel.stdout == serial.stdout
    assert "JM034" in serial.stdout  # ids clash across files: a run-wide finding, placed from the text
    assert "JM001" in serial.stdout


def test_slim_files_give_the_findings_full_files_give(many_maps: Path) -> None:
    full = validate_paths([str(many_maps)], keep_models=True)
    slim = validate_paths([str(many_maps)], keep_models=False, jobs=2)
    assert slim.all_diagnostics() == full.all_diagnostics()
    run_wide = {(d.code, d.path) for d in slim.all_diagnostics() if d.code in {"JM033", "JM034"}}
    assert {("JM034", "id"), ("JM034", "personas[1].id"), ("JM033", "personas[0]")} <= run_wide
    assert [(f.file, f.kind, f.declared_id, f.valid) for f in slim.files] == [
        (f.file, f.kind, f.declared_id, f.valid) for f in full.files
    ]


def test_lint_file_by_file_equals_lint_of_the_whole_run(many_maps: Path) -> None:
    config = default_config()
    expected = lint_run(validate_paths([str(many_maps)]), config, TODAY)
    for jobs, keep_models in ((1, True), (2, False)):
        run, result = lint_paths([str(many_maps)], config, TODAY, jobs=jobs, keep_models=keep_models)
        assert result.diagnostics == expected.diagnostics
        assert result.coverage == expected.coverage
        assert run.all_diagnostics() == validate_paths([str(many_maps)]).all_diagnostics()


def test_a_diagnostic_comes_back_from_a_worker_whole() -> None:
    # Findings travel from worker processes pickled; every field must survive the trip.
    diagnostic = Diagnostic(
        "JM101", "stage-without-owner", Severity.WARNING, "msg ✓", "maps/a.yaml", "stages[0]", 3, 5, 3, 9, "fix", "u"
    )
    assert pickle.loads(pickle.dumps(diagnostic)) == diagnostic
