"""Reading a file never asks for more than it holds, and never past the size limit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from journeyctl.loader import LoadLimits, _read_bounded, load_file


def test_a_file_that_grows_while_read_stops_just_past_the_limit() -> None:
    stream = io.BytesIO(b"k" * 5_000_000)
    raw = _read_bounded(stream, expected=10, limit=2_000_000)
    assert 2_000_000 < len(raw) < 5_000_000


def test_a_file_read_whole_when_it_is_as_large_as_it_said() -> None:
    assert _read_bounded(io.BytesIO(b"kind: journey\n"), expected=14, limit=100) == b"kind: journey\n"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc, whose files report no size")
def test_a_file_that_reports_no_size_is_still_read() -> None:
    result = load_file(Path("/proc/self/status"), "status")
    assert result.raw.startswith(b"Name:")


def test_a_limit_larger_than_memory_means_no_limit(tmp_path: Path) -> None:
    target = tmp_path / "journey.yaml"
    target.write_text("kind: journey\n", encoding="utf-8")
    result = load_file(target, "journey.yaml", LoadLimits(max_file_bytes=10**30))
    assert result.document is not None
    assert result.document.data == {"kind": "journey"}
