"""The grid's cells, built in Python: the header rows and every lane of every stage and step.

These run for every step of every map, and a cell holds a dozen small values; as
template code each value would be one call to `escape` (and one Markup object) and
one output of the template's generator, and each card one macro call. Here every
value from the map goes through `escaped`, the fixed markup is written once, and a
row is joined and marked safe once. grid.html.j2 keeps the table's frame (caption,
columns, lane names) and calls `stage_heads`, `step_heads`, `stage_lane` and
`step_lane` for the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

from markupsafe import Markup

from journeyctl.render.labels import Labels
from journeyctl.render.markup import EMOTION_CLASSES, ICONS, escaped, signed
from journeyctl.render.view import MetricView, MomentContent, OpportunityView, PainPointView, StageView, StepView

Number = Callable[[float], str]
"""`num`: a figure written the way the page's language writes it."""

_CURVE_START: Final = (
    '"><svg class="curve" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
    '<rect class="band" x="0" y="50" width="100" height="50"/><line class="axis" x1="0" y1="50" x2="100" y2="50"/>'
)
_EMPTY_STAGE: Final = '<td class="stage-start"></td>\n'
"""The one cell of a stage without steps, in a per-step row."""


def stage_heads(stages: Sequence[StageView], texts: Mapping[str, str], t: Labels) -> Markup:
    """The header row's cells: each stage's name, phase and findings, as wide as its steps."""
    out: list[str] = []
    for stage in stages:
        out.append(
            f'<th scope="colgroup" colspan="{stage.span}" class="stage-head" id="{escaped(stage.anchor)}">'
            f'<div class="stage-label"><span class="stage-name" dir="auto">{escaped(stage.name)}</span>'
        )
        if stage.phase:
            out.append(f'<span class="phase">{escaped(texts[f"phase.{stage.phase}"])}</span>')
        if stage.findings:
            _findings_mark(out, stage.findings, t)
        out.append("</div></th>\n")
    return Markup("".join(out))


def step_heads(stages: Sequence[StageView], texts: Mapping[str, str], t: Labels) -> Markup:
    """The second header row's cells: each step's name, milestone, personas and findings."""
    out: list[str] = []
    for stage in stages:
        if not stage.steps:
            out.append(f'<th scope="col" class="step-head stage-start muted">{escaped(texts["map.no_steps"])}</th>\n')
        for step in stage.steps:
            out.append(
                f'<th scope="col" class="step-head {escaped(step.column_class)}" id="{escaped(step.anchor)}">'
                f'<span class="step-name" dir="auto">{escaped(step.name)}</span>\n'
            )
            if step.milestone or step.personas or step.findings:
                out.append('<span class="step-meta">')
                if step.milestone:
                    milestone = escaped(texts["step.milestone"])
                    out.append(f'<span class="badge milestone">{ICONS["milestone"]}{milestone}</span>')
                for p in step.personas:
                    out.append(
                        f'<span class="chip"><a href="#{escaped(p.anchor)}" dir="auto">{escaped(p.name)}</a></span>'
                    )
                if step.findings:
                    _findings_mark(out, step.findings, t)
                out.append("</span>")
            out.append("</th>\n")
    return Markup("".join(out))


def _findings_mark(out: list[str], numbers: Sequence[int], t: Labels) -> None:
    """How many findings concern an element, linked to the first of them in the list."""
    label = escaped(t("finding.marker", count=len(numbers)))
    out.append(
        f'<a class="badge findings-mark" href="#finding-{numbers[0]}" aria-label="{label}">'
        f"{ICONS['finding']}{len(numbers)}</a>"
    )


def stage_lane(key: str, stages: Sequence[StageView], texts: Mapping[str, str], num: Number) -> Markup:
    """A lane's stage-wide row: one cell per stage, as wide as its steps."""
    out: list[str] = []
    for stage in stages:
        out.append(f'<td colspan="{stage.span}" class="stage-start"><div class="stage-wide-content">')
        _moment(out, key, stage.content, texts, num)
        out.append("</div></td>")
    return Markup("".join(out))


def step_lane(key: str, stages: Sequence[StageView], texts: Mapping[str, str], t: Labels, num: Number) -> Markup:
    """A lane's per-step row: one cell per step, and an empty one for a stage without steps."""
    out: list[str] = []
    for stage in stages:
        if not stage.steps:
            out.append(_EMPTY_STAGE)
        elif key == "emotion":
            _emotion_cells(out, stage.steps, texts)
        elif key == "touchpoints":
            _touchpoint_cells(out, stage.steps, texts, t)
        else:
            step_cell = _STEP_CELLS[key]
            for step in stage.steps:
                out.append(f'<td class="{escaped(step.column_class)}">' if step.column_class else "<td>")
                step_cell(out, key, step, texts, num)
                out.append("</td>")
    return Markup("".join(out))


