"""The view model: what the templates see of a journey.

Small immutable records (named tuples: the cheapest to build, and a run builds
hundreds of thousands) with the stages in order, the lanes worth drawing and the
figures computed once (coverage, emotion curve, metric status). Templates never see
loader or Pydantic objects, so a template cannot reach into the file, and the numbers
a map shows are computed and tested here rather than in Jinja. Everything stays
language-neutral: enum values are kept as keys for the label catalogs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal, NamedTuple
from urllib.parse import urlsplit

from journeyctl.channels import CATALOG
from journeyctl.diagnostics import Diagnostic
from journeyctl.model import InlinePersona, Journey, Metric, Opportunity, Persona, Stage, Step, Touchpoint

SAFE_URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_SPACE_OR_CONTROL: Final = re.compile(r"[\s\x00-\x1f\x7f]")
SEVERITIES: Final = ("critical", "high", "medium", "low")
FINDING_SEVERITIES: Final = ("error", "warning", "info")
MetricStatus = Literal["on-target", "off-target", "unmeasured", "no-target"]

Parts = tuple[str | int, ...]


class SafeLink(NamedTuple):
    """A URL the renderer will link: its scheme is http, https or mailto, checked here again."""

    href: str
    text: str


class TouchpointView(NamedTuple):
    anchor: str
    channel_id: str
    channel_name: str
    channel_kind: str
    icon: str
    builtin_channel: bool
    name: str | None
    description: str | None
    link: SafeLink | None
    unsafe_url: str | None
    """A URL shown as plain text because its scheme is not one the renderer links."""
    rating: int | None
    moment_of_truth: bool


class PainPointView(NamedTuple):
    id: str
    anchor: str
    description: str
    severity: str
    source: str | None


class AddressedPain(NamedTuple):
    id: str
    anchor: str | None


class OpportunityView(NamedTuple):
    id: str
    anchor: str
    description: str
    priority: str
    status: str
    owner: str | None
    addresses: tuple[AddressedPain, ...]


class MetricView(NamedTuple):
    anchor: str
    name: str
    target: float | None
    actual: float | None
    unit: str | None
    direction: str
    source: str | None
    owner: str | None
    status: MetricStatus


class MomentContent(NamedTuple):
    """What stages and steps share."""

    description: str | None
    owner: str | None
    questions: tuple[str, ...]
    pain_points: tuple[PainPointView, ...]
    opportunities: tuple[OpportunityView, ...]
    metrics: tuple[MetricView, ...]


class CurveCell(NamedTuple):
    """One step's slice of the emotion curve, in a 0..100 box (y grows downwards).

    The line enters at the left edge half-way between the previous step's level and
    this one's, passes through this step's point and leaves towards the next step;
    an edge is None where the neighbour has no emotion (or there is no neighbour), so
    the curve breaks instead of inventing a value.
    """

    value: int | None
    y: float | None
    left_y: float | None
    right_y: float | None
    lowest: bool
    """At the curve's lowest point, when that point is below neutral."""
    line_path: str = ""
    """SVG path data of the line through this step's slice; empty where it breaks."""


class PersonaChip(NamedTuple):
    id: str
    name: str
    anchor: str


class StepView(NamedTuple):
    id: str
    anchor: str
    name: str
    milestone: bool
    personas: tuple[PersonaChip, ...]
    actions: tuple[str, ...]
    thoughts: tuple[str, ...]
    curve: CurveCell
    touchpoints: tuple[TouchpointView, ...]
    content: MomentContent
    findings: tuple[int, ...]
    """Numbers of the findings about this step (or anything inside it)."""
    column_class: str
    """CSS classes of the step's column: where a stage starts, milestones."""


class StageView(NamedTuple):
    id: str
    anchor: str
    name: str
    phase: str | None
    steps: tuple[StepView, ...]
    content: MomentContent
    findings: tuple[int, ...]

    @property
    def span(self) -> int:
        """Columns the stage takes in the grid: one per step, one for a stage without steps."""
        return max(1, len(self.steps))


class Lane(NamedTuple):
    """A row group of the grid; drawn only when some stage or step has something in it."""

    key: str
    stage_row: bool
    step_row: bool


