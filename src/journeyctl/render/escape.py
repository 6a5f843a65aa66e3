"""Escaping for the formats Jinja does not escape itself: Markdown and Mermaid.

HTML is escaped by Jinja's autoescaping. Markdown and Mermaid templates pass every
piece of map content through one of these filters, so that the map's text shows
exactly as written instead of turning into markup, links or diagram syntax.
"""

from __future__ import annotations

import re
from typing import Final

from journeyctl.render.view import safe_link

# Characters that start Markdown or HTML constructs inline; a backslash makes each literal.
_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|~!#])")
_ENTITY_LIKE: Final = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_BREAKS: Final = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\u0085")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCK_START: Final = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def _markdown(text: str) -> str:
    text = _CONTROL.sub("", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_inline(text: object) -> str:
    """Text for a Markdown paragraph or list item: one line, every construct made literal."""
    return _guard_block_start(_markdown(" ".join(_LINE_BREAKS.split(str(text))).strip()))


def _guard_block_start(text: str) -> str:
    """A list marker or quote at the very start would change the block: escape it (`1\\.`, `\\-`)."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    marker_end = match.end(2)
    cut = marker_end - 1 if match.group(2)[0].isdigit() else match.start(2)
    return f"{text[:cut]}\\{text[cut:]}"


def markdown_cell(text: object) -> str:
    """Text for a GitHub table cell: `|` escaped, line breaks kept as `<br>`."""
    lines = [_markdown(line.strip()) for line in _LINE_BREAKS.split(str(text))]
    return "<br>".join(line for line in lines if line) or " "


def markdown_link(text: object, url: str | None) -> str:
    """A Markdown link when `url` is http, https or mailto; the escaped text otherwise."""
    label = markdown_inline(text)
    link = safe_link(url)
    if link is None:
        return label
    target = link.href.replace("<", "%3C").replace(">", "%3E")
    return f"[{label}](<{target}>)"


# Mermaid's journey lexer: `#` starts a comment, `;` ends a statement, a line break ends
# a line, and `:` separates a task's name, score and actors. Names keep their meaning
# with the full-width look-alikes instead. `<` and `>` go the same way: Mermaid would
# read them as HTML and its sanitizer would drop the text instead of showing it.
_MERMAID_REPLACEMENTS: Final = {":": "\uff1a", "#": "\uff03", ";": "\uff1b", "<": "\uff1c", ">": "\uff1e"}
_MERMAID_KEYWORDS: Final = re.compile(r"^(?:journey|title\s|section\s|acctitle|accdescr|%%)", re.IGNORECASE)
_SPACES: Final = re.compile(r"\s+")


def mermaid_text(text: object, *, keep_colon: bool = False) -> str:
    """One line of Mermaid journey text with no character its grammar reserves.

    A task name that begins like a keyword (`title ...`, `section ...`) would be read
    as that keyword, so it is put in quotation marks.
    """
    value = _SPACES.sub(" ", _CONTROL.sub("", str(text))).strip()
    for character, replacement in _MERMAID_REPLACEMENTS.items():
        if not (keep_colon and character == ":"):
            value = value.replace(character, replacement)
    if _MERMAID_KEYWORDS.match(value):
        value = f"\u201c{value}\u201d"
    return value


def mermaid_actor(text: object) -> str:
    """An actor name: also no comma, which separates actors."""
    return mermaid_text(text).replace(",", "\uff0c")


def mermaid_score(emotion: int | None) -> int:
    """Emotion -2..2 onto Mermaid's 1..5; a step without an emotion is drawn neutral (3)."""
    return 3 if emotion is None else emotion + 3
