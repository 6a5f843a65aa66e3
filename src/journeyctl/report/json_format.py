"""`--format json`: one JSON object, versioned; documented in docs/output.md."""

from __future__ import annotations

import json
from typing import Any, Final, TextIO

from journeyctl import __version__
from journeyctl.diagnostics import Diagnostic
from journeyctl.report import Report

SCHEMA_VERSION: Final = 1


def diagnostic_object(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "fix": diagnostic.fix,
        "file": diagnostic.file,
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "docs_url": diagnostic.docs_url,
    }


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
    # are written here with the C encoder for each value instead, several times faster
    # on a run with thousands of findings.
    out.write(json.dumps(head, ensure_ascii=False, indent=2).removesuffix("\n}"))
    out.write(',\n  "files": ')
    out.write(_flat_records(files))
    out.write(',\n  "diagnostics": ')
    out.write(_flat_records([diagnostic_object(d) for d in report.diagnostics]))
    out.write("\n}\n")


def _flat_records(records: list[dict[str, Any]]) -> str:
    """A list of objects with scalar values, laid out as a second-level value of `indent=2`."""
    if not records:
        return "[]"
    # Each record in one call to the C encoder: its item separator is the line break
    # and indentation that indent=2 puts between the members of a second-level object.
    objects = ("    {\n      " + _encode_members(record)[1:-1] + "\n    }" for record in records)
    return "[\n" + ",\n".join(objects) + "\n  ]"


_encode_members = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": ")).encode
