"""Mermaid: the `journey` diagram alone, for a page or a tool that draws Mermaid."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from journeyctl.render import OutputFile, PendingView
from journeyctl.render.context import RenderContext, file_stem


def names(journeys: Sequence[PendingView]) -> list[str]:
    taken: set[str] = set()
    return [file_stem(journey.id, taken) + ".mmd" for journey in journeys]


def render(journeys: Sequence[PendingView], context: RenderContext) -> Iterator[OutputFile]:
    template = context.environment.get_template("journey.mmd.j2")  # loaded now: errors before any writing
    pairs = zip(journeys, names(journeys), strict=True)
    return (OutputFile(name, template.render(j=journey.build()).rstrip("\n") + "\n") for journey, name in pairs)
