"""The human format: grouped by file, coloured by severity, `help:` and `docs:` lines, a summary."""

from __future__ import annotations

from itertools import groupby
from typing import Final, TextIO

from rich.console import Console
from rich.text import Text

from journeyctl.diagnostics import Diagnostic, Severity, printable
from journeyctl.report import Report

_STYLE: Final = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _location(diagnostic: Diagnostic) -> str:
    if diagnostic.line:
        return f"{printable(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}"
    return printable(diagnostic.file)


def render_diagnostic(diagnostic: Diagnostic) -> Text:
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
    counts = report.counts()
    checked = len(report.files)
    noun = "file" if checked == 1 else "files"
    if not report.diagnostics:
        return Text(f"✓ {checked} {noun} checked, no problems.", style="bold green")
    parts = [
        f"{count} {label}{'s' if count != 1 and label != 'info' else ''}" for label, count in counts.items() if count
    ]
    style = "bold red" if counts["error"] else "bold yellow"
    return Text(f"✗ {', '.join(parts)} in {report.files_with_problems()} of {checked} {noun} checked.", style=style)


def write(report: Report, out: TextIO) -> None:
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    for _, group in groupby(report.diagnostics, key=lambda d: d.file):
        for diagnostic in group:
            console.print(render_diagnostic(diagnostic))
        console.print()
    if not report.quiet:
        console.print(summary(report))
        for label, value in report.summary_extra.items():
            console.print(Text(f"  {label.replace('_', ' ')}: {value}", style="dim"))
