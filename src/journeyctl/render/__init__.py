"""Rendering: journeys as maps people look at (HTML), and as Markdown and Mermaid for code hosts.

Output formats sit behind one registry that also drives the CLI's `--format` choices.
Each format is a module with `names(journeys) -> list[str]`, the file names it will
write (known before anything is rendered, so that the output folder can be checked
first), and `render(journeys, context)`, which yields one OutputFile at a time in that
order. Each journey's view is built when its turn comes and let go once its file is
written: a run holds one view at a time, however many maps it renders. A module is
imported only when chosen; the CLI lists the choices from journeyctl.formats.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from journeyctl.formats import RENDER_FORMATS

if TYPE_CHECKING:
    from journeyctl.render.context import RenderContext
    from journeyctl.render.view import JourneyView

FORMATS: Final = RENDER_FORMATS
"""Format name -> module (journeyctl.formats). The first is the default."""


@dataclass(frozen=True, slots=True)
class PendingView:
    """A journey to render: what file names need, now; its view, when `build` is called."""

    id: str
    lang: str | None
    build: Callable[[], JourneyView]
    """Builds the view afresh on each call; a renderer calls it once, when it renders the journey."""


@dataclass(frozen=True, slots=True)
class OutputFile:
    name: str
    """A plain file name inside the output folder."""
    text: str


class RenderFunction(Protocol):
    def __call__(self, journeys: Sequence[PendingView], context: RenderContext) -> Iterator[OutputFile]: ...


class NamesFunction(Protocol):
    def __call__(self, journeys: Sequence[PendingView]) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class Renderer:
    names: NamesFunction
    """The file names `render` yields, in order, computed without rendering."""
    render: RenderFunction


def renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name])
    return Renderer(names=module.names, render=module.render)
