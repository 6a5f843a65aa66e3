"""Which files a run looks at: the paths named, and the YAML files inside folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from journeyctl.diagnostics import Diagnostic, problem

YAML_SUFFIXES: Final = (".yaml", ".yml")
_SKIPPED_FOLDERS: Final = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True, slots=True)
class Target:
    path: Path
    display: str
    """The path as the user would write it: the argument, joined with what the walk found."""
    explicit: bool
    """Named on the command line, not found in a folder."""


def discover(arguments: list[str]) -> tuple[list[Target], list[Diagnostic]]:
    """Expand the arguments into files, in a stable order, each once."""
    targets: list[Target] = []
    problems: list[Diagnostic] = []
    seen: set[str] = set()

    def add(path: Path, display: str, *, explicit: bool) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            targets.append(Target(path, shown_path(display), explicit))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            for found in _walk(argument, problems):
                add(found, os.path.normpath(found), explicit=False)
        elif argument.endswith(("/", os.sep)) and path.exists():
            # Path() drops the trailing slash; the user asked for a folder, as `cat x/` would.
            problems.append(
                problem(
                    "JM013",
                    "is a file, not a folder",
                    file=shown_path(argument),
                    fix=f"name the file without the trailing slash: {argument.rstrip('/' + os.sep)}",
                )
            )
        elif path.exists() or path.is_symlink():
            add(path, argument, explicit=True)
        else:
            problems.append(
                problem(
                    "JM013",
                    "no such file or folder",
                    file=shown_path(argument),
                    fix="check the path; folders are searched for *.yaml and *.yml files",
                )
            )
    return targets, problems


def shown_path(name: str) -> str:
    """A file name as reports show it: bytes that are not UTF-8 become `\\xff` escapes.

    Python carries such bytes as lone surrogates, which would make every report
    (JSON included) invalid UTF-8 or fail to print at all.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _walk(argument: str, problems: list[Diagnostic]) -> list[Path]:
    """YAML files under the folder `argument`, sorted; hidden folders skipped; symlinked folders once."""
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = error.filename or argument
        problems.append(problem("JM011", f"cannot be read: {error.strerror or error}", file=shown_path(str(where))))

    for folder, subfolders, files in os.walk(argument, onerror=unreadable, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError as error:
            unreadable(error)
            subfolders[:] = []
            continue
        identity = (stat.st_dev, stat.st_ino)
        if identity in visited:  # a symlink loop, or a folder reached twice
            subfolders[:] = []
            continue
        visited.add(identity)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in _SKIPPED_FOLDERS)
        found.extend(Path(folder, name) for name in sorted(files) if name.endswith(YAML_SUFFIXES))
    return found
