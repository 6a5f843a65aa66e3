"""HTML: one self-contained page per journey, and an index page when a run has several.

Pages load nothing: the stylesheet is inline and allowed by its hash in a strict
Content-Security-Policy, icons are inline SVG, and there is no script at all.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from jinja2 import Template
from markupsafe import Markup

from journeyctl.render import OutputFile, PendingView
from journeyctl.render.context import RenderContext, file_stem
from journeyctl.render.labels import Labels
from journeyctl.render.view import JourneyCard, journey_card

INDEX_NAME: Final = "index.html"
# Printing: an A4 landscape page with 10 mm margins is about 1047 CSS pixels wide;
# the print stylesheet gives the lane column 128px and each step 224px.
_PRINT_WIDTH: Final = 1047
_PRINT_LANE: Final = 128
_PRINT_STEP: Final = 224
PRINT_SCALES: Final = tuple(range(20, 101, 5))
"""Percentages the print stylesheet can zoom the map to."""
PAGE_PARTS: Final = ("health", "grid", "legend")
"""Templates `<part>.html.j2` rendered for each journey and given to `map.html.j2` as `parts`."""


@dataclass(frozen=True, slots=True)
class IndexEntry:
    card: JourneyCard
    href: str


def content_security_policy(stylesheet: str) -> str:
    """Nothing may load or run; the one inline stylesheet is allowed by its SHA-256."""
    digest = base64.b64encode(hashlib.sha256(stylesheet.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def print_scale(step_columns: int) -> int:
    """The zoom (a percentage of PRINT_SCALES) that fits the grid on a landscape page."""
    width = _PRINT_LANE + _PRINT_STEP * max(1, step_columns)
    percent = math.floor(100 * _PRINT_WIDTH / width / 5) * 5
    return max(PRINT_SCALES[0], min(PRINT_SCALES[-1], percent))


def names(journeys: Sequence[PendingView]) -> list[str]:
    """One page per journey, then the index when there are several."""
    several = len(journeys) > 1
    taken = {INDEX_NAME.removesuffix(".html")} if several else set()
    pages = [file_stem(journey.id, taken) + ".html" for journey in journeys]
    return [*pages, INDEX_NAME] if several else pages


def render(journeys: Sequence[PendingView], context: RenderContext) -> Iterator[OutputFile]:
    """Each page as soon as it is rendered, and the index last.

    Templates and label catalogs are loaded here, before the first page is asked for,
    so that a broken one is reported before the output folder is touched.
    """
    environment = context.environment
    stylesheet = environment.get_template("style.css.j2").render(print_scales=PRINT_SCALES)
    shared = {
        "stylesheet": Markup(stylesheet),  # our own CSS; it holds no map content
        "csp": content_security_policy(stylesheet),
        "version": context.version,
    }
    # The icon sprite holds no map content: render it once. The page's parts are
    # rendered as whole strings: an {% include %} would pass each of the grid's
    # thousands of fragments through the page template one by one.
    shared["sprite"] = Markup(environment.get_template("icons.html.j2").render())
    page = environment.get_template("map.html.j2")
    parts = {name: environment.get_template(f"{name}.html.j2") for name in PAGE_PARTS}
    for lang in {journey.lang for journey in journeys}:
        context.labels_for(lang)
    index = environment.get_template("index.html.j2") if len(journeys) > 1 else None
    index_labels = context.labels_for(_common_language(journeys))
    return _pages(journeys, context, page, parts, index=index, index_labels=index_labels, shared=shared)


def _pages(
    journeys: Sequence[PendingView],
    context: RenderContext,
    page: Template,
    parts: dict[str, Template],
    *,
    index: Template | None,
    index_labels: Labels,
    shared: Mapping[str, object],
) -> Iterator[OutputFile]:
    several = index is not None
    entries: list[IndexEntry] = []
    sources: list[str] = []
    for journey, name in zip(journeys, names(journeys), strict=False):  # the index name comes last
        view = journey.build()
        labels = context.labels_for(view.lang)
        variables = {
            "j": view,
            "t": labels,
            "L": labels.texts,
            "num": labels.number,
            "html_lang": view.lang or labels.lang,
            "index_href": INDEX_NAME if several else None,
            "print_scale": print_scale(sum(stage.span for stage in view.stages)),
            **shared,
        }
        # No local name holds the page or its parts: they are freed once written.
        yield OutputFile(
            name, page.render(variables, parts={part: Markup(t.render(variables)) for part, t in parts.items()})
        )
        entries.append(IndexEntry(journey_card(view), name))
        sources.append(view.source_file)
        del view, variables  # only the card is kept for the index
    if index is not None:
        text = index.render(
            entries=entries,
            t=index_labels,
            L=index_labels.texts,
            html_lang=index_labels.lang,
            sources=", ".join(sources),
            **shared,
        )
        yield OutputFile(INDEX_NAME, text)


def _common_language(journeys: Sequence[PendingView]) -> str | None:
    languages = {journey.lang for journey in journeys}
    return languages.pop() if len(languages) == 1 else None
