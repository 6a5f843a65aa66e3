"""Small HTML helpers the templates call as functions.

They are plain Python rather than Jinja macros because they run for every cell of
every map: a Python call costs a fraction of a macro call. Arguments are escaped.
"""

from __future__ import annotations

from typing import Final

from markupsafe import Markup

_ICON: Final = Markup('<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-{}"/></svg>')
_LABELLED_ICON: Final = Markup(
    '<svg class="icon" role="img" aria-label="{}" focusable="false"><use href="#i-{}"/></svg>'
)
EMOTION_CLASSES: Final = {-2: "emo-m2", -1: "emo-m1", 0: "emo-0", 1: "emo-p1", 2: "emo-p2"}


def icon(name: str, label: str = "") -> Markup:
    """An icon from the page's sprite: decorative unless it has a label."""
    if label:
        return Markup(
            '<svg class="icon" role="img" aria-label="{}" focusable="false"><use href="#i-{}"/></svg>'
        ).format(label, name)
    return Markup('<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-{}"/></svg>').format(name)


def signed(value: int) -> str:
    """+2, 0 or -1 written with a real minus sign (U+2212), so that the sign always shows."""
    if value > 0:
        return f"+{value}"
    return f"\u2212{-value}" if value < 0 else "0"


ICON_NAMES: Final = (
    *("website", "mobile-app", "email", "sms", "messaging", "social-media", "search", "paid-ads", "reviews", "chat"),
    *("chatbot", "phone", "store", "salesperson", "event", "print", "direct-mail", "packaging", "tv-radio"),
    *("local-listing", "digital", "physical", "human", "milestone", "moment-of-truth", "owner", "question"),
    *("on-target", "off-target", "unmeasured", "no-target", "finding", "pain", "opportunity", "metric", "action"),
    *("thought", "emotion", "description", "touchpoint"),
)
ICONS: Final = {name: icon(name) for name in ICON_NAMES}
"""Decorative icons by name, built once: the grid looks them up for every cell."""

TEMPLATE_GLOBALS: Final = {"icon": icon, "icons": ICONS, "signed": signed, "emotion_classes": EMOTION_CLASSES}
