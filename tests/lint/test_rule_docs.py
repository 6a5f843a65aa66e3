"""The rules reference is generated, current, and its examples do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_harness import lint_folder

from journeyctl.lint import RULES
from journeyctl.lint.config import PRESETS, load_preset
from journeyctl.lint.docs import rules_document
from journeyctl.lint.rule import AnyRule

from conftest import REPO

RULES_MD = REPO / "docs" / "rules.md"


def test_rules_md_is_current() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_document(), (
        "docs/rules.md is stale: run `python -m journeyctl.lint.docs > docs/rules.md`"
    )


def test_every_rule_has_its_section_and_anchor() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"\n## {rule.meta.code} {rule.meta.name}\n" in text
        assert f"(#{rule.meta.anchor})" in text
        for section in ("### Why is this bad?", "### Example", "### Use instead", "### Options"):
            assert section in rule_section(text, rule)


def rule_section(text: str, rule: AnyRule) -> str:
    start = text.index(f"## {rule.meta.code} ")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_doc_example_triggers_the_rule_and_use_instead_does_not(tmp_path: Path, rule: AnyRule) -> None:
    code = rule.meta.code
    # Suppression rules report on suppressions of other rules: those run too.
    select = [code, "JM1"] if code.startswith("JM9") else [code]
    example, _ = lint_folder(tmp_path / "example", rule.doc.example, select=select, config=rule.doc.config)
    assert code in {d.code for d in example}
    assert not [d for d in example if d.code < "JM100"], "the example must validate"
    instead, _ = lint_folder(tmp_path / "instead", rule.doc.use_instead, select=select, config=rule.doc.config)
    assert [d for d in instead if d.code == code] == []
    assert not [d for d in instead if d.code < "JM100"], "the 'use instead' must validate"


@pytest.mark.parametrize("preset", PRESETS)
def test_presets_list_every_rule(preset: str) -> None:
    assert list(load_preset(preset)) == list(RULES)


def test_recommended_preset_agrees_with_the_rules_metadata() -> None:
    recommended = load_preset("recommended")
    for code, rule in RULES.items():
        expected = rule.meta.severity if rule.meta.recommended else None
        assert recommended[code] == expected, code


def test_strict_preset_enables_every_rule() -> None:
    assert all(level is not None for level in load_preset("strict").values())
