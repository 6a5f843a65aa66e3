"""`journeyctl lint` and `journeyctl rules` end to end: output, exit codes, baselines."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.lint import RULES
from journeyctl.lint.baseline import new_findings

from conftest import EXAMPLES, RunCli

TODAY = "2026-11-01"

GAPS = """\
kind: journey
id: checkout
title: Online checkout
owner: cx-team
goals: [Lower cart abandonment]
personas: [{id: busy-parent, name: Busy parent}]
last_reviewed: 2026-10-01
stages:
  - id: buy
    name: Buy
    phase: purchase
    questions: [Is it safe to pay here?]
    steps:
      - id: pays
        name: Pays
        touchpoints: [{channel: website}]
        metrics: [{name: Payment success, target: 95, source: PSP dashboard}]
  - id: receive
    name: Receive
    phase: onboarding
    owner: logistics
    questions: [When will it arrive?]
    steps:
      - id: unpacks
        name: Unpacks
        owner: logistics
        touchpoints: [{channel: packaging}]
        metrics: [{name: Damaged on arrival, target: 1, source: Returns system, direction: decrease}]
"""
"""A map with exactly two gaps: stage `buy` has no owner (error), step `pays` neither (warning)."""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint_json(run_cli: RunCli, *args: str | Path, exit: int) -> dict[str, object]:
    result = run_cli("lint", "--today", TODAY, "--format", "json", *args, exit=exit)
    document: dict[str, object] = json.loads(result.stdout)
    return document


def codes(document: dict[str, object]) -> list[str]:
    diagnostics = document["diagnostics"]
    assert isinstance(diagnostics, list)
    return [d["code"] for d in diagnostics]


def test_the_shipped_examples_lint_clean(run_cli: RunCli) -> None:
    result = run_cli("lint", "--today", TODAY, EXAMPLES, exit=0)
    assert "no problems" in result.stdout
    assert "steps with owner: 68 of 68 (100%)" in result.stdout


def test_each_gap_is_named_once_at_its_place_with_a_fix(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path, "journey.yaml", GAPS)
    result = run_cli("lint", "--today", TODAY, journey, exit=1)
    assert f"{journey}:9:5: error JM101 stage 'buy' has no owner [stage-without-owner]" in result.stdout
    assert f"{journey}:14:9: warning JM102 step 'pays' has no owner [step-without-owner]" in result.stdout
    assert "help: add `owner:` to the stage" in result.stdout
    assert "1 error, 1 warning in 1 of 1 file checked" in result.stdout
    assert "by rule: JM101 stage-without-owner 1, JM102 step-without-owner 1" in result.stdout
    assert "stages with owner: 1 of 2 (50%)" in result.stdout


def test_json_carries_rule_docs_summary_and_coverage(run_cli: RunCli, tmp_path: Path) -> None:
    document = lint_json(run_cli, write(tmp_path, "journey.yaml", GAPS), exit=1)
    assert document["command"] == "lint"
    summary = document["summary"]
    assert isinstance(summary, dict)
    assert summary["error"] == 1
    assert summary["warning"] == 1
    assert summary["by_code"] == {"JM101": 1, "JM102": 1}
    assert summary["coverage"]["steps_with_owner"] == {"covered": 1, "total": 2, "ratio": 0.5}
    assert summary["coverage"]["stages_with_metric"] == {"covered": 2, "total": 2, "ratio": 1.0}
    diagnostics = document["diagnostics"]
    assert isinstance(diagnostics, list)
    assert diagnostics[0]["docs_url"].endswith("docs/rules.md#jm101-stage-without-owner")
    assert diagnostics[0]["path"] == "stages[0]"


def test_fail_on_sets_what_fails(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path, "journey.yaml", GAPS)
    run_cli("lint", "--today", TODAY, "--ignore", "JM101", journey, exit=1)
    run_cli("lint", "--today", TODAY, "--ignore", "JM101", "--fail-on", "error", journey, exit=0)
    run_cli("lint", "--today", TODAY, "--select", "JM702", journey, exit=0)
    run_cli("lint", "--today", TODAY, "--select", "JM702", "--fail-on", "info", journey, exit=1)


def test_selectors_accept_codes_prefixes_names_and_commas(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path, "journey.yaml", GAPS)
    # A prefix also enables the family's rules that `recommended` leaves off (JM104).
    assert codes(lint_json(run_cli, "--select", "JM1", journey, exit=1)) == ["JM101", "JM102", "JM104", "JM104"]
    everything_but = lint_json(run_cli, "--select", "ALL", "--ignore", "JM7,stage-without-owner", journey, exit=1)
    assert codes(everything_but) == ["JM102", "JM104", "JM104"]


def test_an_invalid_file_reports_validation_and_the_others_are_linted(run_cli: RunCli, tmp_path: Path) -> None:
    write(tmp_path, "a-broken.yaml", "kind: journey\nid: broken\ntitle: Broken\nstages: []\n")
    write(tmp_path, "b-gaps.yaml", GAPS)
    document = lint_json(run_cli, tmp_path, exit=1)
    assert codes(document) == ["JM022", "JM101", "JM102"]


def test_usage_and_configuration_errors_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path, "journey.yaml", GAPS)
    result = run_cli("lint", "--select", "JM1O1", journey, exit=2)
    assert "'JM1O1' names no lint rule" in result.stderr
    assert "Traceback" not in result.stderr
    run_cli("lint", "--today", "yesterday", journey, exit=2)
    bad = write(tmp_path, "bad.yaml", "lint:\n  selct: [JM1]\n")
    result = run_cli("lint", "--config", bad, journey, exit=2)
    assert f"{bad}:2:3: unknown key 'selct'; did you mean 'select'?" in result.stderr
    run_cli("lint", "--baseline", tmp_path / "b.json", "--write-baseline", tmp_path / "c.json", journey, exit=2)


def test_a_baseline_silences_todays_findings_and_survives_reformatting(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path, "maps/journey.yaml", GAPS)
    baseline = tmp_path / "journeyctl-baseline.json"
    result = run_cli("lint", "--today", TODAY, "--write-baseline", baseline, journey, exit=0)
    assert "recorded 2 findings" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journeyctl-baseline.json", "maps"]  # no temporary left
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["findings"] == [
        {"file": "maps/journey.yaml", "path": "stages[0]", "code": "JM101", "count": 1},
        {"file": "maps/journey.yaml", "path": "stages[0].steps[0]", "code": "JM102", "count": 1},
    ]
    reformatted = "# Reviewed with the payments team\n\n" + GAPS.replace(
        "    owner: logistics\n", "    owner: logistics\n\n"
    )
    journey.write_text(reformatted, encoding="utf-8")
    run_cli("lint", "--today", TODAY, "--baseline", baseline, journey, exit=0)
    journey.write_text(reformatted.replace("        owner: logistics\n", ""), encoding="utf-8")
    document = lint_json(run_cli, "--baseline", baseline, journey, exit=1)
    assert codes(document) == ["JM102"]
    diagnostics = document["diagnostics"]
    assert isinstance(diagnostics, list)
    assert diagnostics[0]["path"] == "stages[1].steps[0]"


def test_a_damaged_baseline_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    journey = write(tmp_path, "journey.yaml", GAPS)
    baseline = write(tmp_path, "baseline.json", '{"findings": []}')
    result = run_cli("lint", "--baseline", baseline, journey, exit=2)
    assert "is not a journeyctl baseline" in result.stderr
    result = run_cli("lint", "--baseline", tmp_path / "missing.json", journey, exit=2)
    assert "no such baseline file" in result.stderr
    result = run_cli("lint", "--write-baseline", tmp_path / "no-such-folder" / "b.json", journey, exit=2)
    assert "cannot write the baseline" in result.stderr


def test_identical_findings_are_counted(tmp_path: Path) -> None:
    def finding(line: int) -> Diagnostic:
        return Diagnostic("JM901", "suppression-unused", Severity.WARNING, "unused", str(tmp_path / "j.yaml"), "", line)

    baseline = Counter({("j.yaml", "", "JM901"): 2})
    kept = new_findings([finding(3), finding(9), finding(12)], baseline, tmp_path / "baseline.json")
    assert kept == [finding(12)]


def test_rules_lists_every_rule(run_cli: RunCli) -> None:
    result = run_cli("rules", exit=0)
    for code, rule in RULES.items():
        assert code in result.stdout
        assert rule.meta.name in result.stdout


def test_rules_explains_one_rule_by_code_or_name(run_cli: RunCli) -> None:
    by_code = run_cli("rules", "JM401", exit=0)
    assert "pain-point-without-opportunity" in by_code.stdout
    assert "Why is this bad?" in by_code.stdout
    assert "Use instead" in by_code.stdout
    assert run_cli("rules", "pain-point-without-opportunity", exit=0).stdout == by_code.stdout
    unknown = run_cli("rules", "pain-without-opportunity", exit=2)
    assert "did you mean 'pain-point-without-opportunity'?" in unknown.stderr
    assert "give one code or name" in run_cli("rules", "JM4", exit=2).stderr
