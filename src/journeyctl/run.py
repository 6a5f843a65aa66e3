"""What the commands share: finding files, validating them, reporting, exit codes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from journeyctl.diagnostics import Diagnostic, Severity, is_fatal
from journeyctl.discover import discover
from journeyctl.loader import DEFAULT_LIMITS, LoadLimits
from journeyctl.report import FileEntry, Report, RuleInfo
from journeyctl.validate import Run, validate_targets

if TYPE_CHECKING:  # lint is imported only by the commands that lint
    from journeyctl.lint import LintConfig, LintResult

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def validate_paths(
    paths: list[str],
    limits: LoadLimits = DEFAULT_LIMITS,
    *,
    skip_foreign: bool = False,
    jobs: int | None = 1,
    keep_models: bool = True,
) -> Run:
    """See `validate_targets`: without `keep_models`, files are checked on `jobs` processes."""
    targets, path_problems = discover(paths)
    return validate_targets(
        targets, path_problems, limits, skip_foreign=skip_foreign, jobs=jobs, keep_models=keep_models
    )


def file_entries(run: Run) -> list[FileEntry]:
    return [FileEntry(f.file, f.kind, f.declared_id, f.valid) for f in run.files]


def validation_report(run: Run, *, quiet: bool = False) -> Report:
    return Report("validate", file_entries(run), run.all_diagnostics(), quiet=quiet)


def lint_report(
    run: Run, result: LintResult, config: LintConfig, diagnostics: list[Diagnostic], *, quiet: bool = False
) -> Report:
    """Validation problems and lint findings (what is left after a baseline) as one report.

    The summary adds the lint coverage figures; `rules` describes
    every lint rule that fired, with its configured severity.
    """
    from journeyctl.lint import RULES  # noqa: PLC0415  (validate never loads the rules)

    rules = [
        RuleInfo(
            meta.code,
            meta.name,
            meta.summary,
            config.severities.get(meta.code, meta.severity),
            meta.docs_url,
            description=RULES[meta.code].doc.why,
            fix=meta.fix,
        )
        for meta in result.rules_for(diagnostics)
    ]
    coverage = {name: (share.covered, share.total) for name, share in result.coverage.shares().items()}
    return Report("lint", file_entries(run), diagnostics, quiet=quiet, rules=rules, coverage=coverage)


def exit_code(diagnostics: Iterable[Diagnostic], fail_on: Severity = Severity.ERROR) -> int:
    """2 when the run itself failed, 1 when a finding reaches `fail_on`, else 0."""
    found = list(diagnostics)
    if any(is_fatal(d) for d in found):
        return EXIT_ERROR
    if any(d.severity >= fail_on for d in found):
        return EXIT_FINDINGS
    return EXIT_OK
