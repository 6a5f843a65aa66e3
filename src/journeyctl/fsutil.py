"""Writing output files safely: atomically, and never over something journeyctl did not write.

A reader (a browser, a web server, a CI artifact upload) never sees a half-written
file: each file is written to a temporary file in the target folder and moved into
place with `os.replace`, which is atomic on one file system. An output folder may be
reused run after run; a small manifest records what journeyctl wrote there, so that a
folder holding anything else is refused unless the user says `--force`.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

MANIFEST_NAME: Final = ".journeyctl-manifest.json"
_MANIFEST_GENERATOR: Final = "journeyctl"
_TEMP_PREFIX: Final = ".journeyctl-"


class OutputRefusedError(Exception):
    """The output folder cannot be used as asked; the message says why and what to do."""


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` as UTF-8 to `path` so that `path` is either the old file or the whole new one.

    The temporary file lives in the target folder (os.replace cannot move across file
    systems) and is removed if anything fails. No fsync: the promise is that readers
    never see a partial file, not durability across a power cut, and syncing each of
    a thousand maps would dominate the run.
    """
    temporary = _write_temporary(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _write_temporary(path: Path, text: str) -> str:
    """`text` in a new temporary file beside `path`, ready to be moved over it; its name."""
    handle, temporary = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(temporary: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


@dataclass(frozen=True, slots=True)
class OutputFolder:
    """A folder checked for writing: which of its files journeyctl wrote earlier."""

    path: Path
    written_before: frozenset[str]


def prepare_output_folder(folder: Path, planned: Sequence[str], inputs: Iterable[Path], *, force: bool) -> OutputFolder:
    """Check that writing `planned` file names into `folder` is safe, and create the folder.

    Refuses (OutputRefusedError) when the folder is a file; when a planned file would
    replace one of the `inputs` (never allowed, even with `force`: input files are
    never touched); and, unless `force`, when the folder already holds files that no
    earlier run of journeyctl wrote.
    """
    if folder.exists() and not folder.is_dir():
        raise OutputRefusedError(f"{folder} exists and is not a folder; choose another --out")
    input_paths = {os.path.realpath(path) for path in inputs}
    for name in planned:
        target = os.path.realpath(folder / name)
        if target in input_paths:
            raise OutputRefusedError(
                f"writing {folder / name} would overwrite an input file; choose another --out (input files are never "
                "touched, even with --force)"
            )
    written_before = _read_manifest(folder)
    if folder.is_dir() and not force:
        foreign = sorted(
            entry.name for entry in folder.iterdir() if entry.name != MANIFEST_NAME and entry.name not in written_before
        )
        if foreign:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            raise OutputRefusedError(
                f"{folder} already holds files journeyctl did not write ({shown}); choose an empty or new folder "
                "for --out, or pass --force to write into it anyway (other files are left alone)"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputRefusedError(f"cannot create {folder}: {error.strerror or error}") from None
    return OutputFolder(folder, frozenset(written_before))


def write_outputs(output: OutputFolder, files: Iterable[tuple[str, str]]) -> list[Path]:
    """Write each (name, text) atomically, then the manifest naming everything journeyctl wrote there.

    `files` may be a generator that renders each file as it is asked for: each text is
    written to a temporary file in the folder at once, so that only one is held in
    memory. Nothing is moved into place until every file has been produced: if
    rendering fails part-way, the temporary files are removed and the folder is left
    as it was.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files:
            target = output.path / name
            staged.append((_write_temporary(target, text), target))
            del text  # not held while the next file is produced
    except BaseException:
        for temporary, _ in staged:
            _remove(temporary)
        raise
    written: list[Path] = []
    try:
        for temporary, target in staged:
            os.replace(temporary, target)
            written.append(target)
    except BaseException:
        for temporary, _ in staged[len(written) :]:
            _remove(temporary)
        if any(path.name not in output.written_before for path in written):
            with contextlib.suppress(OSError):  # so that the next run does not take them for someone else's
                _write_manifest(output, written)
        raise
    _write_manifest(output, written)
    return written


def _write_manifest(output: OutputFolder, written: Sequence[Path]) -> None:
    names = sorted(
        {name for name in output.written_before if (output.path / name).exists()} | {path.name for path in written}
    )
    manifest = {"generator": _MANIFEST_GENERATOR, "files": names}
    atomic_write_text(output.path / MANIFEST_NAME, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def _read_manifest(folder: Path) -> set[str]:
    """The file names an earlier run recorded; an unreadable or foreign manifest records nothing."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():  # missing, or a FIFO that would block the read forever
        return set()
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return set()
    if not isinstance(data, dict) or data.get("generator") != _MANIFEST_GENERATOR:
        return set()
    files = data.get("files")
    if not isinstance(files, list):
        return set()
    # Plain names only: a manifest must not vouch for anything outside its folder.
    return {name for name in files if isinstance(name, str) and name and "/" not in name and "\\" not in name}
