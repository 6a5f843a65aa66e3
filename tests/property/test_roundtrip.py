"""Any journey the model can hold survives model -> YAML text -> journeyctl -> same model."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from journey_strategies import LOOKS_TYPED, journeys

from journeyctl.discover import Target
from journeyctl.loader import load_bytes
from journeyctl.model import Journey
from journeyctl.validate import check_file


def as_yaml(journey: Journey) -> str:
    """What an author (or another tool) would write for this model."""
    data = journey.model_dump(mode="json", exclude_defaults=True)
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=60)
    return text


@settings(max_examples=25, deadline=None)
@given(journeys())
def test_any_journey_survives_a_round_trip_through_a_file(data: dict[str, Any]) -> None:
    journey = Journey.model_validate(data)
    text = as_yaml(journey)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "journey.yaml")
        path.write_text(text, encoding="utf-8")
        checked = check_file(Target(path, "journey.yaml", explicit=True))
    assert checked is not None
    assert checked.diagnostics == [], text
    assert checked.model == journey


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LOOKS_TYPED) | st.text(min_size=1))
def test_text_that_looks_typed_comes_back_as_the_same_text(title: str) -> None:
    document = {"kind": "journey", "id": "plain", "title": title, "stages": [{"id": "s", "name": title}]}
    result = load_bytes(yaml.safe_dump(document, allow_unicode=True).encode(), "plain.yaml")
    assert result.document is not None
    assert result.diagnostics == []
    assert result.document.data["title"] == title
    assert Journey.model_validate(result.document.data).stages[0].name == title


def test_plain_scalars_that_yaml_1_1_would_retype_stay_text() -> None:
    written = "kind: journey\nid: plain\ntitle: No\ndescription: 2026-01-01\nowner: 1.10\nstages: [{id: s, name: on}]\n"
    result = load_bytes(written.encode(), "plain.yaml")
    assert result.document is not None
    journey = Journey.model_validate(result.document.data)
    assert (journey.title, journey.description, journey.owner, journey.stages[0].name) == (
        "No",
        "2026-01-01",
        "1.10",
        "on",
    )
