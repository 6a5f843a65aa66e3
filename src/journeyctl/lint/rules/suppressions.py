"""JM9xx: inline suppressions are themselves checked.

The engine produces these findings while it applies suppressions; the classes carry
the metadata and docs.
"""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import NoOptions, Rule, RuleDoc, RuleMeta, checkout


class SuppressionUnused(Rule[NoOptions]):
    meta = RuleMeta(
        "JM901",
        "suppression-unused",
        "An inline suppression silences nothing.",
        Severity.WARNING,
        recommended=True,
        fix="remove the suppression, or the rule names in it that no longer apply",
    )
    doc = RuleDoc(
        why=(
            "A suppression that silences nothing was left behind after the gap was closed. "
            "Left in place, it would hide the gap if it came back. Rules that are not "
            "enabled in the run are not reported as unused."
        ),
        example=checkout(
            stages="""\
  # journeyctl: ignore[stage-without-owner]
  - id: purchase
    name: Purchase
    owner: ecommerce-team
"""
        ),
        use_instead=checkout(stage="owner: ecommerce-team\n"),
    )
    options = NoOptions


class SuppressionMalformed(Rule[NoOptions]):
    meta = RuleMeta(
        "JM902",
        "suppression-malformed",
        "A `# journeyctl:` comment cannot be read or names no known rule.",
        Severity.ERROR,
        recommended=True,
        fix="write `# journeyctl: ignore[CODE-or-name, ...]` on or above the node",
    )
    doc = RuleDoc(
        why=(
            "A suppression with a typo silences nothing, and the author believes it does. "
            "The form is `# journeyctl: ignore[JM102, step-without-owner]`: rule codes, "
            "family prefixes (`JM2`), names or `ALL`, comma separated, optionally followed "
            "by a reason. It must sit on the node's line or on a line of its own above it."
        ),
        example=checkout(
            stages="""\
  # journeyctl: ignore[stage-without-onwer]
  - id: purchase
    name: Purchase
"""
        ),
        use_instead=checkout(
            stages="""\
  # journeyctl: ignore[stage-without-owner] owned by the franchisee, outside our org
  - id: purchase
    name: Purchase
"""
        ),
    )
    options = NoOptions
