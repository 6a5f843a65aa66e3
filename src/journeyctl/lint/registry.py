"""The one registry of lint rules, and how a rule is named: code, prefix, name or ALL."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Final

from journeyctl.lint.rule import CODE_PATTERN, NAME_PATTERN, AnyRule
from journeyctl.lint.rules import metrics, ownership, pains, personas, review, shape, structure, suppressions


def _registry(*rules: AnyRule) -> dict[str, AnyRule]:
    by_code: dict[str, AnyRule] = {}
    names: set[str] = set()
    for rule in rules:
        meta = rule.meta
        if not CODE_PATTERN.match(meta.code) or not NAME_PATTERN.match(meta.name):
            raise ValueError(f"rule {meta.code} {meta.name}: code or name is malformed")
        if meta.code in by_code or meta.name in names or names.intersection(meta.aliases):
            raise ValueError(f"rule {meta.code} {meta.name}: code or name is taken")
        by_code[meta.code] = rule
        names.update((meta.name, *meta.aliases))
    return dict(sorted(by_code.items()))


RULES: Final = _registry(
    ownership.StageWithoutOwner(),
    ownership.StepWithoutOwner(),
    ownership.OpportunityWithoutOwner(),
    ownership.MetricWithoutOwner(),
    ownership.OwnerUnknown(),
    ownership.JourneyWithoutOwner(),
    metrics.StageWithoutMetric(),
    metrics.StepWithoutMetric(),
    metrics.MetricWithoutTarget(),
    metrics.MetricWithoutSource(),
    metrics.MetricOffTarget(),
    structure.StageWithoutSteps(),
    structure.StageWithoutQuestions(),
    structure.StageWithoutTouchpoints(),
    structure.StepWithoutTouchpoint(),
    pains.PainPointWithoutOpportunity(),
    pains.OpportunityAddressesNothing(),
    pains.LowRatedTouchpointWithoutPainPoint(),
    personas.JourneyWithoutPersona(),
    personas.PersonaUnused(),
    personas.JourneyWithoutGoals(),
    review.JourneyNeverReviewed(),
    review.JourneyReviewOverdue(),
    shape.JourneyEndsAtPurchase(),
    shape.StepWithoutEmotion(),
    shape.JourneyWithoutMomentOfTruth(),
    shape.JourneySingleChannelKind(),
    suppressions.SuppressionUnused(),
    suppressions.SuppressionMalformed(),
)
"""Code -> rule, in code order. Codes are permanent: a retired code is never given to another rule."""

FAMILIES: Final = {
    "JM1": "ownership",
    "JM2": "metrics",
    "JM3": "structure",
    "JM4": "pain points and opportunities",
    "JM5": "personas and goals",
    "JM6": "review",
    "JM7": "the journey's shape",
    "JM9": "suppressions",
}
"""The hundreds digit of a code is its family."""

SUPPRESSION_UNUSED: Final = "JM901"
SUPPRESSION_MALFORMED: Final = "JM902"

_BY_NAME: Final = {name: rule.meta.code for rule in RULES.values() for name in (rule.meta.name, *rule.meta.aliases)}

ALL: Final = "ALL"
EXACT: Final = 100
"""Specificity of a full code or a name; a prefix counts its length; ALL counts 0."""


class UnknownRuleError(ValueError):
    """A selector that names no rule; the message suggests the closest one."""


def resolve(selector: str) -> tuple[frozenset[str], int]:
    """The codes `selector` names, and how specific it is (a more specific selector wins)."""
    text = selector.strip()
    if text.upper() == ALL:
        return frozenset(RULES), 0
    upper = text.upper()
    if upper in RULES:
        return frozenset({upper}), EXACT
    if text.lower() in _BY_NAME:
        return frozenset({_BY_NAME[text.lower()]}), EXACT
    if upper.startswith("JM") and upper[2:].isdigit() and len(upper) < 5:
        matched = frozenset(code for code in RULES if code.startswith(upper))
        if matched:
            return matched, len(upper)
    raise UnknownRuleError(_unknown_message(text))


def _unknown_message(text: str) -> str:
    candidates = [*RULES, *_BY_NAME]
    close = difflib.get_close_matches(text, candidates, n=1, cutoff=0.6) or difflib.get_close_matches(
        text.upper(), candidates, n=1, cutoff=0.6
    )
    hint = f"; did you mean '{close[0]}'?" if close else "; `journeyctl rules` lists them all"
    shown = text if text else "(empty)"
    return f"'{shown}' names no lint rule (write a code such as JM101, a prefix such as JM1, a name, or ALL){hint}"


def resolve_all(selectors: Iterable[str]) -> frozenset[str]:
    codes: set[str] = set()
    for selector in selectors:
        codes |= resolve(selector)[0]
    return frozenset(codes)


def find_rule(selector: str) -> AnyRule:
    """One rule by code or name (for `journeyctl rules X`)."""
    codes, specificity = resolve(selector)
    if specificity != EXACT:
        raise UnknownRuleError(f"'{selector}' names {len(codes)} rules; give one code or name")
    return RULES[next(iter(codes))]