class PersonaView(NamedTuple):
    id: str
    anchor: str
    name: str
    segment: str | None
    description: str | None
    quote: str | None
    demographics: tuple[tuple[str, str], ...]
    goals: tuple[str, ...]
    needs: tuple[str, ...]
    motivations: tuple[str, ...]
    frustrations: tuple[str, ...]
    habits: tuple[str, ...]


class Review(NamedTuple):
    last_reviewed: dt.date | None
    every_days: int | None
    due: dt.date | None
    overdue_days: int
    """Days past the due date; 0 when not overdue or no schedule is set."""


class Finding(NamedTuple):
    number: int
    anchor: str
    code: str
    name: str
    severity: str
    message: str
    fix: str
    line: int
    target_anchor: str
    """Every finding is about something on the page: the journey itself at the least."""
    target_name: str
    docs_url: str


class Coverage(NamedTuple):
    covered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.total) if self.total else 0


class Health(NamedTuple):
    owners: Coverage
    """Stages and steps with an owner."""
    metrics: Coverage
    """Stages and steps with at least one metric."""
    positive_emotion: Coverage
    """Steps with a positive emotion, out of all steps."""
    steps_without_emotion: int
    metrics_on_target: Coverage
    """Metrics on target, out of the metrics with both a target and a measured value."""
    pains_by_severity: tuple[tuple[str, int], ...]
    lowest_steps: tuple[StepView, ...]
    """The steps at the curve's lowest point (when it dips below neutral)."""
    findings: tuple[Finding, ...]
    findings_by_severity: tuple[tuple[str, int], ...]
    """How many findings are errors, warnings and infos, in that order."""
    lint_available: bool


class LegendChannel(NamedTuple):
    id: str
    name: str
    kind: str
    icon: str
    builtin: bool


class JourneyView(NamedTuple):
    id: str
    source_file: str
    title: str
    type: str
    lang: str | None
    description: str | None
    owner: str | None
    goals: tuple[str, ...]
    personas: tuple[PersonaView, ...]
    review: Review
    stages: tuple[StageView, ...]
    lanes: tuple[Lane, ...]
    health: Health
    channels: tuple[LegendChannel, ...]
    step_count: int
    emotions: tuple[int | None, ...]
    """Each step's emotion, in journey order."""
    sparkline: tuple[str, ...]
    """The emotion curve as SVG polyline points in a 0..100 box, one run per unbroken stretch."""
    has_milestones: bool
    has_moments_of_truth: bool
    has_ratings: bool


class JourneyCard(NamedTuple):
    """What the index page shows of a journey: kept for every journey, while each view is let go."""

    id: str
    title: str
    type: str
    lang: str | None
    description: str | None
    owner: str | None
    persona_names: tuple[str, ...]
    stage_count: int
    step_count: int
    owners: Coverage
    """Stages and steps with an owner."""
    pains_by_severity: tuple[tuple[str, int], ...]
    lint_available: bool
    finding_count: int
    review: Review
    emotions: tuple[int | None, ...]
    sparkline: tuple[str, ...]


# ---------------------------------------------------------------------------------
# Building


@functools.lru_cache(maxsize=4096)  # every finding links its rule's documentation
def safe_link(url: str | None) -> SafeLink | None:
    """The URL as a link when its scheme is http, https or mailto; None for anything else.

    The model already rejects other schemes; this check stands on its own so that the
    renderer stays safe if a model change or a custom template ever passes one through.
    """
    if not url or _SPACE_OR_CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_URL_SCHEMES:
        return None
    if scheme != "mailto" and not parts.netloc:
        return None
    text = url[len("mailto:") :] if scheme == "mailto" else url
    return SafeLink(href=url, text=text)


def metric_status(metric: Metric) -> MetricStatus:
    if metric.target is None:
        return "no-target"
    if metric.actual is None:
        return "unmeasured"
    if metric.direction == "decrease":
        return "on-target" if metric.actual <= metric.target else "off-target"
    return "on-target" if metric.actual >= metric.target else "off-target"


def review_state(journey: Journey, today: dt.date) -> Review:
    due = None
    overdue = 0
    if journey.last_reviewed is not None and journey.review_every_days is not None:
        due = journey.last_reviewed + dt.timedelta(days=journey.review_every_days)
        overdue = max(0, (today - due).days)
    return Review(journey.last_reviewed, journey.review_every_days, due, overdue)