def _actions(out: list[str], key: str, step: StepView, texts: Mapping[str, str], num: Number) -> None:
    if step.actions:
        out.append("<ul>")
        out.extend(f'<li dir="auto">{escaped(action)}</li>' for action in step.actions)
        out.append("</ul>")


def _thoughts(out: list[str], key: str, step: StepView, texts: Mapping[str, str], num: Number) -> None:
    if step.thoughts:
        out.append('<ul class="plain">')
        out.extend(f'<li class="thought" dir="auto">{escaped(thought)}</li>' for thought in step.thoughts)
        out.append("</ul>")


def _step_moment(out: list[str], key: str, step: StepView, texts: Mapping[str, str], num: Number) -> None:
    _moment(out, key, step.content, texts, num)


_STEP_CELLS: Final = {
    "actions": _actions,
    "thoughts": _thoughts,
    **dict.fromkeys(("description", "owners", "questions", "pain_points", "opportunities", "metrics"), _step_moment),
}


def _moment(out: list[str], key: str, content: MomentContent, texts: Mapping[str, str], num: Number) -> None:
    """What a stage or a step has in lane `key`; nothing when it has nothing there."""
    if key == "description":
        if content.description:
            out.append(f'<p dir="auto">{escaped(content.description)}</p>')
    elif key == "owners":
        if content.owner:
            out.append(f'<span class="owner">{ICONS["owner"]}<span dir="auto">{escaped(content.owner)}</span></span>')
    elif key == "questions":
        if content.questions:
            out.append('<ul class="plain">')
            question = ICONS["question"]
            out.extend(f'<li>{question} <span dir="auto">{escaped(q)}</span></li>' for q in content.questions)
            out.append("</ul>")
    elif key == "pain_points":
        _pain_cards(out, content.pain_points, texts)
    elif key == "opportunities":
        _opportunity_cards(out, content.opportunities, texts)
    elif key == "metrics":
        _metric_cards(out, content.metrics, texts, num)


def _emotion_cells(out: list[str], steps: Iterable[StepView], texts: Mapping[str, str]) -> None:
    for step in steps:
        curve = step.curve
        out.append('<td class="emotion ')
        out.append(escaped(step.column_class))
        if curve.lowest:
            out.append(" lowest")
        out.append(_CURVE_START)
        if curve.y is not None:
            if curve.line_path:
                out.append(f'<path class="line" d="{escaped(curve.line_path)}"/>')
            dot = "M50 %g h0" % curve.y  # noqa: UP031 - %g: as few digits as the value needs
            tone = EMOTION_CLASSES[curve.value] if curve.value is not None else ""
            out.append(f'<path class="dot-ring" d="{dot}"/><path class="dot {tone}" d="{dot}"/>')
        out.append('</svg>\n<span class="emotion-label">')
        value = curve.value
        if value is not None:
            out.append(
                f'<span class="swatch {EMOTION_CLASSES[value]}"></span>'
                f"<span>{escaped(texts[f'emotion.{value}'])} ({signed(value)})</span>"
            )
            if curve.lowest:
                out.append(f' <span class="badge lowest">{escaped(texts["emotion.lowest"])}</span>')
        else:
            out.append(f'<span class="muted">{escaped(texts["emotion.none"])}</span>')
        out.append("</span></td>")


def _touchpoint_cells(out: list[str], steps: Iterable[StepView], texts: Mapping[str, str], t: Labels) -> None:
    for step in steps:
        out.append(f'<td class="{escaped(step.column_class)}">' if step.column_class else "<td>")
        for tp in step.touchpoints:
            moment = " moment-of-truth" if tp.moment_of_truth else ""
            out.append(f'<div class="touchpoint{moment}" id="{escaped(tp.anchor)}">\n')
            channel = texts[f"channel.{tp.channel_id}"] if tp.builtin_channel else tp.channel_name
            out.append(f'<span class="channel">{ICONS[tp.icon]}<span dir="auto">{escaped(channel)}</span></span>\n')
            if tp.link:
                out.append(
                    f'<span dir="auto"><a href="{escaped(tp.link.href)}" rel="noopener noreferrer" target="_blank">'
                    f"{escaped(tp.name or tp.link.text)}</a></span>"
                )
            elif tp.name:
                out.append(f'<span dir="auto">{escaped(tp.name)}</span>')
            if tp.description:
                out.append(f'<span class="muted" dir="auto">{escaped(tp.description)}</span>')
            if tp.unsafe_url:
                out.append(
                    f'<span class="unsafe-url" title="{escaped(texts["touchpoint.unsafe_url"])}">'
                    f"{escaped(tp.unsafe_url)}</span>"
                )
            if tp.rating:
                low = " rating-low" if tp.rating <= 2 else ""
                out.append(
                    f'<span class="rating{low}"><span class="stars" aria-hidden="true">'
                    f"{'★' * tp.rating}{'☆' * (5 - tp.rating)}</span>"
                    f"<span>{escaped(t('touchpoint.rating', rating=tp.rating))}</span></span>"
                )
            if tp.moment_of_truth:
                out.append(
                    f'<span class="badge mot">{ICONS["moment-of-truth"]}'
                    f"{escaped(texts['touchpoint.moment_of_truth'])}</span>"
                )
            out.append("</div>")
        out.append("</td>")


