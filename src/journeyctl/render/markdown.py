"""Markdown (GitHub-flavoured): a Mermaid journey diagram, then the map as tables."""

from __future__ import annotations

from collections.abc import Sequence

from journeyctl.render import OutputFile
from journeyctl.render.context import RenderContext, file_stem
from journeyctl.render.view import JourneyView


def render(views: Sequence[JourneyView], context: RenderContext) -> list[OutputFile]:
    template = context.environment.get_template("journey.md.j2")
    taken: set[str] = set()
    outputs: list[OutputFile] = []
    for view in views:
        labels = context.labels_for(view.lang)
        text = template.render(j=view, t=labels, num=labels.number, version=context.version)
        outputs.append(OutputFile(file_stem(view.id, taken) + ".md", text))
    return outputs
