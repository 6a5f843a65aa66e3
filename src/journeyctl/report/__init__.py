"""Output formats, behind one registry that also drives the CLI's `--format` choices.

Each format is a module with `write(report, out)`; it is imported only when chosen, so
machine formats never load Rich.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Final, Protocol, TextIO

from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.formats import REPORT_FORMATS

FORMATS: Final = REPORT_FORMATS
"""Format name -> module (journeyctl.formats). The first is the default."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    file: str
    kind: str | None
    id: str | None
    valid: bool


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a report says about a rule or check it mentions (SARIF's rules array, docs links)."""

    code: str
    name: str
    summary: str
    severity: Severity
    docs_url: str
    description: str = ""
    """Why the rule matters, a paragraph; SARIF shows it as the rule's full description."""
    fix: str = ""
    """How to close the gap in general (each finding also carries its own hint)."""


@dataclass(slots=True)
class Report:
    command: str
    files: list[FileEntry]
    diagnostics: list[Diagnostic]
    quiet: bool = False
    rules: list[RuleInfo] = field(default_factory=list)
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Lint's coverage figures: name (`stages_with_owner`) -> (covered, total)."""

    def counts(self) -> dict[str, int]:
        by_severity = Counter(d.severity.label for d in self.diagnostics)
        return {label: by_severity.get(label, 0) for label in ("error", "warning", "info")}

    def files_with_problems(self) -> int:
        return len({d.file for d in self.diagnostics})

    def counts_by_code(self) -> dict[str, int]:
        """Diagnostics per code, in code order."""
        return dict(sorted(Counter(d.code for d in self.diagnostics).items()))


class Writer(Protocol):
    def __call__(self, report: Report, out: TextIO) -> None: ...


def writer(name: str) -> Writer:
    module = importlib.import_module(FORMATS[name])
    write: Writer = module.write
    return write
