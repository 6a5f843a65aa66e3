"""JM6xx: the map is revisited on a schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, NoOptions, Rule, RuleDoc, RuleMeta, RuleOptions, checkout
from journeyctl.model import Journey


class JourneyNeverReviewed(Rule[NoOptions]):
    meta = RuleMeta(
        "JM601",
        "journey-never-reviewed",
        "The journey does not record when it was last reviewed.",
        Severity.WARNING,
        recommended=True,
        fix="add `last_reviewed: YYYY-MM-DD` after checking the map against current data",
    )
    doc = RuleDoc(
        why=(
            "A map goes stale: channels change, fixes ship, customers move on. Recording "
            "when it was last checked against real data tells readers how far to trust it "
            "and lets journey-review-overdue remind the team."
        ),
        example=checkout(),
        use_instead=checkout(top="last_reviewed: 2026-10-01\n"),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        if journey.last_reviewed is None:
            yield Finding((), f"journey '{journey.id}' has never been reviewed")


class ReviewOptions(RuleOptions):
    review_every_days: int = Field(
        default=365,
        ge=1,
        le=3650,
        description="How often a journey without `review_every_days` of its own is due for review.",
    )


class JourneyReviewOverdue(Rule[ReviewOptions]):
    meta = RuleMeta(
        "JM602",
        "journey-review-overdue",
        "The journey's last review is older than its review interval.",
        Severity.WARNING,
        recommended=True,
        fix="review the map with current data, then update `last_reviewed`",
    )
    doc = RuleDoc(
        why=(
            "The team planned to revisit the map and has not: its figures, pains and owners "
            "may no longer be true. The interval is the journey's `review_every_days`, or "
            "the rule's `review-every-days` option when the journey sets none. Pass "
            "`--today YYYY-MM-DD` to make runs reproducible."
        ),
        example=checkout(
            top="""\
last_reviewed: 2024-01-15
review_every_days: 90
"""
        ),
        use_instead=checkout(
            top="""\
last_reviewed: 2026-10-01
review_every_days: 90
"""
        ),
    )
    options = ReviewOptions

    def check_journey(self, journey: Journey, context: LintContext, options: ReviewOptions) -> Iterator[Finding]:
        if journey.last_reviewed is None:
            return
        every = journey.review_every_days or options.review_every_days
        due = journey.last_reviewed + dt.timedelta(days=every)
        if context.today > due:
            late = (context.today - due).days
            yield Finding(
                ("last_reviewed",),
                f"review overdue by {late} day{'s' if late != 1 else ''}: last reviewed "
                f"{journey.last_reviewed.isoformat()}, due every {every} days",
            )
