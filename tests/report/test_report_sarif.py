"""`--format sarif`: valid SARIF 2.1.0, shaped the way GitHub code scanning reads it."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from report_sample import CASES, METRIC_WITHOUT_OWNER, STEP_WITHOUT_OWNER, assert_matches, lint_finding, render

from journeyctl.diagnostics import CHECKS, Diagnostic, Severity, problem
from journeyctl.lint import RULES
from journeyctl.report import FileEntry, Report
from journeyctl.report.sarif import artifact_uri, sarif_log

from conftest import EXAMPLES, REPO, RunCli

SARIF_SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"
INVALID_MAPS = sorted((REPO / "tests" / "validate" / "invalid").glob("*.yaml"))

BROKEN_JOURNEY = """\
kind: journey
id: compra-online
title: Compra online
stages:
  - {id: descoberta, name: Atenção, ownr: marketing}
  - id: compra
    name: Compra
    steps:
      - {id: paga, name: Paga, emotion: 5}
"""
"""Two findings; REFORMATTED_JOURNEY is the same map, written differently."""

REFORMATTED_JOURNEY = """\
# Reviewed with the sales team.
kind: journey
id: compra-online
title: Compra online

stages:
  - id: descoberta
    name: Atenção
    # who looks after it
    ownr: marketing

  - id: compra
    name: Compra
    steps:
      - id: paga
        name: Paga
        emotion: 5
