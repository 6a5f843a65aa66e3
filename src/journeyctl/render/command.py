"""`journeyctl render`: validate, lint, then build, render and write each journey's view in turn.

Invalid journeys are reported (as `validate` reports them, on stderr) and not
rendered; the valid ones still are, and the exit code says that something was left
out. Lint findings never change the exit code: they are shown on the map.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final, TextIO

from jinja2 import TemplateError, TemplateSyntaxError

from journeyctl.diagnostics import Diagnostic, printable
from journeyctl.fsutil import OutputRefusedError, prepare_output_folder, write_outputs
from journeyctl.lint import ConfigError, LintConfig, load_config
from journeyctl.lint.batch import lint_paths
from journeyctl.loader import DEFAULT_LIMITS, LoadLimits
from journeyctl.render import PendingView, renderer
from journeyctl.render.context import RenderContext
from journeyctl.render.environment import TemplatesMissingError
from journeyctl.render.labels import CatalogError
from journeyctl.render.view import build_view
from journeyctl.report import writer
from journeyctl.run import EXIT_ERROR, EXIT_FINDINGS, exit_code, validate_paths, validation_report
from journeyctl.validate import Run

DEFAULT_HTML_FOLDER: Final = Path("site")
"""Where HTML goes without --out; Markdown and Mermaid go to stdout instead."""
_LANGUAGE_TAG: Final = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True, slots=True)
class RenderRequest:
    paths: Sequence[str]
    output_format: str = "html"
    out: Path | None = None
    lang: str | None = None
    templates: Path | None = None
    force: bool = False
    lint: bool = True
    today: dt.date | None = None
    limits: LoadLimits = DEFAULT_LIMITS


class _UsageError(Exception):
    pass


def run_render(request: RenderRequest, version: str, stdout: TextIO, stderr: TextIO) -> int:
    """Render what `request` names; returns the exit code. Messages go to `stderr`."""
    try:
        return _render(request, version, stdout, stderr)
    except (_UsageError, OutputRefusedError, CatalogError, TemplatesMissingError) as error:
        stderr.write(f"journeyctl: error: {printable(str(error))}\n")  # may quote a config file
    except TemplateSyntaxError as error:
        stderr.write(f"journeyctl: error: template {error.filename or error.name}:{error.lineno}: {error.message}\n")
    except TemplateError as error:
        stderr.write(f"journeyctl: error: a template failed: {error}\n")
    except OSError as error:
        stderr.write(f"journeyctl: error: cannot write {error.filename or 'the output'}: {error.strerror or error}\n")
    return EXIT_ERROR


def _render(request: RenderRequest, version: str, stdout: TextIO, stderr: TextIO) -> int:
    if request.lang is not None and not _LANGUAGE_TAG.match(request.lang):
        raise _UsageError(f"--lang '{request.lang}' is not a language tag; write e.g. en, pt-BR or ro")
    if request.templates is not None and not request.templates.is_dir():
        raise _UsageError(f"--templates {request.templates}: no such folder")
    today = request.today or dt.date.today()
    context = RenderContext.create(version=version, lang=request.lang, templates=request.templates)
    if request.lang is not None and context.forced_lang is None:
        stderr.write(
            f"journeyctl: no labels for '{request.lang}' (available: {', '.join(context.catalogs.available)}); "
            "labels stay in each map's own language or English\n"
        )
    config, config_error = _lint_config() if request.lint else (None, None)
    if config is not None:
        # Each journey is linted right after it is checked, so that its node tree is
        # released before the next file is read (lint_run would keep them all).
        run, linted = lint_paths(list(request.paths), config, today, request.limits)
    else:
        run, linted = validate_paths(list(request.paths), request.limits), None
    problems = run.all_diagnostics()
    if problems:
        writer("text")(validation_report(run, quiet=True), stderr)
        stderr.write("journeyctl: files with errors are not rendered\n")
    if config_error is not None:
        raise config_error
    status = exit_code(problems)
    journeys = _pending_views(run, today, findings=_by_file(linted.diagnostics) if linted is not None else None)
    if not journeys:
        if not problems:
            stderr.write(f"journeyctl: nothing to render: no journey file in {', '.join(request.paths)}\n")
            return EXIT_ERROR
        return max(status, EXIT_FINDINGS)
    chosen = renderer(request.output_format)
    outputs = chosen.render(journeys, context)  # loads templates and labels; renders nothing yet
    if request.out is None and request.output_format != "html":
        stdout.write("\n".join(output.text for output in outputs))
        return status
    folder = request.out or DEFAULT_HTML_FOLDER
    inputs = [Path(checked.file) for checked in run.files]
    # The folder is checked against the names before anything is rendered; then each
    # page is written as soon as it is rendered, so that only one is held at a time.
    prepared = prepare_output_folder(folder, chosen.names(journeys), inputs, force=request.force)
    written = write_outputs(prepared, ((o.name, o.text) for o in outputs))
    stderr.write(_summary(written, folder))
    return status


def _lint_config() -> tuple[LintConfig | None, _UsageError | None]:
    """The configuration `journeyctl lint` would find, or the error to report after validation."""
    try:
        return load_config(), None
    except ConfigError as error:
        return None, _UsageError(f"{error} (or pass --no-lint)")


def _by_file(diagnostics: Sequence[Diagnostic]) -> dict[str, list[Diagnostic]]:
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        by_file[diagnostic.file].append(diagnostic)
    return by_file


def _pending_views(run: Run, today: dt.date, *, findings: dict[str, list[Diagnostic]] | None) -> list[PendingView]:
    """Each valid journey, its view to be built when the renderer reaches it."""
    personas = {persona.id: persona for _, persona in run.personas()}
    return [
        PendingView(
            journey.id,
            journey.lang,
            partial(
                build_view,
                journey,
                source_file=checked.file,
                personas=personas,
                today=today,
                diagnostics=findings.get(checked.file, []) if findings is not None else (),
                lint_available=findings is not None,
            ),
        )
        for checked, journey in run.journeys()
    ]


def _summary(written: Sequence[Path], folder: Path) -> str:
    opening = next((path for path in written if path.name == "index.html"), written[0] if written else None)
    noun = "file" if len(written) == 1 else "files"
    where = f"; open {opening}" if opening is not None and opening.suffix == ".html" else ""
    return f"journeyctl: wrote {len(written)} {noun} to {folder}{where}\n"
