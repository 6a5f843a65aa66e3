"""JM3xx: the map has its skeleton: steps, the customers' questions, touchpoints."""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, NoOptions, Rule, RuleDoc, RuleMeta, checkout
from journeyctl.model import Journey, Stage


class StageWithoutSteps(Rule[NoOptions]):
    meta = RuleMeta(
        "JM301",
        "stage-without-steps",
        "A stage lists no steps.",
        Severity.WARNING,
        recommended=True,
        fix="add the steps the customer takes in this stage, in order",
    )
    doc = RuleDoc(
        why=(
            "A stage is a phase of the timeline; the steps say what the customer actually "
            "does in it. Touchpoints, emotions and step metrics all hang on steps, so a "
            "stage without steps is a heading with nothing under it."
        ),
        example=checkout(),
        use_instead=checkout(
            stage="""\
steps:
  - id: pays-by-card
    name: Pays by card
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for index, stage in enumerate(journey.stages):
            if not stage.steps:
                yield Finding(("stages", index), f"stage '{stage.id}' has no steps")


class StageWithoutQuestions(Rule[NoOptions]):
    meta = RuleMeta(
        "JM302",
        "stage-without-questions",
        "No customer question is recorded in a stage.",
        Severity.WARNING,
        recommended=True,
        fix="add `questions:` with what customers ask at this stage, in their words",
    )
    doc = RuleDoc(
        why=(
            'The customers\' questions at each stage ("which size fits me?", "when will it '
            'arrive?") drive content, messaging and metrics. A stage whose questions are '
            "unknown was mapped from the inside. Questions written on any of the stage's "
            "steps count for the stage."
        ),
        example=checkout(),
        use_instead=checkout(
            stage="""\
questions:
  - When will it arrive?
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for index, stage in enumerate(journey.stages):
            if not stage.questions and not any(step.questions for step in stage.steps):
                yield Finding(("stages", index), f"stage '{stage.id}' records no customer question")


def stage_touched(stage: Stage) -> bool:
    return any(step.touchpoints for step in stage.steps)


class StageWithoutTouchpoints(Rule[NoOptions]):
    meta = RuleMeta(
        "JM303",
        "stage-without-touchpoints",
        "No step of a stage has a touchpoint.",
        Severity.WARNING,
        recommended=True,
        fix="add the touchpoints where the customer meets the brand in this stage's steps",
    )
    doc = RuleDoc(
        why=(
            "Touchpoints say where the customer meets the brand: website, store, phone, "
            "packaging. A stage with none cannot be acted on by the channel teams. A stage "
            "without steps is left to stage-without-steps."
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
    touchpoints:
      - channel: website
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for index, stage in enumerate(journey.stages):
            if stage.steps and not stage_touched(stage):
                yield Finding(("stages", index), f"no step of stage '{stage.id}' has a touchpoint")


class StepWithoutTouchpoint(Rule[NoOptions]):
    meta = RuleMeta(
        "JM304",
        "step-without-touchpoint",
        "A step has no touchpoint, though other steps of its stage have.",
        Severity.WARNING,
        recommended=True,
        fix="add `touchpoints:` with the channel where this step happens",
    )
    doc = RuleDoc(
        why=(
            "Each step happens somewhere: on the website, in the store, on the phone. A "
            "step without a touchpoint has no channel team to improve it. A stage where no "
            "step has a touchpoint is reported once by stage-without-touchpoints instead."
        ),
        example=checkout(
            stage="""\
steps:
  - id: fills-in-address
    name: Fills in the delivery address
    touchpoints:
      - channel: website
  - id: pays-by-card
    name: Pays by card
"""
        ),
        use_instead=checkout(
            stage="""\
steps:
  - id: fills-in-address
    name: Fills in the delivery address
    touchpoints:
      - channel: website
  - id: pays-by-card
    name: Pays by card
    touchpoints:
      - channel: website
"""
        ),
    )
    options = NoOptions

    def check_journey(self, journey: Journey, context: LintContext, options: NoOptions) -> Iterator[Finding]:
        for stage_index, stage, step_index, step in journey.steps():
            if not step.touchpoints and stage_touched(stage):
                yield Finding(("stages", stage_index, "steps", step_index), f"step '{step.id}' has no touchpoint")