def curve_y(value: int) -> float:
    """-2..2 onto the curve's box: 2 at the top (y=10), -2 at the bottom (y=90)."""
    return 50.0 - 20.0 * value


def curve_cells(emotions: Sequence[int | None]) -> list[CurveCell]:
    cells: list[CurveCell] = []
    lowest = min((value for value in emotions if value is not None), default=0)
    for index, value in enumerate(emotions):
        if value is None:
            cells.append(CurveCell(None, None, None, None, lowest=False))
            continue
        y = curve_y(value)
        before = emotions[index - 1] if index > 0 else None
        after = emotions[index + 1] if index + 1 < len(emotions) else None
        left = (y + curve_y(before)) / 2 if before is not None else None
        right = (y + curve_y(after)) / 2 if after is not None else None
        path = [f"M0 {left:g} L50 {y:g}"] if left is not None else [f"M50 {y:g}"]
        if right is not None:
            path.append(f"L100 {right:g}")
        line = " ".join(path) if len(path) > 1 or left is not None else ""
        cells.append(CurveCell(value, y, left, right, lowest=lowest < 0 and value == lowest, line_path=line))
    return cells


def sparkline(emotions: Sequence[int | None]) -> tuple[str, ...]:
    """Polyline point lists for the emotion curve, broken where a step has no emotion."""
    if not emotions:
        return ()
    step = 100 / max(1, len(emotions) - 1)
    runs: list[list[str]] = [[]]
    for index, value in enumerate(emotions):
        if value is None:
            runs.append([])
            continue
        runs[-1].append(f"{index * step:.1f},{curve_y(value):.0f}")
    return tuple(" ".join(run) for run in runs if len(run) > 1)


_PATH_TOKEN: Final = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def parse_path(path: str) -> Parts:
    """`stages[1].steps[0]` -> `("stages", 1, "steps", 0)`."""
    return tuple(int(index) if index else name for name, index in _PATH_TOKEN.findall(path))


def _finding_target(journey: Journey, personas: Mapping[str, PersonaView], parts: Parts) -> tuple[str, str]:
    """The element of the page closest to what a document path names: (HTML anchor, name to show).

    The path is walked down the journey as far as it names something the page shows
    with an anchor; what it names below that (a field, an item of a list) is part of it.
    """
    journey_target = ("journey", journey.title)
    if _names_item(parts, 0, "personas", journey.personas):
        ref = journey.personas[int(parts[1])]  # indexes follow the file, even if a reference did not resolve
        persona = personas.get(ref if isinstance(ref, str) else ref.id)
        return (persona.anchor, persona.name) if persona is not None else journey_target
    if not _names_item(parts, 0, "stages", journey.stages):
        return journey_target
    stage_index = int(parts[1])
    stage = journey.stages[stage_index]
    moment: Stage | Step = stage
    target = (f"stage-{stage.id}", stage.name)
    prefix = _anchor_prefix(stage_index)
    at = 2
    if _names_item(parts, 2, "steps", stage.steps):
        step_index = int(parts[3])
        step = stage.steps[step_index]
        moment, target, prefix, at = step, (f"step-{step.id}", step.name), _anchor_prefix(stage_index, step_index), 4
        if _names_item(parts, 4, "touchpoints", step.touchpoints):
            index = int(parts[5])
            touchpoint = step.touchpoints[index]
            return (_part_anchor(prefix, "touchpoints", index), touchpoint.name or touchpoint.channel)
    if _names_item(parts, at, "pain_points", moment.pain_points):
        pain = moment.pain_points[int(parts[at + 1])]
        return (f"pain-{pain.id}", pain.id)
    if _names_item(parts, at, "opportunities", moment.opportunities):
        opportunity = moment.opportunities[int(parts[at + 1])]
        return (f"opportunity-{opportunity.id}", opportunity.id)
    if _names_item(parts, at, "metrics", moment.metrics):
        index = int(parts[at + 1])
        return (_part_anchor(prefix, "metrics", index), moment.metrics[index].name)
    return target


def _anchor_prefix(stage_index: int, step_index: int | None = None) -> str:
    """The start of the anchors of a stage's or step's touchpoints and metrics, from its document path."""
    stage = f"at-stages-{stage_index}"
    return stage if step_index is None else f"{stage}-steps-{step_index}"


