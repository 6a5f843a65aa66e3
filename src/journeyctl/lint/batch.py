"""Lint many files the way they are validated: each file on its own, then the run.

`lint_run` lints a finished `Run`, which keeps every file's node tree alive until the
last file is linted. `lint_paths` lints each journey right after checking it, while
its node tree is at hand for positions, then lets the tree go; the per-file work runs
on a process pool (`--jobs`). What needs the whole run stays in the parent, in the
same order as `lint_run`: the run-wide validation, then persona files (whether a
journey uses a persona is a fact about the run), then the coverage figures of the
journeys still valid. The findings are the same as `lint_run`'s, in the same order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import partial

from journeyctl.diagnostics import Diagnostic
from journeyctl.discover import Target, discover
from journeyctl.lint.config import LintConfig
from journeyctl.lint.engine import Coverage, LintResult, Share, coverage, lint_file, used_personas
from journeyctl.lint.rule import LintContext
from journeyctl.loader import DEFAULT_LIMITS, LoadLimits
from journeyctl.model import Journey, Persona
from journeyctl.parallel import map_in_order
from journeyctl.validate import CheckedFile, Run, check_run, check_target, internal_error


@dataclass(slots=True)
class _LintedFile:
    checked: CheckedFile
    findings: list[Diagnostic]
    coverage: Coverage | None
    """The journey's own coverage figures; None for persona files and invalid files."""


def lint_paths(
    paths: list[str],
    config: LintConfig,
    today: dt.date,
    limits: LoadLimits = DEFAULT_LIMITS,
    *,
    skip_foreign: bool = False,
    jobs: int | None = 1,
    keep_models: bool = True,
) -> tuple[Run, LintResult]:
    """Validate and lint `paths`: the `Run` and `LintResult` that `lint_run` would give.

    Journeys keep only what the run-wide phase reads, and their model with
    `keep_models` (render builds its pages from them); without it the lint command
    needs nothing more, and the files are checked on `jobs` processes.
    """
    targets, path_problems = discover(paths)
    journey_context = LintContext(today=today, owners=config.owners, run_has_journeys=True)
    per_file = partial(
        _check_and_lint,
        limits=limits,
        skip_foreign=skip_foreign,
        config=config,
        context=journey_context,
        keep_models=keep_models,
    )
    linted = [item for item in map_in_order(per_file, targets, jobs if not keep_models else 1) if item is not None]
    files = [item.checked for item in linted]
    check_run(files)
    journeys_valid = [item for item in linted if item.coverage is not None and item.checked.valid]
    persona_context = LintContext(
        today=today,
        owners=config.owners,
        used_personas=used_personas(files),
        run_has_journeys=bool(journeys_valid),
    )
    found: list[Diagnostic] = []
    for item in linted:
        checked = item.checked
        if not checked.valid:  # the run-wide checks may have found an error since
            continue
        if isinstance(checked.model, Persona):
            found.extend(_lint_one(checked, config, persona_context))
        else:
            found.extend(item.findings)
    found.sort(key=lambda d: d.sort_key)
    figures = _total([item.coverage for item in journeys_valid if item.coverage is not None])
    return Run(files, path_problems), LintResult(found, figures)


def _check_and_lint(
    target: Target,
    *,
    limits: LoadLimits,
    skip_foreign: bool,
    config: LintConfig,
    context: LintContext,
    keep_models: bool,
) -> _LintedFile | None:
    checked = check_target(target, limits, skip_foreign=skip_foreign)
    if checked is None:
        return None
    model, document = checked.model, checked.document
    if not isinstance(model, Journey) or document is None or not checked.valid:
        if document is not None:  # a persona file is linted in the parent, from its text
            document.release_nodes()
        return _LintedFile(checked, [], None)
    findings = _lint_one(checked, config, context)
    figures = coverage([model])
    # The slim copy keeps the positions the run-wide checks need; the node tree and
    # the text go with this function's `checked`.
    return _LintedFile(checked.slim(keep_model=keep_models), findings, figures)


def _lint_one(checked: CheckedFile, config: LintConfig, context: LintContext) -> list[Diagnostic]:
    assert checked.model is not None and checked.document is not None
    try:
        return lint_file(checked.file, checked.document, checked.model, config, context)
    except Exception as error:  # a bug in one rule must not cost the other files their lint
        return [internal_error(checked.file, error)]


def _total(parts: list[Coverage]) -> Coverage:
    """The coverage of several journeys together: covered and total counts add up."""
    sums = {}
    for figure in dataclasses.fields(Coverage):
        shares = [getattr(part, figure.name) for part in parts]
        sums[figure.name] = Share(sum(share.covered for share in shares), sum(share.total for share in shares))
    return Coverage(**sums)
