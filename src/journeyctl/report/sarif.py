"""`--format sarif`: SARIF 2.1.0, the way GitHub code scanning reads it.

One run, with a rules array holding every rule the command describes (`Report.rules`)
plus any code that occurs without a description there (validation checks), so that
each result's `ruleIndex` points at its rule. Documented in docs/output.md and
docs/ci.md.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TextIO
from urllib.parse import quote

from journeyctl import __version__
from journeyctl.diagnostics import CHECKS, Diagnostic, Severity, is_fatal
from journeyctl.report import Report, RuleInfo
from journeyctl.report.json_format import write_list

SARIF_VERSION: Final = "2.1.0"
SARIF_SCHEMA: Final = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI: Final = "https://github.com/journeyctl/journeyctl"
SOURCE_ROOT: Final = "%SRCROOT%"
FINGERPRINT_KEY: Final = "journeyctl/v1"
"""Our own partial fingerprint. GitHub's upload action adds `primaryLocationLineHash`
next to it; it reserves that key for a hash of the line's text, so we leave it alone."""

LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

VALIDATION_FAMILY: Final = "JM0"
"""Codes of this family are validation checks; every other code is a lint rule."""


def write(report: Report, out: TextIO) -> None:
    """The log indented by two, as `json.dump(indent=2)` would, but each result on one line.

    With an indent, json encodes in pure Python, and a run over a thousand maps holds
    tens of thousands of results: one line each, from json's C encoder, writes them
    several times faster, and reads well in a diff.
    """
    log, results = _log_and_results(report, Path.cwd())
    closing = "\n    }\n  ]\n}"
    out.write(json.dumps(log, ensure_ascii=False, indent=2).removesuffix(closing))
    out.write(',\n      "results": ')
    write_list(out, ("        " + _encode_line(result) for result in results), "      ")
    out.write(closing + "\n")


_encode_line = json.JSONEncoder(ensure_ascii=False).encode


def sarif_log(report: Report, source_root: Path) -> dict[str, Any]:
    """The whole SARIF log; file paths become URIs relative to `source_root`.

    Problems with the run rather than with a map (a path that does not exist, an
    unreadable or oversized file) are not results: a code-scanning alert on them would
    mean nothing. They are the invocation's notifications, and mark it unsuccessful.
    """
    log, results = _log_and_results(report, source_root)
    log["runs"][0]["results"] = list(results)
    return log


def _log_and_results(report: Report, source_root: Path) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """`sarif_log` without the run's results, and the results one at a time.

    `write` encodes each result as it is made: the results of a run over thousands of
    maps are never all held at once.
    """
    findings = [d for d in report.diagnostics if not is_fatal(d)]
    failures = [d for d in report.diagnostics if is_fatal(d)]
    rules = rules_for(report.rules, findings)
    index_of = {rule.code: index for index, rule in enumerate(rules)}

    def results() -> Iterator[dict[str, Any]]:
        occurrences: Counter[tuple[str, str, str]] = Counter()
        for diagnostic in findings:
            uri = artifact_uri(diagnostic.file, source_root)
            identity = (uri, diagnostic.path, diagnostic.code)
            occurrences[identity] += 1
            yield result_object(diagnostic, uri, index_of[diagnostic.code], occurrences[identity])

    invocation: dict[str, Any] = {"executionSuccessful": not failures}
    if failures:
        invocation["toolExecutionNotifications"] = [
            notification_object(diagnostic, artifact_uri(diagnostic.file, source_root)) for diagnostic in failures
        ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "journeyctl",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_object(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                # The loader counts columns in characters, not in UTF-16 units.
                "columnKind": "unicodeCodePoints",
                # "results" comes last: `write` appends it after the rest of the log.
            }
        ],
    }
    return log, results()


def rules_for(described: Iterable[RuleInfo], diagnostics: Iterable[Diagnostic]) -> list[RuleInfo]:
    """The rules the command described, then each other code that occurs, by code.

    A code without a description (validation checks; any command that passes no
    rules) is described from its first diagnostic.
    """
    rules = {rule.code: rule for rule in described}
    undescribed: dict[str, RuleInfo] = {}
    for diagnostic in diagnostics:
        if diagnostic.code not in rules and diagnostic.code not in undescribed:
            undescribed[diagnostic.code] = RuleInfo(
                code=diagnostic.code,
                name=diagnostic.name,
                summary=_summary_of(diagnostic.code, diagnostic.name),
                severity=diagnostic.severity,
                docs_url=diagnostic.docs_url,
            )
    return [*rules.values(), *(undescribed[code] for code in sorted(undescribed))]


