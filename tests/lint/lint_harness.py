"""Lint a handful of files written to a temporary folder, through the real pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from journeyctl.diagnostics import Diagnostic
from journeyctl.lint import LintResult, Overrides, lint_run, load_config
from journeyctl.run import validate_paths

TODAY = dt.date(2026, 11, 1)


def write_files(folder: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def lint_folder(
    folder: Path,
    files: Mapping[str, str],
    *,
    select: Sequence[str] | None = None,
    config: str = "",
    today: dt.date = TODAY,
) -> tuple[list[Diagnostic], LintResult]:
    """Validation problems and lint findings for `files`, with only `select` enabled when given."""
    write_files(folder, files)
    config_path = None
    if config:
        config_path = folder / ".journeyctl.yaml"
        config_path.write_text(config, encoding="utf-8")
    settings = load_config(config_path, start=folder, overrides=Overrides(select=select))
    run = validate_paths([str(folder / name) for name in files])
    result = lint_run(run, settings, today)
    return [*run.all_diagnostics(), *result.diagnostics], result


def relative_place(diagnostic: Diagnostic, folder: Path) -> str:
    """`journey.yaml:5:5 JM101 error`: how case files write an expected finding."""
    name = Path(diagnostic.file).relative_to(folder).as_posix()
    return f"{name}:{diagnostic.line}:{diagnostic.column} {diagnostic.code} {diagnostic.severity.label}"
