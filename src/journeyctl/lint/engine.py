"""The engine: runs the enabled rules over a validated run and applies suppressions.

It decides each finding's severity from the configuration, places it in the file with
the loader's positions, and adds the coverage figures of the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from journeyctl.diagnostics import Diagnostic, Severity, format_path
from journeyctl.lint.config import LintConfig
from journeyctl.lint.registry import RULES, SUPPRESSION_MALFORMED, SUPPRESSION_UNUSED
from journeyctl.lint.rule import Finding, LintContext, RuleMeta
from journeyctl.lint.rules.metrics import stage_measured
from journeyctl.lint.rules.structure import stage_touched
from journeyctl.lint.suppress import MalformedSuppression, Suppression, scan
from journeyctl.loader import YamlDocument
from journeyctl.model import Journey, Persona
from journeyctl.validate import CheckedFile, Run, internal_error

_SUPPRESSION_CODES = frozenset({SUPPRESSION_UNUSED, SUPPRESSION_MALFORMED})


@dataclass(frozen=True, slots=True)
class Share:
    covered: int
    total: int

    @property
    def ratio(self) -> float | None:
        return self.covered / self.total if self.total else None

    def __str__(self) -> str:
        if not self.total:
            return "0/0"
        return f"{self.covered}/{self.total} ({self.covered / self.total:.0%})"


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the run's journeys carry owners, metrics and touchpoints."""

    stages_with_owner: Share = Share(0, 0)
    steps_with_owner: Share = Share(0, 0)
    stages_with_metric: Share = Share(0, 0)
    steps_with_metric: Share = Share(0, 0)
    stages_with_touchpoint: Share = Share(0, 0)
    steps_with_touchpoint: Share = Share(0, 0)

    def shares(self) -> dict[str, Share]:
        """Figure name -> share, in a stable order."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def coverage(journeys: Iterable[Journey]) -> Coverage:
    stages = [stage for journey in journeys for stage in journey.stages]
    steps = [step for stage in stages for step in stage.steps]

    def share(items: list[Any], test: Any) -> Share:
        return Share(sum(1 for item in items if test(item)), len(items))

    return Coverage(
        stages_with_owner=share(stages, lambda s: s.owner is not None),
        steps_with_owner=share(steps, lambda s: s.owner is not None),
        stages_with_metric=share(stages, stage_measured),
        steps_with_metric=share(steps, lambda s: bool(s.metrics)),
        stages_with_touchpoint=share(stages, stage_touched),
        steps_with_touchpoint=share(steps, lambda s: bool(s.touchpoints)),
    )


@dataclass(frozen=True, slots=True)
class LintResult:
    diagnostics: list[Diagnostic]
    """Lint findings only (validation problems stay in the `Run`), sorted by place."""
    coverage: Coverage = field(default_factory=Coverage)

    @staticmethod
    def rules_for(diagnostics: Iterable[Diagnostic]) -> list[RuleMeta]:
        """The lint rules behind `diagnostics` (after a baseline, say), in code order."""
        codes = sorted({d.code for d in diagnostics if d.code in RULES})
        return [RULES[code].meta for code in codes]


def lint_run(run: Run, config: LintConfig, today: dt.date) -> LintResult:
    """Lint every valid journey and persona of `run`.

    `lint_run(run: Run, config: LintConfig, today: date) -> LintResult`: findings as
    `Diagnostic`s with their configured severity, plus the run's coverage figures.
    Files that failed validation are not linted. `journeyctl.lint.load_config()` finds
    the configuration `journeyctl lint` would use; `default_config()` is `recommended`.
    """
    journeys = run.journeys()
    context = LintContext(
        today=today,
        owners=config.owners,
        used_personas=used_personas(run.files),
        run_has_journeys=bool(journeys),
    )
    found: list[Diagnostic] = []
    for checked in run.files:
        model, document = checked.model, checked.document
        if model is None or document is None or not checked.valid:
            continue
        try:
            found.extend(lint_file(checked.file, document, model, config, context))
        except Exception as error:  # a bug in one rule must not cost the other files their lint
            found.append(internal_error(checked.file, error))
    found.sort(key=lambda d: d.sort_key)
    return LintResult(found, coverage(journey for _, journey in journeys))


def used_personas(files: Iterable[CheckedFile]) -> frozenset[str]:
    """Persona ids journeys refer to, read from the data so that an invalid journey still counts."""
    used: set[str] = set()
    for checked in files:
        data = checked.document.data if checked.document is not None else None
        refs = data.get("personas") if isinstance(data, dict) and data.get("kind") == "journey" else None
        for ref in refs if isinstance(refs, list) else ():
            ident = ref if isinstance(ref, str) else ref.get("id") if isinstance(ref, dict) else None
            if isinstance(ident, str):
                used.add(ident)
    return frozenset(used)


def lint_file(
    file: str, document: YamlDocument, model: Journey | Persona, config: LintConfig, context: LintContext
) -> list[Diagnostic]:
    """One valid file's findings, after its suppressions, including those about the suppressions."""
    enabled = config.enabled_for(file)
    findings: list[tuple[str, Finding]] = []
    failures: list[Diagnostic] = []
    for code in enabled:
        rule = RULES[code]
        options = config.options.get(code) or rule.default_options()
        try:
            checked = list(
                rule.check_journey(model, context, options)
                if isinstance(model, Journey)
                else rule.check_persona(model, context, options)
            )
        except Exception as error:  # one broken rule must not hide what the others found
            failure = internal_error(file, error)
            failures.append(replace(failure, message=f"rule {code} {rule.meta.name} failed: {failure.message}"))
            continue
        findings.extend((code, finding) for finding in checked)
    suppressions, malformed = scan(document)
    kept = [(code, finding) for code, finding in findings if not _silenced(suppressions, code, finding)]
    out = failures + [_diagnostic(document, code, finding, enabled[code]) for code, finding in kept]
    out.extend(_suppression_findings(document, suppressions, malformed, enabled))
    return out


