"""Baselines: record today's findings, then report only new ones.

A finding is keyed by its file (relative to the baseline file's folder, so the run
may start anywhere), its document path and its rule code: never by line, so that
reformatting or adding stages above does not bring old findings back. Identical keys
are counted: fixing one of two identical findings leaves one still baselined, and a
third one is new. Validation problems are never baselined: a broken file is reported.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from journeyctl.diagnostics import Diagnostic
from journeyctl.lint.registry import RULES

BASELINE_VERSION: Final = 1
Key = tuple[str, str, str]


class BaselineError(Exception):
    """The baseline file cannot be read or written; the message says which and why."""


def _key(diagnostic: Diagnostic, root: Path) -> Key:
    try:
        file = Path(os.path.relpath(Path(diagnostic.file).resolve(), root)).as_posix()
    except ValueError:  # another drive on Windows
        file = Path(diagnostic.file).as_posix()
    return (file, diagnostic.path, diagnostic.code)


def _baselined(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code in RULES]


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> Counter[Key]:
    """Write the lint findings atomically; returns what was recorded."""
    root = path.resolve().parent
    counts = Counter(_key(d, root) for d in _baselined(diagnostics))
    document = {
        "journeyctl_baseline": BASELINE_VERSION,
        "findings": [
            {"file": file, "path": where, "code": code, "count": count}
            for (file, where, code), count in sorted(counts.items())
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    folder = path.resolve().parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise BaselineError(f"{path}: cannot write the baseline: {error.strerror or error}") from None
    return counts


def read_baseline(path: Path) -> Counter[Key]:
    if path.exists() and not path.is_file():  # a FIFO would block the read forever
        raise BaselineError(f"{path}: is not a regular file; name the baseline's JSON file")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise BaselineError(f"{path}: is not a journeyctl baseline (its JSON nests far too deep)") from None
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file; create one with --write-baseline") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: is not a journeyctl baseline (invalid JSON: {error})") from None
    if not isinstance(document, dict) or document.get("journeyctl_baseline") != BASELINE_VERSION:
        raise BaselineError(f"{path}: is not a journeyctl baseline of version {BASELINE_VERSION}")
    counts: Counter[Key] = Counter()
    entries = document.get("findings")
    for index, entry in enumerate(entries if isinstance(entries, list) else [None]):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(k), str) for k in ("file", "path", "code"))
            and isinstance(entry.get("count", 1), int)
            and not isinstance(entry.get("count", 1), bool)
        ):
            raise BaselineError(f"{path}: finding {index} is malformed; regenerate the file with --write-baseline")
        counts[(entry["file"], entry["path"], entry["code"])] += max(entry.get("count", 1), 0)
    return counts


def new_findings(diagnostics: Iterable[Diagnostic], baseline: Counter[Key], baseline_path: Path) -> list[Diagnostic]:
    """The diagnostics the baseline does not account for, in their original order."""
    root = baseline_path.resolve().parent
    remaining = Counter(baseline)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.code in RULES:
            key = _key(diagnostic, root)
            if remaining[key] > 0:
                remaining[key] -= 1
                continue
        kept.append(diagnostic)
    return kept
