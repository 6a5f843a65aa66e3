"""`journeyctl render` as a user runs it: exit codes, messages, where output goes, what it refuses."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from render_helpers import EXAMPLE_DIRS, EXAMPLES, HOSTILE, TODAY

from journeyctl.fsutil import MANIFEST_NAME

RETAIL = EXAMPLES / "retail-omnichannel"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_examples_render_to_one_page_each_and_an_index(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("render", EXAMPLES, "--out", out, "--today", TODAY)
    pages = sorted(path.name for path in out.glob("*.html"))
    assert len(pages) == len(EXAMPLE_DIRS) + 1
    assert "index.html" in pages
    assert f"open {out / 'index.html'}" in result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in pages:
        if page != "index.html":
            assert f'href="{page}"' in index
    assert not [path for path in out.iterdir() if path.name.endswith(".tmp")]


def test_each_index_card_shows_its_own_journeys_figures(run_cli, tmp_path: Path) -> None:
    # Each page's view is let go once the page is written and the index is drawn from
    # a small card kept per journey: the cards must still describe the right journeys.
    out = tmp_path / "site"
    run_cli("render", EXAMPLES, "--out", out, "--today", TODAY, "--lang", "en")
    index = (out / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="journey-card".*?</li>', index, flags=re.DOTALL)
    assert len(cards) == len(EXAMPLE_DIRS)
    for folder in EXAMPLE_DIRS:
        journey = yaml.safe_load((folder / "journey.yaml").read_text(encoding="utf-8"))
        card = next(card for card in cards if html.escape(journey["title"], quote=True) in card)
        steps = sum(len(stage.get("steps", [])) for stage in journey["stages"])
        assert f"<dt>Stages</dt><dd>{len(journey['stages'])}</dd>" in card
        assert f"<dt>Steps</dt><dd>{steps}</dd>" in card
        pains = [
            pain["severity"]
            for stage in journey["stages"]
            for moment in [stage, *stage.get("steps", [])]
            for pain in moment.get("pain_points", [])
        ]
        for severity in set(pains):
            assert f"{severity.capitalize()}: {pains.count(severity)}</span>" in card


def test_a_single_journey_gets_no_index(run_cli, tmp_path: Path) -> None:
    run_cli("render", RETAIL, "--out", tmp_path / "one", "--today", TODAY)
    assert [p.name for p in (tmp_path / "one").glob("*.html")] == ["retail-omnichannel-running-shoes.html"]
    assert not (tmp_path / "one" / "index.html").exists()


def test_inputs_are_never_touched(run_cli, examples_copy: Path, tmp_path: Path) -> None:
    before = tree_digest(examples_copy)
    run_cli("render", examples_copy, "--out", tmp_path / "site", "--today", TODAY)
    run_cli("render", examples_copy, "--format", "markdown", "--out", tmp_path / "md", "--today", TODAY)
    assert tree_digest(examples_copy) == before


def test_an_invalid_journey_is_reported_and_not_rendered_while_valid_ones_are(
    run_cli, examples_copy: Path, tmp_path: Path
) -> None:
    broken = examples_copy / "retail-omnichannel" / "journey.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("emotion: 2", "emotion: 7", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = run_cli("render", examples_copy, "--out", out, "--today", TODAY, exit=1)
    assert re.search(r"journey\.yaml:\d+:\d+: error JM022 emotion 7 is out of range", result.stderr)
    assert "not rendered" in result.stderr
    names = {path.name for path in out.glob("*.html")}
    assert "retail-omnichannel-running-shoes.html" not in names
    assert len(names) == len(EXAMPLE_DIRS)  # the other journeys and the index


def test_only_invalid_journeys_write_nothing(run_cli, tmp_path: Path) -> None:
    journey = tmp_path / "bad.yaml"
    journey.write_text("kind: journey\nid: bad\ntitle: Bad\nstages: []\n", encoding="utf-8")
    result = run_cli("render", journey, "--out", tmp_path / "site", exit=1)
    assert "JM022" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_missing_path_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", tmp_path / "nowhere", "--out", tmp_path / "site", exit=2)
    assert "no such file or folder" in result.stderr


def test_a_folder_without_journeys_says_so(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", tmp_path, "--out", tmp_path / "site", exit=2)
    assert "nothing to render" in result.stderr


def test_mermaid_and_markdown_go_to_stdout_without_out(run_cli) -> None:
    mermaid = run_cli("render", RETAIL, "--format", "mermaid", "--today", TODAY).stdout
    assert mermaid.startswith("journey\n")
    markdown = run_cli("render", RETAIL, "--format", "markdown", "--today", TODAY).stdout
    assert markdown.startswith("# ")
    assert "```mermaid\njourney\n" in markdown


def test_markdown_and_mermaid_with_out_write_files(run_cli, tmp_path: Path) -> None:
    run_cli("render", EXAMPLES, "--format", "markdown", "--out", tmp_path / "md", "--today", TODAY)
    run_cli("render", EXAMPLES, "--format", "mermaid", "--out", tmp_path / "mmd", "--today", TODAY)
    assert len(list((tmp_path / "md").glob("*.md"))) == len(EXAMPLE_DIRS)
    assert len(list((tmp_path / "mmd").glob("*.mmd"))) == len(EXAMPLE_DIRS)


def test_a_folder_with_other_files_is_refused_unless_forced(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("render", RETAIL, "--out", out, exit=2)
    assert "did not write (notes.txt)" in result.stderr
    assert "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    run_cli("render", RETAIL, "--out", out, "--force")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert len(list(out.glob("*.html"))) == 1


def test_a_folder_journeyctl_wrote_is_reused_without_force(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    run_cli("render", EXAMPLES, "--out", out, "--today", TODAY)
    first = tree_digest(out)
    run_cli("render", EXAMPLES, "--out", out, "--today", TODAY)
    assert tree_digest(out) == first
    assert MANIFEST_NAME in first


def test_output_over_an_input_file_is_refused_even_with_force(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    shutil.copytree(RETAIL, folder)
    journey = folder / "journey.yaml"
    clash = folder / "retail-omnichannel-running-shoes.md"
    journey.rename(clash)
    before = clash.read_bytes()
    result = run_cli("render", clash, folder / "personas", "--format", "markdown", "--out", folder, "--force", exit=2)
    assert "would overwrite an input file" in result.stderr
    assert clash.read_bytes() == before


def test_out_that_is_a_file_is_refused(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("x", encoding="utf-8")
    result = run_cli("render", RETAIL, "--out", target, exit=2)
    assert "is not a folder" in result.stderr


@pytest.mark.parametrize(
    ("lang", "label"),
    [("pt-BR", "Pontos de contato"), ("pt", "Pontos de contato"), ("ro", "Puncte de contact"), ("en", "Touchpoints")],
)
def test_lang_sets_the_labels(run_cli, tmp_path: Path, lang: str, label: str) -> None:
    out = tmp_path / lang
    run_cli("render", RETAIL, "--out", out, "--lang", lang, "--today", TODAY)
    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert label in page


def test_labels_follow_the_journeys_lang_by_default(run_cli, tmp_path: Path) -> None:
    portuguese = next(folder for folder in EXAMPLE_DIRS if folder.name.startswith("pt-br"))
    out = tmp_path / "pt"
    run_cli("render", portuguese, "--out", out, "--today", TODAY)
    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert '<html lang="pt-BR">' in page
    assert "Pontos de dor" in page


def test_an_unknown_language_falls_back_with_a_note(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", RETAIL, "--out", tmp_path / "x", "--lang", "fr", "--today", TODAY)
    assert "no labels for 'fr'" in result.stderr


def test_a_malformed_lang_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", RETAIL, "--out", tmp_path / "x", "--lang", "not a tag", exit=2)
    assert "is not a language tag" in result.stderr


def test_user_templates_override_shipped_ones_by_name(run_cli, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "i18n").mkdir(parents=True)
    (templates / "journey.mmd.j2").write_text("custom {{ j.id }}\n", encoding="utf-8")
    (templates / "i18n" / "fr.json").write_text('{"lane.touchpoints": "Points de contact"}', encoding="utf-8")
    mermaid = run_cli("render", RETAIL, "--format", "mermaid", "--templates", templates).stdout
    assert mermaid == "custom retail-omnichannel-running-shoes\n"
    out = tmp_path / "fr"
    run_cli("render", RETAIL, "--out", out, "--lang", "fr", "--templates", templates, "--today", TODAY)
    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "Points de contact" in page
    assert "Pain points" in page  # a label the catalog lacks falls back to English


def test_a_broken_user_template_is_reported_with_its_line(run_cli, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "journey.mmd.j2").write_text("journey\n{% if %}\n", encoding="utf-8")
    result = run_cli("render", RETAIL, "--format", "mermaid", "--templates", templates, exit=2)
    assert re.search(r"template .*journey\.mmd\.j2:2", result.stderr)


def test_a_misspelt_field_in_a_template_fails_instead_of_printing_nothing(run_cli, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "journey.mmd.j2").write_text("{{ j.titel }}\n", encoding="utf-8")
    result = run_cli("render", RETAIL, "--format", "mermaid", "--templates", templates, exit=2)
    assert "titel" in result.stderr


def test_hostile_text_is_escaped_in_html(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "h"
    run_cli("render", HOSTILE, "--out", out, "--today", TODAY)
    page = (out / "hostile-text.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert not re.search(r"<(img|iframe|svg onload|marquee|em|u)\b[^>]*(onerror|onload|src=x)", page)
    assert not re.search(r"\son[a-z]+\s*=", page.replace("onerror=alert", "").replace("onload=alert", ""))
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page.lower()
    for href in re.findall(r'href="([^"]*)"', page):
        assert href.startswith(("#", "https://", "http://", "mailto:", "index.html")), href
    link = re.search(r'<a href="(https://example\.com/[^"]*)"([^>]*)>', page)
    assert link is not None
    assert html.unescape(link.group(1)) == 'https://example.com/?q=<script>&x="onmouseover=alert(8)'
    assert 'rel="noopener noreferrer"' in link.group(2)
