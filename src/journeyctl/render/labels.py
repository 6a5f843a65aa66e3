"""Labels in the reader's language: catalogs are JSON files under the templates' `i18n/`.

The catalogs are data, loaded through the same template loader, so a `--templates`
folder can correct a label or add a language (`i18n/fr.json`) without code. A key
missing from a catalog falls back to English; the map's own text is never translated.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Final

from jinja2 import Environment, TemplateNotFound

DEFAULT_LANGUAGE: Final = "en"
_CATALOG_FOLDER: Final = "i18n"


class CatalogError(Exception):
    """A label catalog that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class Labels:
    """One language's labels, and how it writes numbers."""

    lang: str
    texts: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        """The label for `key`, with `{name}` placeholders filled in.

        An unknown key is a template bug: it raises rather than print the key.
        """
        text = self.texts[key]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self.texts

    def number(self, value: float) -> str:
        """A figure as people write it: no trailing `.0`, the language's decimal mark."""
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value).replace(".", self.texts["format.decimal"])


def available_languages(environment: Environment) -> list[str]:
    """Language tags that have a catalog, from the shipped and the user templates."""
    assert environment.loader is not None
    prefix = _CATALOG_FOLDER + "/"
    return sorted(
        name[len(prefix) : -len(".json")]
        for name in environment.loader.list_templates()
        if name.startswith(prefix) and name.endswith(".json") and name.count("/") == 1
    )


def choose_language(wanted: str | None, available: list[str]) -> str | None:
    """The catalog for a BCP 47 tag: the exact tag, else the same language, else None.

    `pt` and `pt-PT` get `pt-BR` when it is the only Portuguese catalog: labels in a
    sister variant read far better than English ones.
    """
    if not wanted:
        return None
    by_lower = {tag.lower(): tag for tag in available}
    wanted_lower = wanted.replace("_", "-").lower()
    if wanted_lower in by_lower:
        return by_lower[wanted_lower]
    language = wanted_lower.split("-")[0]
    if language in by_lower:
        return by_lower[language]
    same_language = sorted(tag for tag in available if tag.lower().split("-")[0] == language)
    return same_language[0] if same_language else None


class LabelCatalogs:
    """Loads each catalog once per run."""

    def __init__(self, environment: Environment) -> None:
        self._environment = environment
        self._loaded: dict[str, Labels] = {}
        self.available = available_languages(environment)

    def labels(self, lang: str) -> Labels:
        if lang not in self._loaded:
            texts = dict(self._read(DEFAULT_LANGUAGE))
            if lang != DEFAULT_LANGUAGE:
                texts.update(self._read(lang))
            self._loaded[lang] = Labels(lang, texts)
        return self._loaded[lang]

    def _read(self, lang: str) -> dict[str, str]:
        name = f"{_CATALOG_FOLDER}/{lang}.json"
        assert self._environment.loader is not None
        try:
            source, filename, _ = self._environment.loader.get_source(self._environment, name)
        except TemplateNotFound:
            raise CatalogError(f"no label catalog {name}") from None
        try:
            data = json.loads(source)
        except ValueError as error:
            raise CatalogError(f"{filename or name}: not valid JSON: {error}") from None
        except RecursionError:  # Python's json module recurses into nested arrays
            raise CatalogError(f"{filename or name}: not a label catalog: its JSON nests far too deep") from None
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise CatalogError(f"{filename or name}: a catalog maps label keys to text")
        return data