def _silenced(suppressions: list[Suppression], code: str, finding: Finding) -> bool:
    silenced = False
    for suppression in suppressions:
        name = suppression.covers(code, finding.parts)
        if name is not None:
            suppression.used.add(name)
            silenced = True
    return silenced


def _diagnostic(document: YamlDocument, code: str, finding: Finding, severity: Severity) -> Diagnostic:
    meta = RULES[code].meta
    if finding.louder:
        severity = Severity(min(severity + 1, Severity.ERROR))
    line, column, end_line, end_column = document.position(finding.parts)
    return Diagnostic(
        code=code,
        name=meta.name,
        severity=severity,
        message=finding.message,
        file=document.file,
        path=format_path(finding.parts),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=finding.fix or meta.fix,
        docs_url=meta.docs_url,
    )


def _suppression_findings(
    document: YamlDocument,
    suppressions: list[Suppression],
    malformed: list[MalformedSuppression],
    enabled: Mapping[str, Severity],
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if SUPPRESSION_MALFORMED in enabled:
        for problem in malformed:
            out.append(
                _at(
                    document,
                    SUPPRESSION_MALFORMED,
                    enabled,
                    (problem.line, problem.column),
                    message=problem.message,
                    fix=problem.fix,
                )
            )
    if SUPPRESSION_UNUSED in enabled:
        ran = set(enabled) - _SUPPRESSION_CODES
        for suppression in suppressions:
            for name, codes in suppression.selectors.items():
                if name not in suppression.used and codes & ran:
                    out.append(
                        _at(
                            document,
                            SUPPRESSION_UNUSED,
                            enabled,
                            (suppression.line, suppression.column),
                            message=f"the suppression of '{name}' silences nothing here",
                            fix="",
                        )
                    )
    return out


def _at(
    document: YamlDocument,
    code: str,
    enabled: Mapping[str, Severity],
    place: tuple[int, int],
    *,
    message: str,
    fix: str,
) -> Diagnostic:
    meta = RULES[code].meta
    line, column = place
    return Diagnostic(
        code=code,
        name=meta.name,
        severity=enabled[code],
        message=message,
        file=document.file,
        line=line,
        column=column,
        fix=fix or meta.fix,
        docs_url=meta.docs_url,
    )
