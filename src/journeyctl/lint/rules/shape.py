"""JM7xx: the shape of the journey: past the purchase, felt, decided, across channels."""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.channels import CATALOG
from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, NoOptions, Rule, RuleDoc, RuleMeta, checkout
from journeyctl.model import PHASE_ORDER, Journey

_PURCHASE = PHASE_ORDER.index("purchase")


class JourneyEndsAtPurchase(Rule[NoOptions]):
    meta = RuleMeta(
        "JM701",
        "journey-ends-at-purchase",
        "The journey's last stage is at or before the purchase.",
        Severity.WARNING,
        recommended=True,
        fix="add the stages after the purchase: onboarding, usage, support, retention, advocacy",
    )
    doc = RuleDoc(
        why=(
            "Stopping at the purchase is the most common mapping mistake. What happens "
            "after it (delivery, first use, support, repeat purchase, recommending the "
            "brand) decides whether the customer comes back. The rule reads the stages' "
            "`phase`; a journey without phases is not checked, nor is a `lead-generation` "
            "journey, which ends by design when the lead is handed over."
        ),
        example=checkout(
            stages="""\
  - id: compares
    name: Compares offers
    phase: consideration
  - id: buys
    name: Buys
    phase: purchase
"""
        ),
        use_instead=checkout(
            stages="""\
  - id: compares
    name: Compares offers
    phase: consideration
  - id: buys
    name: Buys
    phase: purchase
  - id: receives
    name: Receives the order
    phase: onboarding
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        phased = [(index, stage) for index, stage in enumerate(journey.stages) if stage.phase is not None]
        if not phased or journey.type == "lead-generation":
            return
        index, last = phased[-1]
        if last.phase is not None and PHASE_ORDER.index(last.phase) <= _PURCHASE:
            yield Finding(
                ("stages", index, "phase"),
                f"the journey ends at stage '{last.id}' ({last.phase}): nothing after the purchase is mapped",
            )


class StepWithoutEmotion(Rule[NoOptions]):
    meta = RuleMeta(
        "JM702",
        "step-without-emotion",
        "A step does not record how the customer feels.",
        Severity.INFO,
        recommended=False,
        fix="add `emotion:` from -2 (very negative) to 2 (very positive)",
    )
    doc = RuleDoc(
        why=(
            "The emotions across the steps form the journey's curve, and its lows are "
            "where to look first. A step without an emotion leaves a hole in the curve."
        ),
        example=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
"""
        ),
        use_instead=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    emotion: -1
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for stage_index, _, step_index, step in journey.steps():
            if step.emotion is None:
                yield Finding(("stages", stage_index, "steps", step_index), f"step '{step.id}' records no emotion")


def _has_touchpoints(journey: Journey) -> bool:
    return any(step.touchpoints for _, _, _, step in journey.steps())


class JourneyWithoutMomentOfTruth(Rule[NoOptions]):
    meta = RuleMeta(
        "JM703",
        "journey-without-moment-of-truth",
        "No touchpoint of the journey is marked as a moment of truth.",
        Severity.INFO,
        recommended=False,
        fix="mark the touchpoint that decides whether the customer stays with `moment_of_truth: true`",
    )
    doc = RuleDoc(
        why=(
            "Some single interactions decide whether the customer stays: the first "
            "delivery, the first bill, the first call to support. Marking them tells the "
            "team where a failure costs most. Journeys without touchpoints are not checked."
        ),
        example=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
"""
        ),
        use_instead=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
        moment_of_truth: true
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        if not _has_touchpoints(journey):
            return
        steps = journey.steps()
        if not any(t.moment_of_truth for _, _, _, step in steps for t in step.touchpoints):
            yield Finding((), f"journey '{journey.id}' marks no touchpoint as a moment of truth")


class JourneySingleChannelKind(Rule[NoOptions]):
    meta = RuleMeta(
        "JM704",
        "journey-single-channel-kind",
        "All of the journey's touchpoints are digital, or none is.",
        Severity.INFO,
        recommended=False,
        fix="map the touchpoints on the other side too: store, phone, packaging, or website, app, email",
    )
    doc = RuleDoc(
        why=(
            "Customers move between online and offline: they read reviews, then visit the "
            "store; they buy in the app, then call support. A map with only digital, or "
            "only physical and human, touchpoints may have missed half of the journey."
        ),
        example=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
      - channel: email
"""
        ),
        use_instead=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
      - channel: phone
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        declared = {channel.id: channel.kind for channel in journey.channels}
        kinds = [
            declared.get(t.channel) or (CATALOG[t.channel].kind if t.channel in CATALOG else None)
            for _, _, _, step in journey.steps()
            for t in step.touchpoints
        ]
        known = [kind for kind in kinds if kind is not None]
        if not known:
            return
        digital = sum(kind == "digital" for kind in known)
        if digital == len(known):
            yield Finding((), f"all {len(known)} touchpoints of journey '{journey.id}' are digital")
        elif digital == 0:
            yield Finding((), f"none of the {len(known)} touchpoints of journey '{journey.id}' is digital")