def _metric_cards(out: list[str], items: Iterable[MetricView], texts: Mapping[str, str], num: Number) -> None:
    for m in items:
        status = m.status  # one of four fixed keys: class names as they are
        out.append(f'<div class="card metric {status}" id="{escaped(m.anchor)}">\n')
        out.append(f'<span class="metric-name" dir="auto">{escaped(m.name)}</span>')
        if m.unit:
            out.append(f' <span class="muted" dir="auto">({escaped(m.unit)})</span>')
        out.append(
            f'<div class="figures"><span class="badge {status}">{ICONS[status]}'
            f"{escaped(texts[f'metric.{status}'])}</span>\n"
        )
        if m.actual is not None:
            out.append(f"<span>{escaped(texts['metric.actual'])} <strong>{escaped(num(m.actual))}</strong></span>")
        if m.target is not None:
            out.append(f"<span>{escaped(texts['metric.target'])} <strong>{escaped(num(m.target))}</strong></span>")
        arrow = "↑" if m.direction == "increase" else "↓"
        out.append(f'<span class="muted">{arrow} {escaped(texts[f"direction.{m.direction}"])}</span></div>\n')
        if m.source or m.owner:
            out.append('<p class="card-foot">')
            if m.source:
                out.append(f'{escaped(texts["card.source"])} <span dir="auto">{escaped(m.source)}</span>')
            if m.source and m.owner:
                out.append(" · ")
            if m.owner:
                out.append(f'{escaped(texts["card.owner"])} <span dir="auto">{escaped(m.owner)}</span>')
            out.append("</p>")
        out.append("</div>")


def _pain_cards(out: list[str], items: Iterable[PainPointView], texts: Mapping[str, str]) -> None:
    for p in items:
        severity = escaped(p.severity)
        out.append(
            f'<div class="card pain sev-{severity}" id="{escaped(p.anchor)}">\n'
            f'<div class="card-head"><span class="badge sev-{severity}">{ICONS["pain"]}'
            f"{escaped(texts[f'severity.{p.severity}'])}</span></div>\n"
            f'<p dir="auto">{escaped(p.description)}</p>\n'
        )
        if p.source:
            out.append(
                f'<p class="card-foot">{escaped(texts["card.source"])} <span dir="auto">{escaped(p.source)}</span></p>'
            )
        out.append("</div>")


def _opportunity_cards(out: list[str], items: Iterable[OpportunityView], texts: Mapping[str, str]) -> None:
    for o in items:
        out.append(
            f'<div class="card opportunity" id="{escaped(o.anchor)}">\n'
            f'<div class="card-head"><span class="badge prio-{escaped(o.priority)}">'
            f"{escaped(texts[f'priority.{o.priority}'])}</span> "
            f'<span class="badge status status-{escaped(o.status)}">'
            f"{escaped(texts[f'status.{o.status}'])}</span></div>\n"
            f'<p dir="auto">{escaped(o.description)}</p>\n'
        )
        if o.owner or o.addresses:
            out.append('<p class="card-foot">')
            if o.owner:
                owner = escaped(o.owner)
                out.append(f'{ICONS["owner"]} {escaped(texts["card.owner"])} <span dir="auto">{owner}</span>')
            if o.addresses:
                if o.owner:
                    out.append("<br>")
                out.append(f"{escaped(texts['opportunity.addresses'])} ")
                out.append(
                    ", ".join(
                        f'<a href="#{escaped(a.anchor)}">{escaped(a.id)}</a>' if a.anchor else escaped(a.id)
                        for a in o.addresses
                    )
                )
            out.append("</p>")
        out.append("</div>")
