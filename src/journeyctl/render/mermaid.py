"""Mermaid: the `journey` diagram alone, for a page or a tool that draws Mermaid."""

from __future__ import annotations

from collections.abc import Sequence

from journeyctl.render import OutputFile
from journeyctl.render.context import RenderContext, file_stem
from journeyctl.render.view import JourneyView


def render(views: Sequence[JourneyView], context: RenderContext) -> list[OutputFile]:
    template = context.environment.get_template("journey.mmd.j2")
    taken: set[str] = set()
    return [
        OutputFile(file_stem(view.id, taken) + ".mmd", template.render(j=view).rstrip("\n") + "\n") for view in views
    ]
