"""The human format: grouped by file, coloured by severity, `help:` and `docs:` lines, a summary."""

from __future__ import annotations

import os
from itertools import groupby
from typing import TYPE_CHECKING, Final, TextIO

from journeyctl.diagnostics import Diagnostic, Severity, printable
from journeyctl.report import Report

if TYPE_CHECKING:  # Rich is imported only when a report has something to style
    from rich.console import Console

_STYLE: Final = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _location(diagnostic: Diagnostic) -> str:
    if diagnostic.line:
        return f"{printable(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}"
    return printable(diagnostic.file)


Piece = tuple[str, str]
"""A run of text and the Rich style it is printed in where output is styled ("": none)."""


def diagnostic_pieces(diagnostic: Diagnostic) -> list[Piece]:
    # Pieces of text, never markup strings: map content may hold [brackets] of its own.
    # The code is a terminal hyperlink to its documentation where the terminal supports it.
    code_style = f"bold link {diagnostic.docs_url}" if diagnostic.docs_url else "bold"
    pieces = [
        (_location(diagnostic), "bold"),
        (": ", ""),
        (diagnostic.severity.label, _STYLE[diagnostic.severity]),
        (" ", ""),
        (diagnostic.code, code_style),
        (" ", ""),
        (printable(diagnostic.message), ""),
        (f" [{diagnostic.name}]", "dim"),
    ]
    if diagnostic.fix:
        pieces += [("\n  help: ", "green"), (printable(diagnostic.fix), "")]
    if diagnostic.path:
        pieces.append((f"\n  at: {printable(diagnostic.path)}", "dim"))
    if diagnostic.docs_url:
        pieces.append((f"\n  docs: {diagnostic.docs_url}", "dim"))
    return pieces


def summary_pieces(report: Report) -> list[Piece]:
    counts = report.counts()
    if not report.diagnostics:
        return [(_all_clear(report), "bold green")]
    checked = len(report.files)
    noun = "file" if checked == 1 else "files"
    parts = [
        f"{count} {label}{'s' if count != 1 and label != 'info' else ''}" for label, count in counts.items() if count
    ]
    style = "bold red" if counts["error"] else "bold yellow"
    return [(f"✗ {', '.join(parts)} in {report.files_with_problems()} of {checked} {noun} checked.", style)]


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


class _Printer:
    """Prints lines of pieces: through Rich where output is styled, as plain text elsewhere.

    Unstyled output (a pipe, a CI log, a pre-commit hook) is the text Rich would print
    there, written directly: Rich renders a finding in about 150 microseconds, which
    made a lint of a thousand maps with 30,000 findings take three times as long as
    finding them. The two differ only where Rich rewrites text (it expands tabs by
    display width and drops carriage returns), and those lines still go through Rich.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.styled = _styled(out)
        self._console: Console | None = None

    def line(self, pieces: list[Piece] | None = None) -> None:
        pieces = pieces or []
        if self.styled:
            self._rich(pieces)
            return
        text = "".join(piece for piece, _ in pieces)
        if "\t" in text or "\r" in text:
            self._rich(pieces)
        else:
            self.out.write(text + "\n")

    def _rich(self, pieces: list[Piece]) -> None:
        # Imported here: where nothing is styled, a run never pays for Rich.
        from rich.text import Text  # noqa: PLC0415

        if self._console is None:
            from rich.console import Console  # noqa: PLC0415

            self._console = Console(file=self.out, highlight=False, soft_wrap=True, emoji=False)
        self._console.print(Text.assemble(*pieces))


def write(report: Report, out: TextIO) -> None:
    printer = _Printer(out)
    for _, group in groupby(report.diagnostics, key=lambda d: d.file):
        for diagnostic in group:
            printer.line(diagnostic_pieces(diagnostic))
        printer.line()
    if report.quiet:
        return
    printer.line(summary_pieces(report))
    if report.rules and report.diagnostics:
        names = {d.code: d.name for d in report.diagnostics}
        by_rule = ", ".join(f"{code} {names[code]} {count}" for code, count in report.counts_by_code().items())
        printer.line([(f"  by rule: {by_rule}", "dim")])
    for name, (covered, total) in report.coverage.items():
        share = f"{covered} of {total} ({covered / total:.0%})" if total else "none to count"
        printer.line([(f"  {name.replace('_', ' ')}: {share}", "dim")])
