"""Markdown (GitHub-flavoured): a Mermaid journey diagram, then the map as tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jinja2 import Template

from journeyctl.render import OutputFile
from journeyctl.render.context import RenderContext, file_stem
from journeyctl.render.view import JourneyView


def names(views: Sequence[JourneyView]) -> list[str]:
    taken: set[str] = set()
    return [file_stem(view.id, taken) + ".md" for view in views]


def render(views: Sequence[JourneyView], context: RenderContext) -> Iterator[OutputFile]:
    template = context.environment.get_template("journey.md.j2")  # loaded now: errors before any writing
    for lang in {view.lang for view in views}:
        context.labels_for(lang)
    return _files(views, context, template)


def _files(views: Sequence[JourneyView], context: RenderContext, template: Template) -> Iterator[OutputFile]:
    for view, name in zip(views, names(views), strict=True):
        labels = context.labels_for(view.lang)
        yield OutputFile(name, template.render(j=view, t=labels, num=labels.number, version=context.version))
