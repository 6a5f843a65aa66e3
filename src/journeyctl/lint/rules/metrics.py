"""JM2xx: every stage and step is measured, and every measure can be read."""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, NoOptions, Rule, RuleDoc, RuleMeta, checkout
from journeyctl.model import Journey, Metric, Stage
from journeyctl.validate import moments


def stage_measured(stage: Stage) -> bool:
    """A stage counts as measured when it or any of its steps carries a metric."""
    return bool(stage.metrics) or any(step.metrics for step in stage.steps)


class StageWithoutMetric(Rule[NoOptions]):
    meta = RuleMeta(
        "JM201",
        "stage-without-metric",
        "Neither a stage nor any of its steps has a metric.",
        Severity.WARNING,
        recommended=True,
        fix="add a metric that tells how well the stage works (conversion, CSAT, drop-off...)",
    )
    doc = RuleDoc(
        why=(
            "Without a metric nobody can tell whether a stage works, or whether a change "
            "made it better. A stage is measured when it or one of its steps has a metric; "
            "when none has, this rule reports the stage once instead of every step."
        ),
        example=checkout(),
        use_instead=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
    target: 65
    unit: "%"
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for index, stage in enumerate(journey.stages):
            if not stage_measured(stage):
                yield Finding(("stages", index), f"stage '{stage.id}' has no metric, nor has any of its steps")


class StepWithoutMetric(Rule[NoOptions]):
    meta = RuleMeta(
        "JM202",
        "step-without-metric",
        "A step has no metric, though other parts of its stage are measured.",
        Severity.WARNING,
        recommended=True,
        fix="add a metric for this step: its completion rate, drop-off or satisfaction",
    )
    doc = RuleDoc(
        why=(
            "A step's metric shows where the funnel leaks: how many customers complete it "
            "and how many give up. A stage with no metric at all is reported once by "
            "stage-without-metric, so this rule looks only at stages that are measured "
            "somewhere."
        ),
        example=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
steps:
  - id: pays-by-card
    name: Pays by card
"""
        ),
        use_instead=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
steps:
  - id: pays-by-card
    name: Pays by card
    metrics:
      - name: Card payment success rate
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for stage_index, stage, step_index, step in journey.steps():
            if not step.metrics and stage_measured(stage):
                yield Finding(("stages", stage_index, "steps", step_index), f"step '{step.id}' has no metric")


def _metrics(journey: Journey) -> Iterator[tuple[tuple[str | int, ...], Metric]]:
    for parts, moment in moments(journey):
        for index, metric in enumerate(moment.metrics):
            yield (*parts, "metrics", index), metric


class MetricWithoutTarget(Rule[NoOptions]):
    meta = RuleMeta(
        "JM203",
        "metric-without-target",
        "A metric has no target.",
        Severity.WARNING,
        recommended=True,
        fix="add `target:` with the value the team aims for",
    )
    doc = RuleDoc(
        why="A figure without a target cannot say whether the stage is doing well or badly.",
        example=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
    unit: "%"
"""
        ),
        use_instead=checkout(
            stage="""\
metrics:
  - name: Checkout completion rate
    unit: "%"
    target: 65
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for parts, metric in _metrics(journey):
            if metric.target is None:
                yield Finding(parts, f"metric '{metric.name}' has no target")


class MetricWithoutSource(Rule[NoOptions]):
    meta = RuleMeta(
        "JM204",
        "metric-without-source",
        "A metric does not say where its figures come from.",
        Severity.WARNING,
        recommended=True,
        fix="add `source:` (web analytics, CRM, survey...) so others can find the figure",
    )
    doc = RuleDoc(
        why=(
            "A figure nobody can trace is a figure nobody trusts, and it cannot be updated "
            "when the map is reviewed. The source says where to look."
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
    source: Web analytics
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for parts, metric in _metrics(journey):
            if metric.source is None or not metric.source.strip():
                yield Finding(parts, f"metric '{metric.name}' has no source")


class MetricOffTarget(Rule[NoOptions]):
    meta = RuleMeta(
        "JM205",
        "metric-off-target",
        "A metric's measured value is on the wrong side of its target.",
        Severity.INFO,
        recommended=False,
        fix="look at this stage first, or record why the target is not met",
    )
    doc = RuleDoc(
        why=(
            "The map is not wrong, but the journey is: the measured value misses the "
            "target, in the direction the metric says is better (`direction: increase` or "
            "`decrease`). These are the places to look at first. It is information about "
            "the journey rather than a gap in the map, so it is off in `recommended`."
        ),
        example=checkout(
            stage="""\
metrics:
  - name: Cart abandonment rate
    target: 60
    actual: 72
    direction: decrease
"""
        ),
        use_instead=checkout(
            stage="""\
metrics:
  - name: Cart abandonment rate
    target: 60
    actual: 55
    direction: decrease
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for parts, metric in _metrics(journey):
            if metric.target is None or metric.actual is None:
                continue
            missed = metric.actual < metric.target if metric.direction == "increase" else metric.actual > metric.target
            if missed:
                better = "higher" if metric.direction == "increase" else "lower"
                unit = "" if not metric.unit else metric.unit if metric.unit == "%" else f" {metric.unit}"
                yield Finding(
                    (*parts, "actual"),
                    f"metric '{metric.name}' is off target: {_number(metric.actual)}{unit} against "
                    f"{_number(metric.target)}{unit} ({better} is better)",
                )


def _number(value: float) -> str:
    return f"{value:g}"
