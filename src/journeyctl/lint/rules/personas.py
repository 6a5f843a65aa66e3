"""JM5xx: whose journey it is, and why the map was made."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, NoOptions, Rule, RuleDoc, RuleMeta, checkout
from journeyctl.model import Journey, Persona


class JourneyWithoutPersona(Rule[NoOptions]):
    meta = RuleMeta(
        "JM501",
        "journey-without-persona",
        "The journey names no persona or segment.",
        Severity.ERROR,
        recommended=True,
        fix="add `personas:` with a persona id, or a persona written inline",
    )
    doc = RuleDoc(
        why=(
            "A journey map is one persona's or one segment's journey: choosing whose it "
            "is comes first. Without a persona, every stage mixes customers with different "
            "needs, and nobody can check the map against research."
        ),
        example=checkout(),
        use_instead=checkout(
            top="""\
personas:
  - id: busy-parent
    name: Busy parent
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        if not journey.personas:
            yield Finding((), f"journey '{journey.id}' names no persona")


_PERSONA_FILES: Final = {
    "personas/busy-parent.yaml": "kind: persona\nid: busy-parent\nname: Busy parent\n",
    "personas/student.yaml": "kind: persona\nid: student\nname: Student\n",
}


class PersonaUnused(Rule[NoOptions]):
    meta = RuleMeta(
        "JM502",
        "persona-unused",
        "A persona file is used by no journey of the run.",
        Severity.WARNING,
        recommended=True,
        fix="refer to the persona from a journey's `personas:`, or remove the file",
    )
    doc = RuleDoc(
        why=(
            "Personas are built from research to be reused across maps. One that no map "
            "uses is either stale or the journey it belongs to was never mapped. Only runs "
            "that include at least one journey are checked, so linting a persona folder on "
            "its own reports nothing; lint the personas together with the journeys."
        ),
        example={**checkout(top="personas: [busy-parent]\n"), **_PERSONA_FILES},
        use_instead={**checkout(top="personas: [busy-parent, student]\n"), **_PERSONA_FILES},
    )
    options = NoOptions

    def check_persona(self, persona: Persona, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        if context.run_has_journeys and persona.id not in context.used_personas:
            yield Finding(("id",), f"persona '{persona.id}' is used by no journey")


class JourneyWithoutGoals(Rule[NoOptions]):
    meta = RuleMeta(
        "JM503",
        "journey-without-goals",
        "The journey does not say what the map is for.",
        Severity.WARNING,
        recommended=True,
        fix="add `goals:` saying what the map should help achieve",
    )
    doc = RuleDoc(
        why=(
            "A map is shaped by its goals: lower cart abandonment, find which channels "
            "convert, improve service. Without them nobody can tell which gaps matter or "
            "when the map has done its job."
        ),
        example=checkout(),
        use_instead=checkout(
            top="""\
goals:
  - Lower cart abandonment from 72% to 60%
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        if not journey.goals:
            yield Finding((), f"journey '{journey.id}' states no goals")
