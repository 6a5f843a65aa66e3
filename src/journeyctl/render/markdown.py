"""Markdown (GitHub-flavoured): a Mermaid journey diagram, then the map as tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jinja2 import Template

from journeyctl.render import OutputFile, PendingView
from journeyctl.render.context import RenderContext, file_stem


def names(journeys: Sequence[PendingView]) -> list[str]:
    taken: set[str] = set()
    return [file_stem(journey.id, taken) + ".md" for journey in journeys]


def render(journeys: Sequence[PendingView], context: RenderContext) -> Iterator[OutputFile]:
    template = context.environment.get_template("journey.md.j2")  # loaded now: errors before any writing
    for lang in {journey.lang for journey in journeys}:
        context.labels_for(lang)
    return _files(journeys, context, template)


def _files(journeys: Sequence[PendingView], context: RenderContext, template: Template) -> Iterator[OutputFile]:
    for journey, name in zip(journeys, names(journeys), strict=True):
        labels = context.labels_for(journey.lang)
        yield OutputFile(name, template.render(j=journey.build(), t=labels, num=labels.number, version=context.version))