def _part_anchor(prefix: str, key: str, index: int) -> str:
    """The anchor of a touchpoint or metric: `at-stages-0-steps-2-touchpoints-1`."""
    return f"{prefix}-{key}-{index}"


def _names_item(parts: Parts, at: int, key: str, items: Sequence[object]) -> bool:
    """Whether `parts[at:at + 2]` is `(key, index)` with an index that exists in `items`."""
    if len(parts) < at + 2 or parts[at] != key:
        return False
    index = parts[at + 1]
    return isinstance(index, int) and index < len(items)


def _findings(
    diagnostics: Sequence[Diagnostic], journey: Journey, personas: Sequence[PersonaView]
) -> tuple[Finding, ...]:
    """Most severe first; each linked to the closest element its path names."""
    ordered = sorted(diagnostics, key=lambda d: (-d.severity, d.line, d.column, d.code))
    shown = {persona.id: persona for persona in personas}
    found: list[Finding] = []
    for number, diagnostic in enumerate(ordered, start=1):
        target_anchor, target_name = _finding_target(journey, shown, parse_path(diagnostic.path))
        docs = safe_link(diagnostic.docs_url)
        found.append(
            Finding(
                number=number,
                anchor=f"finding-{number}",
                code=diagnostic.code,
                name=diagnostic.name,
                severity=diagnostic.severity.label,
                message=diagnostic.message,
                fix=diagnostic.fix,
                line=diagnostic.line,
                target_anchor=target_anchor,
                target_name=target_name,
                docs_url=docs.href if docs else "",
            )
        )
    return tuple(found)


def _persona_view(persona: InlinePersona | Persona) -> PersonaView:
    return PersonaView(
        id=persona.id,
        anchor=f"persona-{persona.id}",
        name=persona.name,
        segment=persona.segment,
        description=persona.description,
        quote=persona.quote,
        demographics=tuple(
            (key, _scalar_text(value)) for key, value in persona.demographics.items() if value is not None
        ),
        goals=tuple(persona.goals),
        needs=tuple(persona.needs),
        motivations=tuple(persona.motivations),
        frustrations=tuple(persona.frustrations),
        habits=tuple(persona.habits),
    )


_COLUMN_CLASSES: Final = {
    (False, False): "",
    (True, False): "stage-start",
    (False, True): "milestone-col",
    (True, True): "stage-start milestone-col",
}
"""A step column's classes by (first step of its stage, milestone)."""


