"""Small HTML helpers the templates call as functions.

They are plain Python rather than Jinja macros because they run for every cell of
every map: a Python call costs a fraction of a macro call. Arguments are escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from markupsafe import Markup


def escape_by_replacing(value: str, /) -> str:
    """The characters `markupsafe.escape` escapes, replaced the way it replaces them."""
    return (
        value.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


escaped: Callable[[str], str]
"""`value` escaped for HTML text or a quoted attribute, exactly as `markupsafe.escape` does.

For code that builds markup from plain strings and wraps the whole in Markup once.
Only `str` goes in: already-safe markup (icons) is joined in as it is.
"""
try:
    # markupsafe's own C routine, without the Markup object `escape` wraps it in: the
    # grid escapes thousands of values a page, and the wrapper is most of each call.
    from markupsafe._speedups import _escape_inner

    escaped = _escape_inner
except ImportError:  # markupsafe without its C extension, or with another layout
    escaped = escape_by_replacing


EMOTION_CLASSES: Final = {-2: "emo-m2", -1: "emo-m1", 0: "emo-0", 1: "emo-p1", 2: "emo-p2"}


def icon(name: str, label: str = "") -> Markup:
    """An icon from the page's sprite: decorative unless it has a label."""
    if label:
        return Markup(
            f'<svg class="icon" role="img" aria-label="{escaped(label)}" focusable="false">'
            f'<use href="#i-{escaped(name)}"/></svg>'
        )
    return ICONS.get(name) or _decorative_icon(name)


def _decorative_icon(name: str) -> Markup:
    return Markup(f'<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-{escaped(name)}"/></svg>')


def signed(value: int) -> str:
    """+2, 0 or -1 written with a real minus sign (U+2212), so that the sign always shows."""
    if value > 0:
        return f"+{value}"
    return f"\u2212{-value}" if value < 0 else "0"


def meter(percent: int) -> Markup:
    """A bar filled to `percent`, amber below 80% and red below 50%."""
    tone = "" if percent >= 80 else (" warn" if percent >= 50 else " bad")
    return Markup(
        f'<svg class="bar{tone}" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        '<rect class="track" width="100" height="4" rx="2"/>'
        f'<rect class="fill" width="{int(percent)}" height="4" rx="2"/></svg>'
    )


ICON_NAMES: Final = (
    *("website", "mobile-app", "email", "sms", "messaging", "social-media", "search", "paid-ads", "reviews", "chat"),
    *("chatbot", "phone", "store", "salesperson", "event", "print", "direct-mail", "packaging", "tv-radio"),
    *("local-listing", "digital", "physical", "human", "milestone", "moment-of-truth", "owner", "question"),
    *("on-target", "off-target", "unmeasured", "no-target", "finding", "pain", "opportunity", "metric", "action"),
    *("thought", "emotion", "description", "touchpoint"),
)
ICONS: Final = {name: _decorative_icon(name) for name in ICON_NAMES}
"""Decorative icons by name, built once: the grid looks them up for every cell."""

TEMPLATE_GLOBALS: Final = {
    "icon": icon,
    "icons": ICONS,
    "meter": meter,
    "signed": signed,
    "emotion_classes": EMOTION_CLASSES,
}
