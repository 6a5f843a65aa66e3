"""The journey map format, version 1, as Pydantic models.

Key names are the public contract: users and other tools write them. The loader hands
over plain scalars as text, so numeric and date fields parse text here, while text
fields keep exactly what the author wrote. This module imports nothing from the rest
of the package.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag

FORMAT_VERSION = 1

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
Text = Annotated[str, StringConstraints(min_length=1)]
Owner = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")]
# Only schemes that cannot run code in a browser; anything else is rejected here and
# shown as text by the renderer.
Url = Annotated[
    str, StringConstraints(pattern=r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*|[Mm][Aa][Ii][Ll][Tt][Oo]:[^\s]+)$")
]

JourneyType = Literal["purchase", "lead-generation", "onboarding", "engagement", "retention", "support", "other"]
Phase = Literal[
    "awareness", "consideration", "decision", "purchase", "onboarding", "usage", "retention", "advocacy", "support"
]
PHASE_ORDER: tuple[Phase, ...] = get_args(Phase)
ChannelKind = Literal["digital", "physical", "human"]
PainSeverity = Literal["low", "medium", "high", "critical"]
Priority = Literal["low", "medium", "high"]
OpportunityStatus = Literal["idea", "planned", "in-progress", "done"]
Direction = Literal["increase", "decrease"]


# Pydantic inspects every default factory's signature when it builds a model; for a
# builtin such as `list` that means parsing its text signature, which made up a third
# of building these models (and so of every start-up). Plain functions are read directly.
def _no_items() -> list[Any]:
    return []


def _no_entries() -> dict[str, Any]:
    return {}


def _iso_date(value: Any) -> Any:
    """Accept `YYYY-MM-DD` only: a bare number must not pass as a timestamp."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("expected a date written as YYYY-MM-DD") from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Emotion = Annotated[int, Field(ge=-2, le=2, description="-2 very negative .. 2 very positive")]
Rating = Annotated[int, Field(ge=1, le=5, description="1..5: how well it meets the customer's expectations")]
Flag = Annotated[bool, Field(strict=True)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Scalar = Union[str, int, float, bool, None]


class _Element(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Channel(_Element):
    """A channel beyond the built-in catalog."""

    id: Id
    name: Text
    kind: ChannelKind
    description: str | None = None


class Touchpoint(_Element):
    channel: Id = Field(description="A built-in channel id or one declared in the journey's `channels`.")
    name: str | None = None
    description: str | None = None
    url: Url | None = Field(default=None, description="http, https or mailto only.")
    rating: Rating | None = None
    moment_of_truth: Flag = Field(
        default=False, description="A single interaction that decides whether the customer stays."
    )


class PainPoint(_Element):
    id: Id
    description: Text
    severity: PainSeverity = "medium"
    source: str | None = Field(default=None, description="Where the evidence comes from (tickets, interviews...).")


class Opportunity(_Element):
    id: Id
    description: Text
    addresses: list[Id] = Field(default_factory=_no_items, description="Pain point ids anywhere in this journey.")
    priority: Priority = "medium"
    owner: Owner | None = None
    status: OpportunityStatus = "idea"


class Metric(_Element):
    name: Text
    target: Number | None = None
    actual: Number | None = Field(default=None, description="The measured value, when known.")
    unit: str | None = None
    direction: Direction = Field(default="increase", description="Which way is better.")
    source: str | None = Field(default=None, description="Where the figure comes from (analytics, CRM, survey...).")
    owner: Owner | None = None


class _Moment(_Element):
    """What stages and steps share: the customer's questions, pains, opportunities, metrics."""

    id: Id
    name: Text
    owner: Owner | None = None
    description: str | None = None
    questions: list[Text] = Field(default_factory=_no_items)
    pain_points: list[PainPoint] = Field(default_factory=_no_items)
    opportunities: list[Opportunity] = Field(default_factory=_no_items)
    metrics: list[Metric] = Field(default_factory=_no_items)


class Step(_Moment):
    actions: list[Text] = Field(default_factory=_no_items)
    thoughts: list[Text] = Field(default_factory=_no_items)
    emotion: Emotion | None = None
    milestone: Flag = Field(default=False, description="A micro-conversion: sign-up, add to cart...")
    personas: list[Id] = Field(default_factory=_no_items, description="Which of the journey's personas take this step.")
    touchpoints: list[Touchpoint] = Field(default_factory=_no_items)


class Stage(_Moment):
    phase: Phase | None = None
    steps: list[Step] = Field(default_factory=_no_items)


class _PersonaFields(_Element):
    id: Id
    name: Text
    segment: str | None = None
    description: str | None = None
    quote: str | None = Field(default=None, description="Something this persona would say, in their words.")
    demographics: dict[str, Scalar] = Field(default_factory=_no_entries)
    goals: list[Text] = Field(default_factory=_no_items)
    needs: list[Text] = Field(default_factory=_no_items)
    motivations: list[Text] = Field(default_factory=_no_items)
    frustrations: list[Text] = Field(default_factory=_no_items)
    habits: list[Text] = Field(default_factory=_no_items)


class InlinePersona(_PersonaFields):
    """A persona written inside the journey that uses it."""


class Persona(_PersonaFields):
    kind: Literal["persona"]


def _persona_ref_tag(value: Any) -> str:
    return "persona-id" if isinstance(value, str) else "inline-persona"


PersonaRef = Annotated[
    Union[Annotated[Id, Tag("persona-id")], Annotated[InlinePersona, Tag("inline-persona")]],
    Discriminator(_persona_ref_tag),
]
UNION_TAGS = frozenset({"persona-id", "inline-persona"})
"""Tags Pydantic puts into error locations; they are not keys of the document."""


class Journey(_Element):
    kind: Literal["journey"]
    id: Id
    title: Text
    type: JourneyType = "purchase"
    lang: LanguageTag | None = Field(default=None, description="The language the map is written in (BCP 47).")
    description: str | None = None
    owner: Owner | None = Field(default=None, description="Accountable for the journey as a whole.")
    goals: list[Text] = Field(default_factory=_no_items)
    personas: list[PersonaRef] = Field(default_factory=_no_items)
    last_reviewed: IsoDate | None = Field(default=None, description="When the map was last validated with real data.")
    review_every_days: Annotated[int, Field(ge=1, le=3650)] | None = None
    channels: list[Channel] = Field(default_factory=_no_items)
    stages: Annotated[list[Stage], Field(min_length=1)]

    def steps(self) -> list[tuple[int, Stage, int, Step]]:
        """Every step in order, with its stage and both indexes."""
        return [
            (stage_index, stage, step_index, step)
            for stage_index, stage in enumerate(self.stages)
            for step_index, step in enumerate(stage.steps)
        ]

    def persona_ids(self) -> list[str]:
        return [ref if isinstance(ref, str) else ref.id for ref in self.personas]


MODELS: dict[str, type[Journey] | type[Persona]] = {"journey": Journey, "persona": Persona}
