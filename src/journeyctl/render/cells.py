"""The grid's busiest cells, built in Python: the emotion curve, touchpoints and metrics.

These run for every step of every map, and each holds a dozen small values; as
template code each value would be one escape and one output of the template's
generator, and each card one macro call. Here every value from the map still goes
through `escape`, and the fixed markup is written once. The output is the same, byte
for byte, as the template code they replace (grid.html.j2 calls them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final

from markupsafe import Markup, escape

from journeyctl.render.markup import EMOTION_CLASSES, ICONS, signed
from journeyctl.render.view import MetricView, OpportunityView, PainPointView, StepView

_CURVE_START: Final = (
    '"><svg class="curve" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
    '<rect class="band" x="0" y="50" width="100" height="50"/><line class="axis" x1="0" y1="50" x2="100" y2="50"/>'
)


def emotion_cells(steps: Iterable[StepView], texts: Mapping[str, str]) -> Markup:
    """The emotion lane's cells of a stage's steps."""
    out: list[str] = []
    for step in steps:
        curve = step.curve
        out.append('<td class="emotion ')
        out.append(escape(step.column_class))
        if curve.lowest:
            out.append(" lowest")
        out.append(_CURVE_START)
        if curve.y is not None:
            if curve.line_path:
                out.append(f'<path class="line" d="{escape(curve.line_path)}"/>')
            dot = escape("M50 %g h0" % curve.y)  # noqa: UP031 - the template's format filter, exactly
            tone = escape(EMOTION_CLASSES[curve.value]) if curve.value is not None else ""
            out.append(f'<path class="dot-ring" d="{dot}"/><path class="dot {tone}" d="{dot}"/>')
        out.append('</svg>\n<span class="emotion-label">')
        value = curve.value
        if value is not None:
            out.append(
                f'<span class="swatch {escape(EMOTION_CLASSES[value])}"></span>'
                f"<span>{escape(texts[f'emotion.{value}'])} ({escape(signed(value))})</span>"
            )
            if curve.lowest:
                out.append(f' <span class="badge lowest">{escape(texts["emotion.lowest"])}</span>')
        else:
            out.append(f'<span class="muted">{escape(texts["emotion.none"])}</span>')
        out.append("</span></td>")
    return Markup("".join(out))


def touchpoint_cells(steps: Iterable[StepView], texts: Mapping[str, str], t: Callable[..., str]) -> Markup:
    """The touchpoints lane's cells of a stage's steps."""
    out: list[str] = []
    for step in steps:
        out.append(f'<td class="{escape(step.column_class)}">' if step.column_class else "<td>")
        for tp in step.touchpoints:
            out.append(
                f'<div class="touchpoint{" moment-of-truth" if tp.moment_of_truth else ""}" id="{escape(tp.anchor)}">\n'
            )
            channel = texts[f"channel.{tp.channel_id}"] if tp.builtin_channel else tp.channel_name
            out.append(f'<span class="channel">{ICONS[tp.icon]}<span dir="auto">{escape(channel)}</span></span>\n')
            if tp.name or tp.link:
                if tp.link:
                    out.append(
                        f'<span dir="auto"><a href="{escape(tp.link.href)}" rel="noopener noreferrer" target="_blank">'
                        f"{escape(tp.name or tp.link.text)}</a></span>"
                    )
                else:
                    out.append(f'<span dir="auto">{escape(tp.name)}</span>')
            if tp.description:
                out.append(f'<span class="muted" dir="auto">{escape(tp.description)}</span>')
            if tp.unsafe_url:
                out.append(
                    f'<span class="unsafe-url" title="{escape(texts["touchpoint.unsafe_url"])}">'
                    f"{escape(tp.unsafe_url)}</span>"
                )
            if tp.rating:
                low = " rating-low" if tp.rating <= 2 else ""
                out.append(
                    f'<span class="rating{low}"><span class="stars" aria-hidden="true">'
                    f"{escape('★' * tp.rating)}{escape('☆' * (5 - tp.rating))}</span>"
                    f"<span>{escape(t('touchpoint.rating', rating=tp.rating))}</span></span>"
                )
            if tp.moment_of_truth:
                out.append(
                    f'<span class="badge mot">{ICONS["moment-of-truth"]}'
                    f"{escape(texts['touchpoint.moment_of_truth'])}</span>"
                )
            out.append("</div>")
        out.append("</td>")
    return Markup("".join(out))


def metric_cards(items: Iterable[MetricView], texts: Mapping[str, str], num: Callable[[float], str]) -> Markup:
    """A moment's metrics, each as a card."""
    out: list[str] = []
    for m in items:
        out.append(f'<div class="card metric {escape(m.status)}" id="{escape(m.anchor)}">\n')
        out.append(f'<span class="metric-name" dir="auto">{escape(m.name)}</span>')
        if m.unit:
            out.append(f' <span class="muted" dir="auto">({escape(m.unit)})</span>')
        out.append(
            f'<div class="figures"><span class="badge {escape(m.status)}">{escape(ICONS[m.status])}'
            f"{escape(texts[f'metric.{m.status}'])}</span>\n"
        )
        if m.actual is not None:
            out.append(f"<span>{escape(texts['metric.actual'])} <strong>{escape(num(m.actual))}</strong></span>")
        if m.target is not None:
            out.append(f"<span>{escape(texts['metric.target'])} <strong>{escape(num(m.target))}</strong></span>")
        arrow = "↑" if m.direction == "increase" else "↓"
        out.append(f'<span class="muted">{escape(arrow)} {escape(texts[f"direction.{m.direction}"])}</span></div>\n')
        if m.source or m.owner:
            out.append('<p class="card-foot">')
            if m.source:
                out.append(f'{escape(texts["card.source"])} <span dir="auto">{escape(m.source)}</span>')
            if m.source and m.owner:
                out.append(" · ")
            if m.owner:
                out.append(f'{escape(texts["card.owner"])} <span dir="auto">{escape(m.owner)}</span>')
            out.append("</p>")
        out.append("</div>")
    return Markup("".join(out))


