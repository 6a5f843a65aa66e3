"""A fixed set of diagnostics every output format is checked against, and golden files.

The sample holds what formats get wrong: non-ASCII text (Portuguese, Romanian ă ș ț),
Rich markup look-alikes ([bold]), the characters GitHub workflow commands must escape
(% CR LF : ,), a terminal escape sequence, a finding without a position, one with only a start, and rules with
and without a description.

Golden files live in golden/<case>/<format>.<ext>. After an intended change, rewrite
them with

    JOURNEYCTL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/report

and review the diff like any other change.
"""

from __future__ import annotations

import difflib
import io
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from journeyctl import __version__
from journeyctl.diagnostics import Diagnostic, Severity, problem
from journeyctl.report import FileEntry, Report, RuleInfo, writer

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1"
EXTENSIONS = {"text": "txt", "json": "json", "github": "txt", "sarif": "sarif"}
VERSION_PLACEHOLDER = "<version>"

RULE_DOCS = "https://github.com/journeyctl/journeyctl/blob/main/docs/rules.md"
STEP_WITHOUT_OWNER = RuleInfo(
    code="JM901",
    name="step-without-owner",
    summary="A step has no owner of its own.",
    severity=Severity.WARNING,
    docs_url=f"{RULE_DOCS}#jm901-step-without-owner",
    description="Each step needs someone who acts on its pain points; a stage owner rarely watches every step.",
    fix="add `owner:` to the step",
)
METRIC_WITHOUT_OWNER = RuleInfo(
    code="JM902",
    name="metric-without-owner",
    summary="A metric has no owner.",
    severity=Severity.INFO,
    docs_url=f"{RULE_DOCS}#jm902-metric-without-owner",
)
JOURNEY_FILE = "maps/pt-br/jornada-fibra.yaml"
ROMANIAN_FILE = "maps/ro/călătorie, clienți: ț.yaml"


def lint_finding(rule: RuleInfo, message: str, *, file: str, path: str, line: int, column: int, fix: str) -> Diagnostic:
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        file=file,
        path=path,
        line=line,
        column=column,
        fix=fix,
        docs_url=rule.docs_url,
    )


def sample_diagnostics() -> list[Diagnostic]:
    unknown_key = problem(
        "JM020",
        "unknown key 'ownr\x1b[2J' in stage 'contratação'",
        file=JOURNEY_FILE,
        path="stages[1].ownr",
        line=14,
        column=5,
        end_line=14,
        end_column=9,
        fix="did you mean 'owner'?",
    )
    return [
        unknown_key,
        lint_finding(
            STEP_WITHOUT_OWNER,
            "step 'escolhe-o-plano' [etapa: contratação] has no owner; 50% of steps have one",
            file=JOURNEY_FILE,
            path="stages[1].steps[0]",
            line=17,
            column=9,
            fix="add `owner:` to the step, or [bold]cover[/bold] it with the stage owner",
        ),
        lint_finding(
            METRIC_WITHOUT_OWNER,
            "metric 'Rată de conversie, în coș: 12%' has no owner\r\nsecond line",
            file=ROMANIAN_FILE,
            path="stages[0].metrics[0]",
            line=9,
            column=11,
            fix="add `owner:` with the team that reports it (echipa de vânzări)",
        ),
        problem(
            "JM003", "the file holds no YAML document", file="maps/ro/gol.yaml", fix="write a journey or a persona"
        ),
    ]


def sample_report(*, quiet: bool = False) -> Report:
    return Report(
        command="lint",
        files=[
            FileEntry(JOURNEY_FILE, "journey", "assinatura-fibra", valid=False),
            FileEntry(ROMANIAN_FILE, "journey", "cumparare-online", valid=True),
            FileEntry("maps/ro/gol.yaml", None, None, valid=False),
            FileEntry("maps/personas/ana.yaml", "persona", "ana", valid=True),
        ],
        diagnostics=sample_diagnostics(),
        quiet=quiet,
        rules=[STEP_WITHOUT_OWNER, METRIC_WITHOUT_OWNER],
        coverage={"stages_with_owner": (2, 3), "steps_with_touchpoint": (0, 0)},
    )


def clean_report() -> Report:
    return Report(
        command="validate",
        files=[FileEntry("examples/retail/journey.yaml", "journey", "retail", valid=True)],
        diagnostics=[],
    )


CASES: dict[str, Callable[[], Report]] = {
    "findings": sample_report,
    "findings-quiet": lambda: sample_report(quiet=True),
    "clean": clean_report,
}

RICH_ENVIRONMENT = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES")
"""Variables Rich reads: an outer CI setting must not change what the golden files hold."""


def render(format_name: str, report: Report) -> str:
    out = io.StringIO(newline="")
    writer(format_name)(report, out)
    return out.getvalue()


def stable(output: str) -> str:
    """The output with the version replaced, so that a release does not rewrite every golden file."""
    return output.replace(f'"{__version__}"', f'"{VERSION_PLACEHOLDER}"')


def golden_path(case: str, format_name: str) -> Path:
    return GOLDEN / case / f"{format_name}.{EXTENSIONS.get(format_name, 'out')}"


def check_golden(path: Path, actual: str) -> None:
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"{path.relative_to(GOLDEN.parent)} is missing; create it with JOURNEYCTL_UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), "golden", "actual"
        )
        pytest.fail(
            f"{path.relative_to(GOLDEN.parent)} differs from the output; if the change is intended,"
            f" rerun with JOURNEYCTL_UPDATE_GOLDEN=1 and review the diff:\n{''.join(diff)}",
            pytrace=False,
        )


@cache
def schema_validator(schema_path: Path) -> Any:
    """A validator for the JSON Schema at `schema_path`, of the draft its `$schema` names."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def assert_matches(schema_path: Path, document: Any) -> None:
    errors = sorted(schema_validator(schema_path).iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
