"""What every format shares in one run: the Jinja environment, the labels, the version."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from jinja2 import Environment

from journeyctl.render.environment import create_environment
from journeyctl.render.labels import DEFAULT_LANGUAGE, LabelCatalogs, Labels, choose_language

_FILE_NAME_SAFE: Final = re.compile(r"[^a-z0-9-]+")


@dataclass(slots=True)
class RenderContext:
    environment: Environment
    catalogs: LabelCatalogs
    version: str
    forced_lang: str | None = None
    """The catalog chosen with `--lang`; None lets each journey's `lang` decide."""
    _names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, *, version: str, lang: str | None = None, templates: Path | None = None) -> RenderContext:
        environment = create_environment(templates)
        catalogs = LabelCatalogs(environment)
        forced = choose_language(lang, catalogs.available) if lang else None
        return cls(environment, catalogs, version, forced)

    def labels_for(self, journey_lang: str | None) -> Labels:
        """`--lang` first, then the journey's own language, else English."""
        chosen = self.forced_lang or choose_language(journey_lang, self.catalogs.available) or DEFAULT_LANGUAGE
        return self.catalogs.labels(chosen)


def file_stem(journey_id: str, taken: set[str]) -> str:
    """A file name stem for a journey: its id (kebab-case, so already safe), unique in the run.

    Journey ids are unique across a run; the suffix only guards names the renderer
    itself uses, such as `index`.
    """
    stem = _FILE_NAME_SAFE.sub("-", journey_id.lower()).strip("-") or "journey"
    candidate, number = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
