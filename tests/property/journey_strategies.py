"""Hypothesis strategies for journeys the model can hold, references consistent.

Text is drawn from all of Unicode (no lone surrogates, which no file can hold) and
from strings that YAML 1.1 would have turned into something else: they must come
back as the same text.
"""

from __future__ import annotations

from typing import Any, Final

from hypothesis import strategies as st

from journeyctl.channels import CATALOG
from journeyctl.model import ID_PATTERN, PHASE_ORDER

LOOKS_TYPED: Final = (
    "No",
    "no",
    "on",
    "Off",
    "yes",
    "Y",
    "n",
    "1.10",
    "1_000",
    "0x1F",
    "0o17",
    "+1",
    ".5",
    "1e3",
    "2026-01-01",
    "2026-01-01T10:00:00Z",
    "12:30:00",
    "null",
    "Null",
    "~",
    "true",
    "False",
    ".nan",
    "-.inf",
    "<<",
    "=",
    "- item",
    "? key",
    "key: value",
    "# not a comment",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "@at",
    "`tick",
    "'",
    '"',
    "[list]",
    "{map: 1}",
    " leading space",
    "trailing space ",
    "two\nlines",
    "tab\tinside",
    "ação e promoção",
    "înregistrare",
    "日本語のテキスト",
    "🙂 emoji",
    "\u202eright-to-left override",
    "<script>alert(1)</script>",
)

# U+0085 is left out: PyYAML's emitter writes it raw inside quotes, where YAML 1.1 reads
# a line break, so no YAML 1.1 reader gets it back (journeyctl reads such a file the
# same way PyYAML and libyaml do).
any_text: Final = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x85"), min_size=1, max_size=30)
text: Final = st.one_of(st.sampled_from(LOOKS_TYPED), any_text)
optional_text: Final = st.none() | text
kebab_id: Final = st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda ident: len(ident) <= 40)
finite_number: Final = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9).map(float),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)


def without_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value is not None}


@st.composite
def unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    found: list[str] = draw(st.lists(kebab_id, min_size=count, max_size=count, unique=True))
    return found


@st.composite
def metrics(draw: st.DrawFn) -> dict[str, Any]:
    return without_none(
        {
            "name": draw(text),
            "target": draw(st.none() | finite_number),
            "actual": draw(st.none() | finite_number),
            "unit": draw(optional_text),
            "direction": draw(st.sampled_from(["increase", "decrease"])),
            "source": draw(optional_text),
            "owner": draw(st.none() | text),
        }
    )


@st.composite
def personas(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    # Demographics hold text and true/false only: a plain `34` in a file is text to
    # the loader, so an int held by the model would come back as "34".
    demographic = st.one_of(text, st.booleans(), st.none())
    return without_none(
        {
            "id": ident,
            "name": draw(text),
            "segment": draw(optional_text),
            "quote": draw(optional_text),
            "demographics": draw(st.dictionaries(text, demographic, max_size=3)),
            "goals": draw(st.lists(text, max_size=2)),
            "frustrations": draw(st.lists(text, max_size=2)),
        }
    )


@st.composite
def journeys(draw: st.DrawFn) -> dict[str, Any]:
    """A journey as the dict a file would hold, every reference resolving."""
    stage_count = draw(st.integers(1, 3))
    steps_per_stage = [draw(st.integers(0, 3)) for _ in range(stage_count)]
    ids = draw(unique_ids(stage_count + sum(steps_per_stage) + 6))
    stage_ids, ids = ids[:stage_count], ids[stage_count:]
    persona_ids = ids[:2]
    channel_ids = [f"custom-{ident}" for ident in ids[2:4]]
    pain_ids = ids[4:6]
    step_ids = ids[6:]
    channels = [
        {"id": ident, "name": draw(text), "kind": draw(st.sampled_from(["digital", "physical", "human"]))}
        for ident in channel_ids
    ]
    channel_choices = st.sampled_from([*CATALOG, *channel_ids])
    pains_left = list(pain_ids)
    stages = []
    for stage_id, step_count in zip(stage_ids, steps_per_stage, strict=True):
        steps = []
        for _ in range(step_count):
            step_id = step_ids.pop()
            with_pain: bool = bool(pains_left) and draw(st.booleans())
            pain_points: list[dict[str, Any]] = []
            if with_pain:
                pain_points.append({"id": pains_left.pop(), "description": draw(text), "severity": "high"})
            steps.append(
                without_none(
                    {
                        "id": step_id,
                        "name": draw(text),
                        "owner": draw(st.none() | text),
                        "actions": draw(st.lists(text, max_size=2)),
                        "thoughts": draw(st.lists(text, max_size=2)),
                        "emotion": draw(st.none() | st.integers(-2, 2)),
                        "milestone": draw(st.booleans()),
                        "personas": draw(st.lists(st.sampled_from(persona_ids), max_size=2, unique=True)),
                        "pain_points": pain_points,
                        "touchpoints": [
                            without_none(
                                {
                                    "channel": draw(channel_choices),
                                    "name": draw(optional_text),
                                    "url": draw(
                                        st.none()
                                        | st.sampled_from(
                                            [
                                                "https://example.com/a?b=c#d",
                                                "mailto:cx@example.com",
                                                "HTTP://EXAMPLE.COM",
                                            ]
                                        )
                                    ),
                                    "rating": draw(st.none() | st.integers(1, 5)),
                                    "moment_of_truth": draw(st.booleans()),
                                }
                            )
                            for _ in range(draw(st.integers(0, 2)))
                        ],
                    }
                )
            )
        addressed = [ident for ident in pain_ids if ident not in pains_left]
        stages.append(
            without_none(
                {
                    "id": stage_id,
                    "name": draw(text),
                    "phase": draw(st.none() | st.sampled_from(PHASE_ORDER)),
                    "description": draw(optional_text),
                    "questions": draw(st.lists(text, max_size=2)),
                    "metrics": draw(st.lists(metrics(), max_size=2)),
                    "opportunities": [
                        {
                            "id": f"fix-{stage_id}",
                            "description": draw(text),
                            "addresses": addressed,
                            "owner": draw(text),
                        }
                    ]
                    if draw(st.booleans())
                    else [],
                    "steps": steps,
                }
            )
        )
    return without_none(
        {
            "kind": "journey",
            "id": draw(kebab_id),
            "title": draw(text),
            "type": draw(st.sampled_from(["purchase", "onboarding", "support", "other"])),
            "lang": draw(st.none() | st.sampled_from(["en", "pt-BR", "ro"])),
            "description": draw(optional_text),
            "owner": draw(st.none() | text),
            "goals": draw(st.lists(text, max_size=3)),
            "personas": [draw(personas(ident)) for ident in persona_ids],
            "last_reviewed": draw(st.none() | st.dates().map(lambda day: day.isoformat())),
            "review_every_days": draw(st.none() | st.integers(1, 3650)),
            "channels": channels,
            "stages": stages,
        }
    )
