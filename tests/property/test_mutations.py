"""Mutated and truncated examples never make validate, lint or render crash.

The mutations are the fuzzer's (tests/fuzz.py), with hypothesis drawing the choices;
the budget here is small, the long campaign is `python -m tests.fuzz`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz

SOURCES = fuzz.example_sources()


@dataclass
class DrawChooser:
    draw: Callable[[st.SearchStrategy[int]], int]

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fuzz.make_workspace(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_examples_never_crash_any_command(data: st.DataObject, workspace: Path) -> None:
    choose = DrawChooser(data.draw)
    source = fuzz.pick(choose, SOURCES)
    mutated = source.data
    for kind in data.draw(st.lists(st.sampled_from(sorted(fuzz.MUTATIONS)), min_size=1, max_size=3)):
        mutated = fuzz.MUTATIONS[kind](mutated, choose)
    for outcome in fuzz.check_mutation(source, mutated, choose, workspace):
        assert outcome.problem is None, f"{outcome.command} on mutated {source}:\n{outcome.problem}"


# The persona files: a sweep over every line of a journey would take too long here.
SMALL_SOURCES = [source for source in SOURCES if len(source.data) <= 4_000]


def test_there_are_small_examples_to_sweep() -> None:
    assert len(SMALL_SOURCES) >= 3


@pytest.mark.parametrize("source", SMALL_SOURCES, ids=str)
def test_every_truncation_point_of_a_small_example_is_handled(source: fuzz.Source, workspace: Path) -> None:
    """Truncation at every line boundary: the cuts a crashed editor or a partial write leave."""
    cuts = [index for index, byte in enumerate(source.data) if byte == ord("\n")]
    chooser = fuzz.RandomChooser(random.Random(0))
    for cut in cuts:
        for outcome in fuzz.check_mutation(source, source.data[:cut], chooser, workspace, ("validate",)):
            assert outcome.problem is None, f"cut at byte {cut}:\n{outcome.problem}"


def test_the_harness_reports_a_crash(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing check must not pass silently: a crashing loader shows up as a crash."""

    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("journeyctl.validate.load_file", explode)
    outcome = fuzz.run_command("validate", "json", workspace / SOURCES[0].folder, workspace.parent)
    assert outcome.problem is not None
    assert "boom" in outcome.problem


def test_the_fuzz_command_reports_what_it_tried(capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--examples", "4", "--seed", "3", "--commands", "validate"]) == 0
    printed = capsys.readouterr().out
    assert "journeyctl fuzz: 4 mutated inputs, seed 3" in printed
    assert "crashes found: 0" in printed
    tried = [line for line in printed.splitlines() if line.strip().split(" ")[0] in fuzz.MUTATIONS]
    assert tried