"""


def assert_valid_sarif(log: dict[str, Any]) -> None:
    assert_matches(SARIF_SCHEMA, log)


def results(log: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = log["runs"][0]["results"]
    return found


def rules(log: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = log["runs"][0]["tool"]["driver"]["rules"]
    return found


def fingerprints(log: dict[str, Any]) -> list[str]:
    return [result["partialFingerprints"]["journeyctl/v1"] for result in results(log)]


def region(result: dict[str, Any]) -> dict[str, int] | None:
    found: dict[str, int] | None = result["locations"][0]["physicalLocation"].get("region")
    return found


def test_broken_maps_give_schema_valid_sarif_with_a_rule_for_every_result(run_cli: RunCli) -> None:
    log = json.loads(run_cli("validate", "--format", "sarif", *INVALID_MAPS, exit=1).stdout)
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0"
    assert len(results(log)) >= len(INVALID_MAPS)
    rule_ids = [rule["id"] for rule in rules(log)]
    assert len(rule_ids) == len(set(rule_ids)), "each rule is described once"
    assert set(rule_ids) == {result["ruleId"] for result in results(log)}
    for result in results(log):
        rule = rules(log)[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["name"] == CHECKS[result["ruleId"]].name
        assert rule["shortDescription"]["text"] == CHECKS[result["ruleId"]].summary
        assert result["level"] == "error"


def test_clean_examples_give_valid_sarif_with_no_results(run_cli: RunCli) -> None:
    log = json.loads(run_cli("validate", "--format", "sarif", EXAMPLES).stdout)
    assert_valid_sarif(log)
    assert results(log) == []
    assert log["runs"][0]["tool"]["driver"]["name"] == "journeyctl"


@pytest.mark.parametrize("case", list(CASES))
def test_sample_reports_give_valid_sarif(case: str) -> None:
    assert_valid_sarif(json.loads(render("sarif", CASES[case]())))


@pytest.mark.parametrize("count", [0, 1, 1025])
def test_the_log_is_indented_with_one_line_per_result(count: int) -> None:
    report = CASES["findings"]()
    finding = next(d for d in report.diagnostics if d.line)
    report.diagnostics = [dataclasses.replace(finding, line=index + 1) for index in range(count)]
    text = render("sarif", report)
    log = json.loads(text)
    assert log == sarif_log(report, Path.cwd())
    assert_valid_sarif(log)
    lines = text.splitlines()
    if count:
        start = lines.index('      "results": [')
        assert [json.loads(line.removesuffix(",")) for line in lines[start + 1 : start + 1 + count]] == results(log)
        assert lines[start + 1 + count :] == ["      ]", "    }", "  ]", "}"]
    else:
        start = lines.index('      "results": []')
        assert lines[start + 1 :] == ["    }", "  ]", "}"]
    # Up to the results, the layout is json.dump's indent=2.
    assert lines[:start] == json.dumps(log, indent=2, ensure_ascii=False).splitlines()[:start]


def test_columns_count_characters(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("compra.yaml").write_text(BROKEN_JOURNEY, encoding="utf-8")
    log = json.loads(run_cli("validate", "-f", "sarif", "compra.yaml", exit=1).stdout)
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    by_rule = {result["ruleId"]: result for result in results(log)}
    unknown_key = region(by_rule["JM020"])
    assert unknown_key is not None
    line = BROKEN_JOURNEY.splitlines()[unknown_key["startLine"] - 1]
    assert line[unknown_key["startColumn"] - 1 : unknown_key["endColumn"] - 1] == "ownr"


def test_positions_are_given_only_when_known() -> None:
    findings = [
        problem("JM003", "holds no YAML document", file="gol.yaml"),
        problem("JM020", "unknown key", file="j.yaml", path="x", line=4),
        problem("JM020", "unknown key", file="j.yaml", path="y", line=5, column=3, end_line=5),
    ]
    regions = [region(r) for r in results(sarif_log(Report("validate", [], findings), REPO))]
    assert regions == [None, {"startLine": 4}, {"startLine": 5, "startColumn": 3, "endLine": 5}]


def test_a_run_that_failed_says_so_in_its_invocation_not_in_results(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("compra.yaml").write_text(BROKEN_JOURNEY, encoding="utf-8")
    log = json.loads(run_cli("validate", "-f", "sarif", "compra.yaml", "sumiu.yaml", exit=2).stdout)
    assert_valid_sarif(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["descriptor"] == {"id": "JM013"}
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sumiu.yaml"
    assert "JM013" not in {result["ruleId"] for result in results(log)} | {rule["id"] for rule in rules(log)}
    assert {result["ruleId"] for result in results(log)} == {"JM020", "JM022"}, "the other file is still reported"


def test_a_successful_run_says_so() -> None:
    (invocation,) = sarif_log(CASES["findings"](), REPO)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True}


def test_findings_keep_their_fingerprints_when_the_map_is_reformatted(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    journey = Path("maps") / "compra.yaml"
    journey.parent.mkdir()
    journey.write_text(BROKEN_JOURNEY, encoding="utf-8")
    before = json.loads(run_cli("validate", "-f", "sarif", journey, exit=1).stdout)
    journey.write_text(REFORMATTED_JOURNEY, encoding="utf-8")
    after = json.loads(run_cli("validate", "-f", "sarif", journey, exit=1).stdout)

    assert [region(r) for r in results(before)] != [region(r) for r in results(after)], "the lines did move"
    assert len(set(fingerprints(before))) == 2
    assert fingerprints(before) == fingerprints(after)


def test_the_same_finding_twice_in_one_place_gets_two_fingerprints() -> None:
    twice = [
        problem("JM033", "persona 'ana' is not defined", file="j.yaml", path="personas", line=3, column=1),
        problem("JM033", "persona 'bia' is not defined", file="j.yaml", path="personas", line=3, column=1),
    ]
    log = sarif_log(Report("validate", [], twice), REPO)
    assert len(set(fingerprints(log))) == 2


def test_fingerprints_differ_by_file_path_and_code() -> None:
    base = problem("JM020", "unknown key", file="a.yaml", path="stages[0].ownr", line=5, column=5)
    variants = [
        base,
        problem("JM020", "unknown key", file="b.yaml", path="stages[0].ownr", line=5, column=5),
        problem("JM020", "unknown key", file="a.yaml", path="stages[1].ownr", line=5, column=5),
        problem("JM022", "unknown key", file="a.yaml", path="stages[0].ownr", line=5, column=5),
    ]
    log = sarif_log(Report("validate", [], variants), REPO)
    assert len(set(fingerprints(log))) == len(variants)


def test_rules_the_command_describes_come_first_with_their_default_level() -> None:
    report = CASES["findings"]()
    log = sarif_log(report, REPO)
    described = rules(log)[: len(report.rules)]
    assert [rule["id"] for rule in described] == [STEP_WITHOUT_OWNER.code, METRIC_WITHOUT_OWNER.code]
    assert [rule["defaultConfiguration"]["level"] for rule in described] == ["warning", "note"]
    assert described[0]["helpUri"] == STEP_WITHOUT_OWNER.docs_url
    assert described[0]["shortDescription"]["text"] == STEP_WITHOUT_OWNER.summary
    assert [rule["id"] for rule in rules(log)[len(report.rules) :]] == ["JM003", "JM020"]


def test_rule_help_says_why_how_to_fix_and_where_the_doc_is() -> None:
    log = sarif_log(CASES["findings"](), REPO)
    described, summary_only = rules(log)[:2]
    assert described["fullDescription"]["text"] == STEP_WITHOUT_OWNER.description
    assert described["help"]["markdown"] == (
        f"{STEP_WITHOUT_OWNER.description}\n\n**How to fix:** add `owner:` to the step.\n\n"
        f"[JM901 step-without-owner]({STEP_WITHOUT_OWNER.docs_url})"
    )
    assert summary_only["fullDescription"]["text"] == "A metric has no owner. (lint JM902, metric-without-owner)"
    assert summary_only["help"]["text"].endswith(f"Documentation: {METRIC_WITHOUT_OWNER.docs_url}")


def test_a_described_rule_without_findings_is_still_listed() -> None:
    report = Report("lint", [], [], rules=[STEP_WITHOUT_OWNER])
    log = sarif_log(report, REPO)
    assert [rule["id"] for rule in rules(log)] == [STEP_WITHOUT_OWNER.code]
    assert results(log) == []


def test_levels_and_message_with_the_fix_hint() -> None:
    findings = [
        lint_finding(
            STEP_WITHOUT_OWNER, "step 'paga' has no owner", file="j.yaml", path="s", line=2, column=3, fix="x"
        ),
        lint_finding(METRIC_WITHOUT_OWNER, "metric has no owner", file="j.yaml", path="m", line=4, column=5, fix=""),
        problem("JM022", "emotion 5 is out of range", file="j.yaml", line=6, column=7, fix="use a value from -2 to 2"),
    ]
    log = sarif_log(Report("lint", [], findings), REPO)
    assert [r["level"] for r in results(log)] == ["warning", "note", "error"]
    assert [r["message"]["text"] for r in results(log)] == [
        "step 'paga' has no owner\nhelp: x",
        "metric has no owner",
        "emotion 5 is out of range\nhelp: use a value from -2 to 2",
    ]


def test_document_path_is_the_logical_location() -> None:
    finding = problem("JM020", "unknown key", file="j.yaml", path="stages[1].steps[0].ownr", line=9, column=9)
    location = results(sarif_log(Report("validate", [], [finding]), REPO))[0]["locations"][0]
    assert location["logicalLocations"] == [{"fullyQualifiedName": "stages[1].steps[0].ownr"}]


@pytest.mark.parametrize(
    ("file", "uri"),
    [
        ("examples/retail/journey.yaml", "examples/retail/journey.yaml"),
        ("./examples//retail/journey.yaml", "examples/retail/journey.yaml"),
        ("hărți/călătorie clienți.yaml", "h%C4%83r%C8%9Bi/c%C4%83l%C4%83torie%20clien%C8%9Bi.yaml"),
        ("maps/a,b:c#1?.yaml", "maps/a%2Cb%3Ac%231%3F.yaml"),
    ],
)
def test_files_under_the_root_are_relative_percent_encoded_uris(file: str, uri: str) -> None:
    assert artifact_uri(file, Path("/repo")) == uri
    assert artifact_uri(f"/repo/{file}", Path("/repo")) == uri
    assert unquote(uri) == str(Path(file)).replace("\\", "/")


def test_files_outside_the_root_are_absolute_file_uris() -> None:
    outside = artifact_uri("../shared/journey.yaml", Path("/repo/maps"))
    assert outside == "file:///repo/shared/journey.yaml"
    finding = problem("JM003", "empty", file="/elsewhere/gol.yaml")
    location = results(sarif_log(Report("validate", [], [finding]), Path("/repo")))[0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/gol.yaml"}


def test_relative_uris_name_the_source_root_and_parse_as_paths() -> None:
    log = json.loads(render("sarif", CASES["findings"]()))
    for result in results(log):
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        parts = urlsplit(artifact["uri"])
        assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("", "", "", "")
        assert "\\" not in artifact["uri"] and " " not in artifact["uri"]


def test_non_ascii_text_is_written_as_is() -> None:
    output = render("sarif", CASES["findings"]())
    assert "contratação" in output and "Rată de conversie, în coș" in output
    assert re.findall(r"\\u[0-9a-f]{4}", output) == ["\\u001b"], "only the control character is escaped"


def test_severity_of_an_undescribed_lint_code_comes_from_its_finding() -> None:
    finding = Diagnostic(code="JM777", name="journey-never-reviewed", severity=Severity.INFO, message="m", file="j")
    log = sarif_log(Report("lint", [FileEntry("j", "journey", "j", valid=True)], [finding]), REPO)
    assert rules(log) == [
        {
            "id": "JM777",
            "name": "journey-never-reviewed",
            "shortDescription": {"text": "Journey never reviewed."},
            "fullDescription": {"text": "Journey never reviewed. (lint JM777, journey-never-reviewed)"},
            "defaultConfiguration": {"level": "note"},
            "properties": {"tags": ["journeyctl", "lint"]},
        }
    ]
    assert_valid_sarif(log)


def test_lint_sarif_describes_the_rules_that_fired(run_cli: RunCli, examples_copy: Path) -> None:
    journey = examples_copy / "retail-omnichannel" / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(text.replace("    owner: brand-marketing\n", "", 1), encoding="utf-8")
    (examples_copy / "gol.yaml").write_text("kind: journey\nid: gol\n", encoding="utf-8")
    output = run_cli("lint", "--format", "sarif", examples_copy, exit=1).stdout
    log = json.loads(output)
    assert_valid_sarif(log)
    by_id = {rule["id"]: rule for rule in rules(log)}
    fired = {result["ruleId"] for result in results(log)}
    assert fired == set(by_id)
    assert by_id["JM021"]["properties"]["tags"] == ["journeyctl", "validation"]
    lint_rules = [rule for rule in rules(log) if not rule["id"].startswith("JM0")]
    assert [rule["name"] for rule in lint_rules] == ["stage-without-owner"]
    assert lint_rules[0]["properties"]["tags"] == ["journeyctl", "lint"]
    assert lint_rules[0]["helpUri"] == RULES["JM101"].meta.docs_url
    assert lint_rules[0]["fullDescription"]["text"] == RULES["JM101"].doc.why
    assert RULES["JM101"].meta.fix in lint_rules[0]["help"]["markdown"]


def test_clean_examples_lint_to_sarif_with_no_results(run_cli: RunCli) -> None:
    log = json.loads(run_cli("lint", "--format", "sarif", EXAMPLES).stdout)
    assert_valid_sarif(log)
    assert results(log) == []