class _Builder:
    """Builds one JourneyView, collecting the channels it uses for the legend."""

    def __init__(self, journey: Journey, findings: Sequence[Finding], persona_chips: Mapping[str, PersonaChip]) -> None:
        self.journey = journey
        self.findings_by_anchor: dict[str, tuple[int, ...]] = {}
        for finding in findings:
            known = self.findings_by_anchor.get(finding.target_anchor, ())
            self.findings_by_anchor[finding.target_anchor] = (*known, finding.number)
        self.persona_chips = persona_chips
        self.pain_anchors = {pain.id: f"pain-{pain.id}" for moment in _moments(journey) for pain in moment.pain_points}
        self.declared_channels = {channel.id: channel for channel in journey.channels}
        self.channels: dict[str, LegendChannel] = {}

    def stages(self) -> tuple[StageView, ...]:
        cells = iter(curve_cells([step.emotion for _, _, _, step in self.journey.steps()]))
        views: list[StageView] = []
        for stage_index, stage in enumerate(self.journey.stages):
            stage_prefix = _anchor_prefix(stage_index)
            steps = tuple(
                self._step(_anchor_prefix(stage_index, step_index), step, next(cells), first=step_index == 0)
                for step_index, step in enumerate(stage.steps)
            )
            anchor = f"stage-{stage.id}"
            views.append(
                StageView(
                    id=stage.id,
                    anchor=anchor,
                    name=stage.name,
                    phase=stage.phase,
                    steps=steps,
                    content=self._content(stage_prefix, stage),
                    findings=self._findings_at(anchor),
                )
            )
        return tuple(views)

    def _findings_at(self, anchor: str) -> tuple[int, ...]:
        return self.findings_by_anchor.get(anchor, ())

    def _step(self, prefix: str, step: Step, cell: CurveCell, *, first: bool) -> StepView:
        """`prefix`: the start of the anchors of the step's parts, from its document path."""
        anchor = f"step-{step.id}"
        return StepView(
            id=step.id,
            anchor=anchor,
            name=step.name,
            milestone=step.milestone,
            personas=tuple(self.persona_chips[p] for p in step.personas if p in self.persona_chips),
            actions=tuple(step.actions),
            thoughts=tuple(step.thoughts),
            curve=cell,
            touchpoints=tuple(
                self._touchpoint(_part_anchor(prefix, "touchpoints", i), t) for i, t in enumerate(step.touchpoints)
            ),
            content=self._content(prefix, step),
            findings=self._findings_at(anchor),
            column_class=_COLUMN_CLASSES[first, step.milestone],
        )

    def _touchpoint(self, anchor: str, touchpoint: Touchpoint) -> TouchpointView:
        builtin = CATALOG.get(touchpoint.channel)
        declared = self.declared_channels.get(touchpoint.channel)
        if builtin is not None:
            name, kind = builtin.name, builtin.kind
        elif declared is not None:
            name, kind = declared.name, declared.kind
        else:  # validation rejects unknown channels; show the id rather than fail
            name, kind = touchpoint.channel, "digital"
        # Built-in channels have their own icon; declared ones take their kind's.
        icon = touchpoint.channel if builtin is not None else kind
        if touchpoint.channel not in self.channels:
            self.channels[touchpoint.channel] = LegendChannel(touchpoint.channel, name, kind, icon, builtin is not None)
        link = safe_link(touchpoint.url)
        return TouchpointView(
            anchor=anchor,
            channel_id=touchpoint.channel,
            channel_name=name,
            channel_kind=kind,
            icon=icon,
            builtin_channel=builtin is not None,
            name=touchpoint.name,
            description=touchpoint.description,
            link=link,
            unsafe_url=touchpoint.url if link is None and touchpoint.url else None,
            rating=touchpoint.rating,
            moment_of_truth=touchpoint.moment_of_truth,
        )

    def _content(self, prefix: str, moment: Stage | Step) -> MomentContent:
        return MomentContent(
            description=moment.description,
            owner=moment.owner,
            questions=tuple(moment.questions),
            pain_points=tuple(
                PainPointView(p.id, f"pain-{p.id}", p.description, p.severity, p.source) for p in moment.pain_points
            ),
            opportunities=tuple(self._opportunity(o) for o in moment.opportunities),
            metrics=tuple(self._metric(_part_anchor(prefix, "metrics", i), m) for i, m in enumerate(moment.metrics)),
        )

    def _opportunity(self, opportunity: Opportunity) -> OpportunityView:
        return OpportunityView(
            id=opportunity.id,
            anchor=f"opportunity-{opportunity.id}",
            description=opportunity.description,
            priority=opportunity.priority,
            status=opportunity.status,
            owner=opportunity.owner,
            addresses=tuple(AddressedPain(p, self.pain_anchors.get(p)) for p in opportunity.addresses),
        )

    def _metric(self, anchor: str, metric: Metric) -> MetricView:
        return MetricView(
            anchor=anchor,
            name=metric.name,
            target=metric.target,
            actual=metric.actual,
            unit=metric.unit,
            direction=metric.direction,
            source=metric.source,
            owner=metric.owner,
            status=metric_status(metric),
        )


def _moments(journey: Journey) -> Iterable[Stage | Step]:
    for stage in journey.stages:
        yield stage
        yield from stage.steps


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _lanes(stages: Sequence[StageView]) -> tuple[Lane, ...]:
    steps = [step for stage in stages for step in stage.steps]
    contents = [stage.content for stage in stages]
    step_contents = [step.content for step in steps]

    def lane(key: str, on_stage: bool, on_step: bool) -> Lane | None:
        return Lane(key, on_stage, on_step) if on_stage or on_step else None

    candidates = (
        lane("description", any(c.description for c in contents), any(c.description for c in step_contents)),
        lane("actions", False, any(step.actions for step in steps)),
        lane("thoughts", False, any(step.thoughts for step in steps)),
        lane("emotion", False, any(step.curve.value is not None for step in steps)),
        lane("touchpoints", False, any(step.touchpoints for step in steps)),
        lane("questions", any(c.questions for c in contents), any(c.questions for c in step_contents)),
        lane("pain_points", any(c.pain_points for c in contents), any(c.pain_points for c in step_contents)),
        lane("opportunities", any(c.opportunities for c in contents), any(c.opportunities for c in step_contents)),
        lane("metrics", any(c.metrics for c in contents), any(c.metrics for c in step_contents)),
        lane("owners", any(c.owner for c in contents), any(c.owner for c in step_contents)),
    )
    return tuple(candidate for candidate in candidates if candidate is not None)


