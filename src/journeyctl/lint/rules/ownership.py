"""JM1xx: someone is accountable for every part of the journey."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from pydantic import Field

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import (
    Finding,
    LintContext,
    NoOptions,
    Parts,
    Rule,
    RuleDoc,
    RuleMeta,
    RuleOptions,
    checkout,
)
from journeyctl.model import Journey
from journeyctl.validate import moments


class StageWithoutOwner(Rule[NoOptions]):
    meta = RuleMeta(
        "JM101",
        "stage-without-owner",
        "A stage has no owner.",
        Severity.ERROR,
        recommended=True,
        fix="add `owner:` to the stage: the team or person accountable for it",
    )
    doc = RuleDoc(
        why=(
            "Every stage needs someone accountable for it. Without an owner nobody acts on "
            "the stage's pain points and metrics, and the map stays a poster on the wall."
        ),
        example=checkout(),
        use_instead=checkout(stage="owner: ecommerce-team\n"),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for index, stage in enumerate(journey.stages):
            if stage.owner is None:
                yield Finding(("stages", index), f"stage '{stage.id}' has no owner")


class StepOwnerOptions(RuleOptions):
    stage_owner_covers_steps: bool = Field(
        default=False,
        description="When true, a step without an owner of its own is covered by its stage's owner.",
    )


class StepWithoutOwner(Rule[StepOwnerOptions]):
    meta = RuleMeta(
        "JM102",
        "step-without-owner",
        "A step has no owner of its own.",
        Severity.WARNING,
        recommended=True,
        fix="add `owner:` to the step, naming who is responsible for it",
    )
    doc = RuleDoc(
        why=(
            "Steps are where customers succeed or give up, and different disciplines "
            "(marketing, product, support) own different steps of one stage. A step "
            "without an owner is a step whose problems wait for somebody to notice them."
        ),
        example=checkout(
            stage="""\
owner: ecommerce-team
steps:
  - id: pays-by-card
    name: Pays by card
"""
        ),
        use_instead=checkout(
            stage="""\
owner: ecommerce-team
steps:
  - id: pays-by-card
    name: Pays by card
    owner: payments-team
"""
        ),
        notes="Teams where the stage owner answers for every step can set `stage-owner-covers-steps: true`.",
    )
    options = StepOwnerOptions

    def check_journey(self, journey: Journey, context: LintContext, options: StepOwnerOptions) -> Iterator[Finding]:
        for stage_index, stage, step_index, step in journey.steps():
            if step.owner is not None or (options.stage_owner_covers_steps and stage.owner is not None):
                continue
            yield Finding(("stages", stage_index, "steps", step_index), f"step '{step.id}' has no owner")


class OpportunityWithoutOwner(Rule[NoOptions]):
    meta = RuleMeta(
        "JM103",
        "opportunity-without-owner",
        "An opportunity has no owner to act on it.",
        Severity.WARNING,
        recommended=True,
        fix="add `owner:` to the opportunity: who will take it forward",
    )
    doc = RuleDoc(
        why=(
            "An opportunity is a pain point turned into work. Without an owner it stays an "
            "idea on the map: nobody prioritises it, and its status never changes."
        ),
        example=checkout(
            stage="""\
pain_points:
  - id: surprise-fees
    description: Delivery fees appear only at the last step
opportunities:
  - id: show-fees-early
    description: Show the delivery fee on the product page
    addresses: [surprise-fees]
"""
        ),
        use_instead=checkout(
            stage="""\
pain_points:
  - id: surprise-fees
    description: Delivery fees appear only at the last step
opportunities:
  - id: show-fees-early
    description: Show the delivery fee on the product page
    addresses: [surprise-fees]
    owner: pricing-team
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for parts, moment in moments(journey):
            for index, opportunity in enumerate(moment.opportunities):
                if opportunity.owner is None:
                    yield Finding((*parts, "opportunities", index), f"opportunity '{opportunity.id}' has no owner")


class MetricWithoutOwner(Rule[NoOptions]):
    meta = RuleMeta(
        "JM104",
        "metric-without-owner",
        "A metric names nobody who watches it.",
        Severity.INFO,
        recommended=False,
        fix="add `owner:` to the metric: who reports it and acts when it moves",
    )
    doc = RuleDoc(
        why=(
            "A metric nobody watches does not move anything. Naming who reports each "
            "figure makes it clear whom to ask when it drops. Often the stage or step "
            "owner watches its metrics, which is why this rule is off in `recommended`."
        ),
        example=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
"""
        ),
        use_instead=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
    owner: ecommerce-analytics
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for parts, moment in moments(journey):
            for index, metric in enumerate(moment.metrics):
                if metric.owner is None:
                    yield Finding((*parts, "metrics", index), f"metric '{metric.name}' has no owner")


class OwnerUnknown(Rule[NoOptions]):
    meta = RuleMeta(
        "JM105",
        "owner-unknown",
        "An owner is not in the configured registry of teams and people.",
        Severity.ERROR,
        recommended=True,
        fix="use a name from `owners:` in the configuration, or add this one there",
    )
    doc = RuleDoc(
        why=(
            "An owner is only useful if it is someone who exists. A typo (`ecomerce-team`) "
            "or a team that was renamed leaves the element without a real owner. This rule "
            "runs only when the configuration lists `owners:`."
        ),
        config="""\
owners:
  teams: [ecommerce-team, payments-team]
""",
        example=checkout(stage="owner: ecomerce-team\n"),
        use_instead=checkout(stage="owner: ecommerce-team\n"),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        known = context.owners
        if known is None:
            return
        for parts, owner in owners(journey):
            if owner not in known:
                close = difflib.get_close_matches(owner, sorted(known), n=1, cutoff=0.6)
                fix = f"did you mean '{close[0]}'?" if close else ""
                yield Finding((*parts, "owner"), f"owner '{owner}' is not in the owner registry", fix=fix)


class JourneyWithoutOwner(Rule[NoOptions]):
    meta = RuleMeta(
        "JM106",
        "journey-without-owner",
        "The journey as a whole has no owner.",
        Severity.WARNING,
        recommended=True,
        fix="add `owner:` at the top of the journey: who keeps the map current",
    )
    doc = RuleDoc(
        why=(
            "Someone has to keep the map alive: schedule its reviews, merge what the stage "
            "owners learn, and decide what is fixed first. Without a journey owner the map "
            "goes stale."
        ),
        example=checkout(),
        use_instead=checkout(top="owner: cx-team\n"),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        if journey.owner is None:
            yield Finding((), f"journey '{journey.id}' has no owner")


def owners(journey: Journey) -> Iterable[tuple[Parts, str]]:
    """Every owner named in the journey, with the path of the element that names it."""
    if journey.owner is not None:
        yield (), journey.owner
    for parts, moment in moments(journey):
        if moment.owner is not None:
            yield parts, moment.owner
        for index, opportunity in enumerate(moment.opportunities):
            if opportunity.owner is not None:
                yield (*parts, "opportunities", index), opportunity.owner
        for index, metric in enumerate(moment.metrics):
            if metric.owner is not None:
                yield (*parts, "metrics", index), metric.owner
