"""Inputs built to exhaust memory are refused while memory stays small.

A generous bound, not a measurement: the figures are in docs/security.md, measured by
tests/hostile/measure_memory.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_inputs import fifty_megabytes, measure

CORPUS = Path(__file__).parent / "corpus"
BOUND_KIB = 200 * 1024


@pytest.mark.parametrize(
    ("make_input", "code", "exit_code"),
    [
        (lambda root: str(CORPUS / "alias-bomb.yaml"), "JM007", 1),
        (lambda root: str(CORPUS / "million-touchpoints.yaml"), "JM007", 1),
        (fifty_megabytes, "JM009", 2),
    ],
    ids=["alias-bomb", "million-touchpoints", "fifty-megabytes"],
)
def test_memory_bombs_are_refused_within_a_small_bound(
    make_input: Callable[[Path], str], code: str, exit_code: int, tmp_path: Path
) -> None:
    measured = measure(["validate", "--format", "json", make_input(tmp_path)])
    assert measured.returncode == exit_code, measured.stderr
    assert f'"code": "{code}"' in measured.stdout
    assert measured.peak_rss_kib < BOUND_KIB
