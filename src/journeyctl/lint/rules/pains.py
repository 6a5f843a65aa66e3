"""JM4xx: pain points turn into opportunities, and ratings agree with pains."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, NoOptions, Rule, RuleDoc, RuleMeta, RuleOptions, checkout
from journeyctl.model import Journey
from journeyctl.validate import moments

_LOUD_SEVERITIES = frozenset({"high", "critical"})


class PainPointWithoutOpportunity(Rule[NoOptions]):
    meta = RuleMeta(
        "JM401",
        "pain-point-without-opportunity",
        "No opportunity addresses a pain point; one level louder for high and critical pains.",
        Severity.WARNING,
        recommended=True,
        fix="add an opportunity that `addresses:` this pain point, with an owner",
    )
    doc = RuleDoc(
        why=(
            "Every pain point is an opportunity to improve. One that no opportunity "
            "addresses is known and left alone. The finding is raised one severity level "
            "(a warning becomes an error) when the pain point's severity is high or "
            "critical: those are the ones customers leave over."
        ),
        example=checkout(
            stage="""\
pain_points:
  - id: surprise-fees
    description: Delivery fees appear only at the last step
    severity: high
"""
        ),
        use_instead=checkout(
            stage="""\
pain_points:
  - id: surprise-fees
    description: Delivery fees appear only at the last step
    severity: high
opportunities:
  - id: show-fees-early
    description: Show the delivery fee on the product page
    addresses: [surprise-fees]
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        all_moments = list(moments(journey))
        addressed = {target for _, moment in all_moments for o in moment.opportunities for target in o.addresses}
        for parts, moment in all_moments:
            for index, pain in enumerate(moment.pain_points):
                if pain.id not in addressed:
                    yield Finding(
                        (*parts, "pain_points", index),
                        f"{pain.severity} pain point '{pain.id}' has no opportunity addressing it",
                        louder=pain.severity in _LOUD_SEVERITIES,
                    )


class OpportunityAddressesNothing(Rule[NoOptions]):
    meta = RuleMeta(
        "JM402",
        "opportunity-addresses-nothing",
        "An opportunity addresses no pain point.",
        Severity.WARNING,
        recommended=True,
        fix="list the pain point ids it solves under `addresses:`",
    )
    doc = RuleDoc(
        why=(
            "Opportunities are prioritised by the pains they remove. One that addresses "
            "none cannot be weighed against the others, and the map cannot show which "
            "pains are being worked on."
        ),
        example=checkout(
            stage="""\
pain_points:
  - id: surprise-fees
    description: Delivery fees appear only at the last step
opportunities:
  - id: show-fees-early
    description: Show the delivery fee on the product page
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
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for parts, moment in moments(journey):
            for index, opportunity in enumerate(moment.opportunities):
                if not opportunity.addresses:
                    yield Finding(
                        (*parts, "opportunities", index), f"opportunity '{opportunity.id}' addresses no pain point"
                    )


class LowRatingOptions(RuleOptions):
    max_rating: int = Field(
        default=2, ge=1, le=4, description="Ratings at or below this count as low (ratings run from 1 to 5)."
    )


class LowRatedTouchpointWithoutPainPoint(Rule[LowRatingOptions]):
    meta = RuleMeta(
        "JM403",
        "low-rated-touchpoint-without-pain-point",
        "A touchpoint is rated low but its step records no pain point.",
        Severity.WARNING,
        recommended=True,
        fix="record the pain point behind the low rating on this step",
    )
    doc = RuleDoc(
        why=(
            "A rating of 1 or 2 (up to `max-rating`) says the touchpoint fails the customer. If the step records "
            "no pain point, the reason is lost and no opportunity can address it."
        ),
        example=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
        rating: 2
"""
        ),
        use_instead=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
        rating: 2
    pain_points:
      - id: card-declined
        description: 3-D Secure times out on mobile banking apps
"""
        ),
    )
    options = LowRatingOptions

    def check_journey(self, journey: Journey, context: LintContext, options: LowRatingOptions) -> Iterator[Finding]:
        for stage_index, _, step_index, step in journey.steps():
            if step.pain_points:
                continue
            for index, touchpoint in enumerate(step.touchpoints):
                if touchpoint.rating is not None and touchpoint.rating <= options.max_rating:
                    label = touchpoint.name or touchpoint.channel
                    yield Finding(
                        ("stages", stage_index, "steps", step_index, "touchpoints", index, "rating"),
                        f"touchpoint '{label}' is rated {touchpoint.rating} of 5 but step '{step.id}' "
                        "records no pain point",
                    )