def _summary_of(code: str, name: str) -> str:
    check = CHECKS.get(code)
    if check is not None:
        return check.summary
    return name.replace("-", " ").capitalize() + "."


def rule_object(rule: RuleInfo) -> dict[str, Any]:
    family = family_tag(rule.code)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description or f"{rule.summary} ({family} {rule.code}, {rule.name})"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["journeyctl", family]},
    }
    if rule.docs_url or rule.fix:
        descriptor["help"] = help_object(rule)
    if rule.docs_url:
        descriptor["helpUri"] = rule.docs_url
    return descriptor


def help_object(rule: RuleInfo) -> dict[str, str]:
    """What code scanning shows under "Rule help": why, how to fix, and a link to the doc."""
    text = [rule.description or rule.summary]
    markdown = [rule.description or rule.summary]
    if rule.fix:
        text.append(f"How to fix: {rule.fix}.")
        markdown.append(f"**How to fix:** {rule.fix}.")
    if rule.docs_url:
        text.append(f"Documentation: {rule.docs_url}")
        markdown.append(f"[{rule.code} {rule.name}]({rule.docs_url})")
    return {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)}


def family_tag(code: str) -> str:
    return "validation" if code.startswith(VALIDATION_FAMILY) else "lint"


def result_object(diagnostic: Diagnostic, uri: str, rule_index: int, occurrence: int) -> dict[str, Any]:
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": message_text(diagnostic)},
        "locations": [location_object(diagnostic, uri)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(uri, diagnostic.path, diagnostic.code, occurrence)},
    }


def notification_object(diagnostic: Diagnostic, uri: str) -> dict[str, Any]:
    return {
        "descriptor": {"id": diagnostic.code},
        "level": LEVELS[diagnostic.severity],
        "message": {"text": message_text(diagnostic)},
        "locations": [location_object(diagnostic, uri)],
    }


def message_text(diagnostic: Diagnostic) -> str:
    if diagnostic.fix:
        return f"{diagnostic.message}\nhelp: {diagnostic.fix}"
    return diagnostic.message


def location_object(diagnostic: Diagnostic, uri: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if not _is_absolute_uri(uri):
        artifact["uriBaseId"] = SOURCE_ROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    region = region_object(diagnostic)
    if region:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if diagnostic.path:
        location["logicalLocations"] = [{"fullyQualifiedName": diagnostic.path}]
    return location


def region_object(diagnostic: Diagnostic) -> dict[str, int]:
    """Only the positions that are known: 0 means unknown, and SARIF positions start at 1."""
    region: dict[str, int] = {}
    if diagnostic.line > 0:
        region["startLine"] = diagnostic.line
        if diagnostic.column > 0:
            region["startColumn"] = diagnostic.column
        if diagnostic.end_line > 0:
            region["endLine"] = diagnostic.end_line
            if diagnostic.end_column > 0:
                region["endColumn"] = diagnostic.end_column
    return region


def fingerprint(uri: str, path: str, code: str, occurrence: int) -> str:
    """Stable across reformatting: file, document path and code, never a line number.

    `occurrence` tells apart two findings that share all three (counted in report order).
    """
    identity = "\0".join((uri, path, code, str(occurrence)))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


def artifact_uri(file: str, source_root: Path) -> str:
    """A percent-encoded URI: relative with forward slashes when the file is under the root.

    A file outside the root (`../shared/x.yaml`, an absolute path elsewhere) gets an
    absolute `file://` URI, as a path climbing out of `%SRCROOT%` means nothing to GitHub.
    """
    absolute = Path(os.path.normpath(source_root / file))
    try:
        relative = absolute.relative_to(source_root)
    except ValueError:
        return absolute.as_uri()
    return quote(relative.as_posix(), safe="/")


def _is_absolute_uri(uri: str) -> bool:
    return uri.startswith("file:")
