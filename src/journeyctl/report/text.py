"""The human format: grouped by file, coloured by severity, `help:` and `docs:` lines, a summary."""

from __future__ import annotations

import os
from itertools import groupby
from typing import TYPE_CHECKING, Final, TextIO

from journeyctl.diagnostics import Diagnostic, Severity, printable
from journeyctl.report import Report

if TYPE_CHECKING:  # Rich is imported only when a report has something to style
    from rich.text import Text

_STYLE: Final = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _location(diagnostic: Diagnostic) -> str:
    if diagnostic.line:
        return f"{printable(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}"
    return printable(diagnostic.file)


def render_diagnostic(diagnostic: Diagnostic) -> Text:
    from rich.text import Text  # noqa: PLC0415 - see write()

    # Text objects, never markup strings: map content may hold [brackets] of its own.
    line = Text()
    line.append(_location(diagnostic), style="bold")
    line.append(": ")
    line.append(diagnostic.severity.label, style=_STYLE[diagnostic.severity])
    # The code is a terminal hyperlink to its documentation where the terminal supports it.
    code_style = f"bold link {diagnostic.docs_url}" if diagnostic.docs_url else "bold"
    line.append(" ")
    line.append(diagnostic.code, style=code_style)
    line.append(" ")
    line.append(printable(diagnostic.message))
    line.append(f" [{diagnostic.name}]", style="dim")
    if diagnostic.fix:
        line.append("\n  help: ", style="green")
        line.append(printable(diagnostic.fix))
    if diagnostic.path:
        line.append(f"\n  at: {printable(diagnostic.path)}", style="dim")
    if diagnostic.docs_url:
        line.append(f"\n  docs: {diagnostic.docs_url}", style="dim")
    return line


def summary(report: Report) -> Text:
    from rich.text import Text  # noqa: PLC0415 - see write()

    counts = report.counts()
    if not report.diagnostics:
        return Text(_all_clear(report), style="bold green")
    checked = len(report.files)
    noun = "file" if checked == 1 else "files"
    parts = [
        f"{count} {label}{'s' if count != 1 and label != 'info' else ''}" for label, count in counts.items() if count
    ]
    style = "bold red" if counts["error"] else "bold yellow"
    return Text(f"✗ {', '.join(parts)} in {report.files_with_problems()} of {checked} {noun} checked.", style=style)


def _all_clear(report: Report) -> str:
    checked = len(report.files)
    return f"✓ {checked} {'file' if checked == 1 else 'files'} checked, no problems."


def _styled(out: TextIO) -> bool:
    """Whether Rich would style what it prints to `out`: a terminal, or styling forced."""
    if os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR"):
        return True
    try:
        return out.isatty()
    except ValueError:  # closed
        return False


def write(report: Report, out: TextIO) -> None:
    if not report.diagnostics and not report.coverage and not _styled(out):
        # A clean run printed where nothing is styled (a pre-commit hook, CI, a pipe) is
        # one plain line, the one Rich would print; importing Rich would take longer
        # than checking a small file.
        if not report.quiet:
            out.write(_all_clear(report) + "\n")
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    for _, group in groupby(report.diagnostics, key=lambda d: d.file):
        for diagnostic in group:
            console.print(render_diagnostic(diagnostic))
        console.print()
    if not report.quiet:
        console.print(summary(report))
        if report.rules and report.diagnostics:
            names = {d.code: d.name for d in report.diagnostics}
            by_rule = ", ".join(f"{code} {names[code]} {count}" for code, count in report.counts_by_code().items())
            console.print(Text(f"  by rule: {by_rule}", style="dim"))
        for name, (covered, total) in report.coverage.items():
            share = f"{covered} of {total} ({covered / total:.0%})" if total else "none to count"
            console.print(Text(f"  {name.replace('_', ' ')}: {share}", style="dim"))
