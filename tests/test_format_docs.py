"""docs/format.md documents every key of the format and every validation code."""

from __future__ import annotations

import re

from pydantic import BaseModel

from journeyctl.channels import CATALOG
from journeyctl.diagnostics import CHECKS
from journeyctl.model import Channel, Journey, Metric, Opportunity, PainPoint, Persona, Stage, Step, Touchpoint

from conftest import REPO

FORMAT_DOC = (REPO / "docs" / "format.md").read_text(encoding="utf-8")


def documented_keys() -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", FORMAT_DOC, re.MULTILINE))


def test_every_key_of_every_model_is_documented() -> None:
    models: list[type[BaseModel]] = [Journey, Stage, Step, Touchpoint, PainPoint, Opportunity, Metric, Channel, Persona]
    missing = {f"{model.__name__}.{key}" for model in models for key in model.model_fields} - {
        f"{model.__name__}.{key}" for model in models for key in documented_keys()
    }
    assert not missing


def test_every_validation_code_has_its_section() -> None:
    for check in CHECKS.values():
        assert f"### {check.code} {check.name}\n" in FORMAT_DOC
        # The docs URL each diagnostic carries points at that section's anchor.
        assert check.docs_url.endswith(f"format.md#{check.code.lower()}-{check.name}")


def test_every_builtin_channel_is_documented() -> None:
    for channel in CATALOG.values():
        assert f"| `{channel.id}` | {channel.kind} |" in FORMAT_DOC
