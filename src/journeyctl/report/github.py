"""`--format github`: GitHub Actions workflow commands, one annotation per diagnostic."""

from __future__ import annotations

from typing import Final, TextIO

from journeyctl.diagnostics import Diagnostic, Severity, printable
from journeyctl.report import Report

_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)  # the log viewer interprets terminal escapes too


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    properties = [f"file={_escape_property(diagnostic.file)}"]
    if diagnostic.line:
        properties.append(f"line={diagnostic.line}")
        properties.append(f"col={diagnostic.column}")
        if diagnostic.end_line:
            properties.append(f"endLine={diagnostic.end_line}")
            properties.append(f"endColumn={diagnostic.end_column}")
    properties.append(f"title={_escape_property(f'{diagnostic.code} {diagnostic.name}')}")
    message = diagnostic.message
    if diagnostic.fix:
        message += f"\nhelp: {diagnostic.fix}"
    if diagnostic.docs_url:
        message += f"\ndocs: {diagnostic.docs_url}"
    return f"::{_LEVEL[diagnostic.severity]} {','.join(properties)}::{_escape_data(message)}"


def write(report: Report, out: TextIO) -> None:
    for diagnostic in report.diagnostics:
        out.write(annotation(diagnostic) + "\n")
