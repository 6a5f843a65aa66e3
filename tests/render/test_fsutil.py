"""Atomic writes and the output-folder guard."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeyctl.fsutil import (
    MANIFEST_NAME,
    OutputRefusedError,
    atomic_write_text,
    prepare_output_folder,
    write_outputs,
)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")

    def failing_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_atomic_write_writes_utf8(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    atomic_write_text(target, "ţară, São Paulo, 日本")
    assert target.read_bytes().decode("utf-8") == "ţară, São Paulo, 日本"


def test_manifest_records_what_was_written_and_vouches_for_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "site"
    written = write_outputs(prepare_output_folder(out, ["a.html"], [], force=False), [("a.html", "x")])
    assert written == [out / "a.html"]
    assert '"a.html"' in (out / MANIFEST_NAME).read_text(encoding="utf-8")
    prepare_output_folder(out, ["a.html"], [], force=False)
    (out / "b.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputRefusedError, match=r"b\.txt"):
        prepare_output_folder(out, ["a.html"], [], force=False)


def test_files_are_staged_one_at_a_time_and_moved_into_place_at_the_end(tmp_path: Path) -> None:
    out = tmp_path / "site"
    prepared = prepare_output_folder(out, ["a.html", "b.html"], [], force=False)
    seen: list[list[str]] = []

    def pages() -> Iterator[tuple[str, str]]:
        for name in ("a.html", "b.html"):
            seen.append(sorted(p.name for p in out.iterdir()))
            yield name, name.upper()

    assert write_outputs(prepared, pages()) == [out / "a.html", out / "b.html"]
    assert len(seen[1]) == 1  # a.html was on disk (staged) before b.html was produced
    assert seen[1][0].startswith(".journeyctl-")
    assert (out / "a.html").read_text(encoding="utf-8") == "A.HTML"
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST_NAME, "a.html", "b.html"]
    assert json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["files"] == ["a.html", "b.html"]


def test_when_rendering_fails_part_way_nothing_is_moved_into_place(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_outputs(prepare_output_folder(out, ["a.html"], [], force=False), [("a.html", "old")])
    prepared = prepare_output_folder(out, ["a.html", "b.html"], [], force=False)

    def pages() -> Iterator[tuple[str, str]]:
        yield "a.html", "new"
        raise RuntimeError("a template failed")

    with pytest.raises(RuntimeError, match="template"):
        write_outputs(prepared, pages())
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST_NAME, "a.html"]
    assert (out / "a.html").read_text(encoding="utf-8") == "old"


def test_a_manifest_cannot_vouch_for_paths_outside_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "sub").mkdir()
    (out / MANIFEST_NAME).write_text('{"generator": "journeyctl", "files": ["sub/x", "../y"]}', encoding="utf-8")
    with pytest.raises(OutputRefusedError, match="sub"):
        prepare_output_folder(out, ["a.html"], [], force=False)


def test_a_foreign_manifest_is_ignored(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / MANIFEST_NAME).write_text('{"generator": "other", "files": ["a.html"]}', encoding="utf-8")
    (out / "a.html").write_text("theirs", encoding="utf-8")
    with pytest.raises(OutputRefusedError):
        prepare_output_folder(out, ["a.html"], [], force=False)