def pain_cards(items: Iterable[PainPointView], texts: Mapping[str, str]) -> Markup:
    """A moment's pain points, each as a card."""
    out: list[str] = []
    for p in items:
        severity = escape(p.severity)
        out.append(
            f'<div class="card pain sev-{severity}" id="{escape(p.anchor)}">\n'
            f'<div class="card-head"><span class="badge sev-{severity}">{ICONS["pain"]}'
            f"{escape(texts[f'severity.{p.severity}'])}</span></div>\n"
            f'<p dir="auto">{escape(p.description)}</p>\n'
        )
        if p.source:
            source = escape(p.source)
            out.append(f'<p class="card-foot">{escape(texts["card.source"])} <span dir="auto">{source}</span></p>')
        out.append("</div>")
    return Markup("".join(out))


def opportunity_cards(items: Iterable[OpportunityView], texts: Mapping[str, str]) -> Markup:
    """A moment's opportunities, each as a card."""
    out: list[str] = []
    for o in items:
        out.append(
            f'<div class="card opportunity" id="{escape(o.anchor)}">\n'
            f'<div class="card-head"><span class="badge prio-{escape(o.priority)}">'
            f"{escape(texts[f'priority.{o.priority}'])}</span> "
            f'<span class="badge status status-{escape(o.status)}">{escape(texts[f"status.{o.status}"])}</span></div>\n'
            f'<p dir="auto">{escape(o.description)}</p>\n'
        )
        if o.owner or o.addresses:
            out.append('<p class="card-foot">')
            if o.owner:
                out.append(f'{ICONS["owner"]} {escape(texts["card.owner"])} <span dir="auto">{escape(o.owner)}</span>')
            if o.addresses:
                if o.owner:
                    out.append("<br>")
                out.append(f"{escape(texts['opportunity.addresses'])} ")
                out.append(
                    ", ".join(
                        f'<a href="#{escape(a.anchor)}">{escape(a.id)}</a>' if a.anchor else str(escape(a.id))
                        for a in o.addresses
                    )
                )
            out.append("</p>")
        out.append("</div>")
    return Markup("".join(out))
