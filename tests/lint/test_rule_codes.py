"""Rule codes are permanent: a published code keeps its meaning, a published name keeps working."""

from __future__ import annotations

import pytest

from journeyctl.lint import RULES
from journeyctl.lint.registry import FAMILIES, UnknownRuleError, find_rule, resolve

# Every code and name published so far. Add new rules here; never change or remove a line:
# a renamed rule keeps its code and lists its old name in `RuleMeta.aliases`.
PUBLISHED = {
    "JM101": "stage-without-owner",
    "JM102": "step-without-owner",
    "JM103": "opportunity-without-owner",
    "JM104": "metric-without-owner",
    "JM105": "owner-unknown",
    "JM106": "journey-without-owner",
    "JM201": "stage-without-metric",
    "JM202": "step-without-metric",
    "JM203": "metric-without-target",
    "JM204": "metric-without-source",
    "JM205": "metric-off-target",
    "JM301": "stage-without-steps",
    "JM302": "stage-without-questions",
    "JM303": "stage-without-touchpoints",
    "JM304": "step-without-touchpoint",
    "JM401": "pain-point-without-opportunity",
    "JM402": "opportunity-addresses-nothing",
    "JM403": "low-rated-touchpoint-without-pain-point",
    "JM501": "journey-without-persona",
    "JM502": "persona-unused",
    "JM503": "journey-without-goals",
    "JM601": "journey-never-reviewed",
    "JM602": "journey-review-overdue",
    "JM701": "journey-ends-at-purchase",
    "JM702": "step-without-emotion",
    "JM703": "journey-without-moment-of-truth",
    "JM704": "journey-single-channel-kind",
    "JM901": "suppression-unused",
    "JM902": "suppression-malformed",
}


@pytest.mark.parametrize(("code", "name"), PUBLISHED.items())
def test_published_codes_and_names_still_resolve_to_each_other(code: str, name: str) -> None:
    assert find_rule(code) is find_rule(name)
    assert find_rule(code).meta.code == code


def test_every_rule_is_published() -> None:
    assert set(RULES) == set(PUBLISHED)


def test_selectors_are_case_insensitive_for_codes_and_all() -> None:
    assert resolve("jm102") == (frozenset({"JM102"}), 100)
    assert resolve("all")[0] == frozenset(RULES)
    assert resolve("JM10")[0] == frozenset({"JM101", "JM102", "JM103", "JM104", "JM105", "JM106"})


@pytest.mark.parametrize("selector", ["JM", "JM0", "JM008", "JM1000", "owner", "", "stage_without_owner"])
def test_what_names_no_rule_is_refused(selector: str) -> None:
    with pytest.raises(UnknownRuleError):
        resolve(selector)


def test_every_rule_belongs_to_a_named_family() -> None:
    assert {code[:3] for code in RULES} <= set(FAMILIES)
