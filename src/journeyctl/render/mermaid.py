"""Mermaid: the `journey` diagram alone, for a page or a tool that draws Mermaid."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from journeyctl.render import OutputFile
from journeyctl.render.context import RenderContext, file_stem
from journeyctl.render.view import JourneyView


def names(views: Sequence[JourneyView]) -> list[str]:
    taken: set[str] = set()
    return [file_stem(view.id, taken) + ".mmd" for view in views]


def render(views: Sequence[JourneyView], context: RenderContext) -> Iterator[OutputFile]:
    template = context.environment.get_template("journey.mmd.j2")  # loaded now: errors before any writing
    pairs = zip(views, names(views), strict=True)
    return (OutputFile(name, template.render(j=view).rstrip("\n") + "\n") for view, name in pairs)
