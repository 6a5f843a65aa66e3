"""The one record every problem is reported as, from a YAML syntax error to a lint finding.

This module imports nothing else from the package: loaders, validators, rules and
reporters all speak in `Diagnostic`s.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final

DOCS_URL: Final = "https://github.com/journeyctl/journeyctl/blob/main/docs/"


class Severity(enum.IntEnum):
    """Ordered so that `severity >= threshold` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place.

    `line` and `column` are 1-based and point at the offending node; a problem about
    something missing points at the closest existing ancestor. They are 0 when the
    problem has no place inside a file (a path that does not exist, say).
    """

    code: str
    name: str
    severity: Severity
    message: str
    file: str
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fix: str = ""
    docs_url: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.path)

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[object, ...]]:
        # Workers send thousands of findings back to the parent (--jobs). Rebuilt
        # through the constructor they unpickle at twice the speed of a frozen
        # dataclass's own field-by-field state.
        return (Diagnostic, tuple(getattr(self, name) for name in self.__slots__))


@dataclass(frozen=True, slots=True)
class Check:
    """A validation check: what a diagnostic code means.

    `fatal` marks problems with the run rather than with a map (unreadable paths,
    limits, internal errors): they make the exit code 2 instead of 1.
    """

    code: str
    name: str
    summary: str
    fatal: bool = False

    @property
    def docs_url(self) -> str:
        return f"{DOCS_URL}format.md#{self.code.lower()}-{self.name}"


def _checks(*checks: Check) -> dict[str, Check]:
    return {check.code: check for check in checks}


# Validation codes live in family JM0; lint rules use JM1 to JM9. Codes are permanent.
CHECKS: Final = _checks(
    Check("JM001", "yaml-syntax-invalid", "The file is not well-formed YAML."),
    Check("JM002", "encoding-invalid", "The file is not UTF-8 text."),
    Check("JM003", "file-empty", "The file holds no YAML document."),
    Check("JM004", "root-not-mapping", "The document is not a mapping of keys to values."),
    Check("JM005", "file-multiple-documents", "The file holds more than one YAML document."),
    Check("JM006", "key-duplicate", "A mapping has the same key twice."),
    Check("JM007", "aliases-expand-too-far", "YAML aliases expand the document beyond the limit."),
    Check("JM008", "nesting-too-deep", "The document nests deeper than the limit."),
    Check("JM009", "file-too-large", "The file is larger than the size limit.", fatal=True),
    Check("JM010", "tag-not-allowed", "The document uses a YAML tag journeyctl does not accept."),
    Check("JM011", "file-unreadable", "The file or folder cannot be read.", fatal=True),
    Check("JM012", "kind-unknown", "The file does not say it is a journey or a persona."),
    Check("JM013", "path-not-found", "A path given on the command line does not exist.", fatal=True),
    Check("JM020", "key-unknown", "A key the format does not define."),
    Check("JM021", "field-missing", "A required field is missing."),
    Check("JM022", "value-invalid", "A value has the wrong type or is out of range."),
    Check("JM030", "id-duplicate", "Two elements of one journey share an id."),
    Check("JM031", "channel-unknown", "A touchpoint names a channel that is neither built in nor declared."),
    Check("JM032", "pain-point-unknown", "An opportunity addresses a pain point that does not exist."),
    Check("JM033", "persona-unknown", "A persona reference does not resolve."),
    Check("JM034", "id-duplicate-across-files", "Two files of one run declare the same id."),
    Check("JM099", "internal-error", "journeyctl failed on this file; this is a bug.", fatal=True),
)


def problem(
    code: str,
    message: str,
    *,
    file: str,
    path: str = "",
    line: int = 0,
    column: int = 0,
    end_line: int = 0,
    end_column: int = 0,
    fix: str = "",
) -> Diagnostic:
    """A validation diagnostic for one of the `CHECKS` codes (always an error)."""
    check = CHECKS[code]
    return Diagnostic(
        code=code,
        name=check.name,
        severity=Severity.ERROR,
        message=message,
        file=file,
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
        docs_url=check.docs_url,
    )


def is_fatal(diagnostic: Diagnostic) -> bool:
    check = CHECKS.get(diagnostic.code)
    return check is not None and check.fatal


def format_path(parts: tuple[str | int, ...]) -> str:
    """`("stages", 1, "steps", 0)` -> `stages[1].steps[0]`."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif out:
            out.append(f".{part}")
        else:
            out.append(part)
    return "".join(out)


# C0 and C1 control characters but tab and line breaks, DEL, and the bidirectional
# overrides that reorder how a line looks ("Trojan source"). A file or key name holding
# them could clear the screen, retitle the terminal or hide text when it is printed.
_UNPRINTABLE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters shown as escapes (`\\x1b`), safe to print to a terminal."""
    return _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], text)
