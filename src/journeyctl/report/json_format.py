"""`--format json`: one JSON object, versioned; documented in docs/output.md."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any, Final, TextIO

from journeyctl import __version__
from journeyctl.diagnostics import Diagnostic
from journeyctl.report import Report

SCHEMA_VERSION: Final = 1


def coverage_object(coverage: dict[str, tuple[int, int]]) -> dict[str, dict[str, Any]]:
    return {
        name: {"covered": covered, "total": total, "ratio": round(covered / total, 4) if total else None}
        for name, (covered, total) in coverage.items()
    }


def write(report: Report, out: TextIO) -> None:
    head = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "journeyctl", "version": __version__},
        "command": report.command,
        "summary": {
            "files": len(report.files),
            "files_with_problems": report.files_with_problems(),
            **report.counts(),
            "by_code": report.counts_by_code(),
            **({"coverage": coverage_object(report.coverage)} if report.coverage else {}),
        },
    }
    files = [{"file": entry.file, "kind": entry.kind, "id": entry.id, "valid": entry.valid} for entry in report.files]
    # The same text as json.dump(..., indent=2) of the whole document. With an indent,
    # json encodes in pure Python, object by object; the two long lists of flat records
    # are written here with C routines instead, several times faster on a run with
    # thousands of findings.
    out.write(json.dumps(head, ensure_ascii=False, indent=2).removesuffix("\n}"))
    out.write(',\n  "files": ')
    write_list(out, map(_flat_record, files), "  ")
    out.write(',\n  "diagnostics": ')
    write_list(out, _diagnostic_records(report.diagnostics), "  ")
    out.write("\n}\n")


_ITEMS_PER_WRITE: Final = 1024
"""Items joined per write: few calls, and a report never held whole in memory."""


def write_list(out: TextIO, items: Iterable[str], indent: str) -> None:
    """Encoded items as a JSON list whose brackets sit at `indent`, the way indent=2 lays one out.

    Each item carries its own indentation. Written in batches: a run's findings as one
    string would double the peak memory of a lint over thousands of files.
    """
    pending = iter(items)
    opening = "[\n"
    while batch := list(itertools.islice(pending, _ITEMS_PER_WRITE)):
        out.write(opening + ",\n".join(batch))
        opening = ",\n"
    out.write(f"\n{indent}]" if opening == ",\n" else "[]")


def _flat_record(record: dict[str, Any]) -> str:
    """An object with scalar values, in one call to the C encoder: its item separator
    is the line break and indentation that indent=2 puts between the members of a
    second-level object."""
    return "    {\n      " + _encode_members(record)[1:-1] + "\n    }"


_encode_members = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": ")).encode

_DIAGNOSTIC_FIELDS: Final = (
    ("code", "%s"),
    ("name", "%s"),
    ("severity", "%s"),
    ("message", "%s"),
    ("fix", "%s"),
    ("file", "%s"),
    ("path", "%s"),
    ("line", "%d"),
    ("column", "%d"),
    ("end_line", "%d"),
    ("end_column", "%d"),
    ("docs_url", "%s"),
)
_DIAGNOSTIC_RECORD: Final = (
    "    {\n" + ",\n".join(f'      "{name}": {slot}' for name, slot in _DIAGNOSTIC_FIELDS) + "\n    }"
)
"""One finding as indent=2 lays it out; the text slots take JSON-encoded strings."""


def _diagnostic_records(diagnostics: Iterable[Diagnostic]) -> Iterator[str]:
    # A lint run over a thousand maps reports tens of thousands of findings: one
    # %-format per finding, with the strings quoted by json's own C routine, costs
    # less than half of building a dict for each and encoding it. The values follow
    # the order of `_DIAGNOSTIC_FIELDS`.
    quote = encode_basestring
    for d in diagnostics:
        yield _DIAGNOSTIC_RECORD % (
            quote(d.code),
            quote(d.name),
            quote(d.severity.label),
            quote(d.message),
            quote(d.fix),
            quote(d.file),
            quote(d.path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            quote(d.docs_url),
        )