def _health(
    stages: Sequence[StageView], steps: Sequence[StepView], findings: tuple[Finding, ...], *, lint_available: bool
) -> Health:
    contents = [stage.content for stage in stages] + [step.content for step in steps]
    metrics = [m for c in contents for m in c.metrics]
    measured = [m for m in metrics if m.status in ("on-target", "off-target")]
    pains = [p for c in contents for p in c.pain_points]
    emotions = [step.curve.value for step in steps if step.curve.value is not None]
    return Health(
        owners=Coverage(sum(1 for c in contents if c.owner), len(contents)),
        metrics=Coverage(sum(1 for c in contents if c.metrics), len(contents)),
        positive_emotion=Coverage(sum(1 for value in emotions if value > 0), len(steps)),
        steps_without_emotion=len(steps) - len(emotions),
        metrics_on_target=Coverage(sum(1 for m in measured if m.status == "on-target"), len(measured)),
        pains_by_severity=tuple((severity, sum(1 for p in pains if p.severity == severity)) for severity in SEVERITIES),
        lowest_steps=tuple(step for step in steps if step.curve.lowest),
        findings=findings,
        findings_by_severity=tuple(
            (level, sum(1 for f in findings if f.severity == level)) for level in FINDING_SEVERITIES
        ),
        lint_available=lint_available,
    )


def build_view(
    journey: Journey,
    *,
    source_file: str,
    personas: Mapping[str, Persona],
    today: dt.date,
    diagnostics: Sequence[Diagnostic] = (),
    lint_available: bool = False,
) -> JourneyView:
    """The view of one valid journey.

    `personas` are the persona files of the run by id (inline personas come from the
    journey itself); `diagnostics` are the lint findings about this journey's file,
    shown in the health panel and linked to the element they concern.
    """
    persona_views = tuple(
        _persona_view(personas[ref] if isinstance(ref, str) else ref)
        for ref in journey.personas
        if not isinstance(ref, str) or ref in personas
    )
    findings = _findings(diagnostics, journey, persona_views)
    chips = {p.id: PersonaChip(p.id, p.name, p.anchor) for p in persona_views}
    builder = _Builder(journey, findings, chips)
    stages = builder.stages()
    steps = [step for stage in stages for step in stage.steps]
    return JourneyView(
        id=journey.id,
        source_file=source_file,
        title=journey.title,
        type=journey.type,
        lang=journey.lang,
        description=journey.description,
        owner=journey.owner,
        goals=tuple(journey.goals),
        personas=persona_views,
        review=review_state(journey, today),
        stages=stages,
        lanes=_lanes(stages),
        health=_health(stages, steps, findings, lint_available=lint_available),
        channels=tuple(sorted(builder.channels.values(), key=lambda c: (c.kind, c.name.casefold()))),
        step_count=len(steps),
        emotions=tuple(step.curve.value for step in steps),
        sparkline=sparkline([step.curve.value for step in steps]),
        has_milestones=any(step.milestone for step in steps),
        has_moments_of_truth=any(t.moment_of_truth for step in steps for t in step.touchpoints),
        has_ratings=any(t.rating is not None for step in steps for t in step.touchpoints),
    )


def journey_card(view: JourneyView) -> JourneyCard:
    health = view.health
    return JourneyCard(
        id=view.id,
        title=view.title,
        type=view.type,
        lang=view.lang,
        description=view.description,
        owner=view.owner,
        persona_names=tuple(persona.name for persona in view.personas),
        stage_count=len(view.stages),
        step_count=view.step_count,
        owners=health.owners,
        pains_by_severity=health.pains_by_severity,
        lint_available=health.lint_available,
        finding_count=len(health.findings),
        review=view.review,
        emotions=view.emotions,
        sparkline=view.sparkline,
    )
