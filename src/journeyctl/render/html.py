"""HTML: one self-contained page per journey, and an index page when a run has several.

Pages load nothing: the stylesheet is inline and allowed by its hash in a strict
Content-Security-Policy, icons are inline SVG, and there is no script at all.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from markupsafe import Markup

from journeyctl.render import OutputFile
from journeyctl.render.context import RenderContext, file_stem
from journeyctl.render.view import JourneyView

INDEX_NAME: Final = "index.html"
# Printing: an A4 landscape page with 10 mm margins is about 1047 CSS pixels wide;
# the print stylesheet gives the lane column 128px and each step 224px.
_PRINT_WIDTH: Final = 1047
_PRINT_LANE: Final = 128
_PRINT_STEP: Final = 224
PRINT_SCALES: Final = tuple(range(20, 101, 5))
PAGE_PARTS: Final = ("health", "grid", "legend")
"""Templates `<part>.html.j2` rendered for each journey and given to `map.html.j2` as `parts`."""
"""Percentages the print stylesheet can zoom the map to."""


@dataclass(frozen=True, slots=True)
class IndexEntry:
    view: JourneyView
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


def render(views: Sequence[JourneyView], context: RenderContext) -> list[OutputFile]:
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
    several = len(views) > 1
    taken = {INDEX_NAME.removesuffix(".html")} if several else set()
    outputs: list[OutputFile] = []
    entries: list[IndexEntry] = []
    for view in views:
        labels = context.labels_for(view.lang)
        name = file_stem(view.id, taken) + ".html"
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
        rendered = {part: Markup(template.render(variables)) for part, template in parts.items()}
        outputs.append(OutputFile(name, page.render(variables, parts=rendered)))
        entries.append(IndexEntry(view, name))
    if several:
        labels = context.labels_for(_common_language(views))
        index = environment.get_template("index.html.j2").render(
            entries=entries,
            t=labels,
            html_lang=labels.lang,
            sources=", ".join(view.source_file for view in views),
            **shared,
        )
        outputs.append(OutputFile(INDEX_NAME, index))
    return outputs


def _common_language(views: Sequence[JourneyView]) -> str | None:
    languages = {view.lang for view in views}
    return languages.pop() if len(languages) == 1 else None
