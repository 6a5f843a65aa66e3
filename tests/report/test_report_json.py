"""`--format json` against its published schema (docs/output-schema.json) and its documentation."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_sample import CASES, assert_matches, render, sample_report, schema_validator

from journeyctl.report.json_format import SCHEMA_VERSION

from conftest import EXAMPLES, REPO, RunCli

OUTPUT_SCHEMA = REPO / "docs" / "output-schema.json"
OUTPUT_DOC = REPO / "docs" / "output.md"
INVALID_MAPS = sorted((REPO / "tests" / "validate" / "invalid").glob("*.yaml"))

DOCUMENTED_MAP = """\
kind: journey
id: online-checkout
title: Buying running shoes online
stages:
  - id: purchase
    name: Purchase
    ownr: ecommerce-team
    steps:
      - id: pays
        name: Pays by card
        emotion: 3
"""
"""The map behind the example in docs/output.md, as maps/checkout.yaml."""


def assert_matches_schema(document: Any) -> None:
    assert_matches(OUTPUT_SCHEMA, document)


def documented_example() -> dict[str, Any]:
    blocks = re.findall(r"```json\n(.*?)```", OUTPUT_DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) == 1, "docs/output.md shows one json example"
    example: dict[str, Any] = json.loads(blocks[0])
    return example


def key_shape(value: Any) -> Any:
    """The keys at every level, without the values: what a reader of the format relies on."""
    if isinstance(value, dict):
        return {key: key_shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [key_shape(item) for item in value]
    return None


def test_schema_states_the_version_the_writer_writes() -> None:
    schema = json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION == 1


@pytest.mark.parametrize("case", list(CASES))
def test_sample_reports_match_the_schema(case: str) -> None:
    assert_matches_schema(json.loads(render("json", CASES[case]())))


def test_broken_and_clean_runs_match_the_schema(run_cli: RunCli) -> None:
    broken = json.loads(run_cli("validate", "-f", "json", *INVALID_MAPS, exit=1).stdout)
    assert_matches_schema(broken)
    assert broken["summary"]["error"] == len(broken["diagnostics"]) > 0
    clean = json.loads(run_cli("validate", "-f", "json", EXAMPLES).stdout)
    assert_matches_schema(clean)
    assert clean["diagnostics"] == []


REMOVED = object()
BREAKAGES: list[tuple[tuple[str | int, ...], Any]] = [
    (("schema_version",), 2),
    (("diagnostics", 0, "severity"), "fatal"),
    (("diagnostics", 0, "line"), -1),
    (("diagnostics", 0, "code"), "E501"),
    (("diagnostics", 0, "fix"), REMOVED),
    (("summary", "warning"), REMOVED),
    (("files", 0, "kind"), "map"),
]


@pytest.mark.parametrize(("where", "value"), BREAKAGES, ids=[".".join(map(str, where)) for where, _ in BREAKAGES])
def test_schema_refuses_what_the_format_does_not_allow(where: tuple[str | int, ...], value: Any) -> None:
    document = json.loads(render("json", CASES["findings"]()))
    *parents, last = where
    node = document
    for part in parents:
        node = node[part]
    if value is REMOVED:
        del node[last]
    else:
        node[last] = value
    with pytest.raises(jsonschema.ValidationError):
        schema_validator(OUTPUT_SCHEMA).validate(document)


def test_every_diagnostic_field_is_written() -> None:
    report = CASES["findings"]()
    written = json.loads(render("json", report))["diagnostics"]
    expected = [{**dataclasses.asdict(d), "severity": d.severity.label} for d in report.diagnostics]
    assert written == expected


def test_documented_example_matches_the_schema_and_real_output(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = documented_example()
    assert_matches_schema(example)
    monkeypatch.chdir(tmp_path)
    Path("maps").mkdir()
    Path("maps/checkout.yaml").write_text(DOCUMENTED_MAP, encoding="utf-8")
    actual = json.loads(run_cli("validate", "-f", "json", "maps", exit=1).stdout)
    assert key_shape(actual) == key_shape(example)
    located = [(d["code"], d["path"], d["line"], d["column"]) for d in actual["diagnostics"]]
    assert located == [(d["code"], d["path"], d["line"], d["column"]) for d in example["diagnostics"]]


def test_lint_output_matches_the_schema(run_cli: RunCli, examples_copy: Path) -> None:
    journey = examples_copy / "retail-omnichannel" / "journey.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("    owner: brand-marketing\n", "", 1), encoding="utf-8"
    )
    report = json.loads(run_cli("lint", "-f", "json", examples_copy, exit=1).stdout)
    assert_matches_schema(report)
    assert report["command"] == "lint"
    assert [d["name"] for d in report["diagnostics"]] == ["stage-without-owner"]
    documented = re.findall(r"`([a-z_]+)`", OUTPUT_DOC.read_text(encoding="utf-8"))
    extra = set(report["summary"]) - {"files", "files_with_problems", "error", "warning", "info"}
    assert extra <= set(documented), f"undocumented summary figures: {extra - set(documented)}"


@given(st.text(), st.text())
def test_the_layout_is_jsons_own_indent_2(message: str, file: str) -> None:
    # The long lists are encoded record by record; the text must be what json.dumps
    # with indent=2 makes of the same document, whatever the findings say.
    report = sample_report()
    report.diagnostics[0] = dataclasses.replace(report.diagnostics[0], message=message, file=file)
    text = render("json", report)
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("count", [0, 1, 1023, 1024, 1025, 2500])
def test_long_lists_keep_the_layout_and_every_record(count: int) -> None:
    # Records are written in batches; the seams between batches must not show.
    report = sample_report()
    first = report.diagnostics[0]
    report.diagnostics = [dataclasses.replace(first, line=index + 1) for index in range(count)]
    report.files = report.files * (count // len(report.files) + 1)
    text = render("json", report)
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    document = json.loads(text)
    assert [d["line"] for d in document["diagnostics"]] == list(range(1, count + 1))
    assert len(document["files"]) == len(report.files)
