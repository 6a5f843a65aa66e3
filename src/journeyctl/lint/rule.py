"""What a lint rule is: stable metadata, a doc, and a check over the validated model.

A rule yields `Finding`s. It never prints, never reads configuration and never picks
its own severity: the engine turns findings into `Diagnostic`s with the severity the
configuration gives the rule.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from journeyctl.diagnostics import DOCS_URL, Severity
from journeyctl.model import Journey, Persona

Parts = tuple[str | int, ...]

CODE_PATTERN: Final = re.compile(r"^JM[1-9]\d\d$")
NAME_PATTERN: Final = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def kebab_case(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """A rule's options, written in kebab-case in the configuration."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=kebab_case, populate_by_name=True)


class NoOptions(RuleOptions):
    pass


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


@dataclass(frozen=True, slots=True)
class Finding:
    """One gap at one place: `parts` is the document path of the element concerned.

    `louder` asks the engine to raise the configured severity one level (a critical
    pain point with no opportunity is worse than a low one).
    """

    parts: Parts
    message: str
    fix: str = ""
    louder: bool = False


@dataclass(frozen=True, slots=True)
class LintContext:
    """What a rule may know beyond the model it checks."""

    today: dt.date
    owners: frozenset[str] | None
    """The configured registry of teams and people; None when none is configured."""
    used_personas: frozenset[str] = frozenset()
    """Persona ids that some journey of the run refers to."""
    run_has_journeys: bool = False


Files = Mapping[str, str]
"""File name -> YAML text: what a doc example consists of."""


@dataclass(frozen=True, slots=True)
class RuleDoc:
    why: str
    example: Files
    use_instead: Files
    config: str = ""
    """A `.journeyctl.yaml` the example needs (an owner registry, say)."""
    notes: str = ""


_EXAMPLE_HEAD: Final = "kind: journey\nid: checkout\ntitle: Online checkout\n"
_EXAMPLE_STAGE: Final = "  - id: purchase\n    name: Purchase\n"


def checkout(top: str = "", stage: str = "", stages: str | None = None) -> Files:
    """The small checkout journey the rule docs share, as `journey.yaml`.

    `top` goes under the title; `stage` goes inside its one stage, `purchase`, indented
    for it; `stages` replaces the whole list when an example needs several stages.
    """
    if stages is None:
        stages = _EXAMPLE_STAGE + textwrap.indent(stage, "    ")
    return {"journey.yaml": f"{_EXAMPLE_HEAD}{top}stages:\n{stages}"}


@dataclass(frozen=True, slots=True)
class RuleMeta:
    code: str
    name: str
    summary: str
    severity: Severity
    recommended: bool
    fix: str
    aliases: tuple[str, ...] = field(default=())
    """Earlier names of a renamed rule: still accepted wherever a rule is named."""

    @property
    def anchor(self) -> str:
        return f"{self.code.lower()}-{self.name}"

    @property
    def docs_url(self) -> str:
        return f"{DOCS_URL}rules.md#{self.anchor}"


class Rule(Generic[OptionsT]):
    """Subclasses set `meta`, `doc` and `options`, and override one of the checks."""

    meta: ClassVar[RuleMeta]
    doc: ClassVar[RuleDoc]
    options: type[OptionsT]

    def check_journey(self, journey: Journey, context: LintContext, options: OptionsT) -> Iterable[Finding]:
        return ()

    def check_persona(self, persona: Persona, context: LintContext, options: OptionsT) -> Iterable[Finding]:
        return ()

    def parse_options(self, values: Mapping[str, Any]) -> OptionsT:
        return self.options.model_validate(dict(values))

    def default_options(self) -> OptionsT:
        return self.options()


AnyRule = Rule[Any]
