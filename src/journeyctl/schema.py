"""The JSON Schema of the format, for editors and other tools."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from journeyctl.model import FORMAT_VERSION, Journey, Persona

SCHEMA_ID = "https://github.com/journeyctl/journeyctl/raw/main/schema/journeyctl.schema.json"


def json_schema() -> dict[str, Any]:
    """One schema for both kinds of file, told apart by `kind`."""
    _, top = models_json_schema([(Journey, "validation"), (Persona, "validation")], ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"journeyctl map, format version {FORMAT_VERSION}",
        "description": "A customer journey (kind: journey) or a persona (kind: persona).",
        "oneOf": [{"$ref": "#/$defs/Journey"}, {"$ref": "#/$defs/Persona"}],
        "$defs": top["$defs"],
    }
