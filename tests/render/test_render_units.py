"""The pieces behind the render command: view model figures, labels, escaping, the Jinja environment."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment
from markupsafe import escape
from render_helpers import REPO

from journeyctl.channels import CATALOG
from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.model import Journey, Metric
from journeyctl.render.context import file_stem
from journeyctl.render.environment import create_environment, shipped_templates_dir
from journeyctl.render.escape import (
    markdown_cell,
    markdown_inline,
    markdown_link,
    mermaid_actor,
    mermaid_score,
    mermaid_text,
)
from journeyctl.render.html import content_security_policy, print_scale
from journeyctl.render.labels import LabelCatalogs, Labels, choose_language
from journeyctl.render.markup import ICON_NAMES, escape_by_replacing, escaped, icon
from journeyctl.render.view import JourneyCard, build_view, curve_cells, metric_status, safe_link

TODAY = dt.date(2026, 11, 23)


def journey(**changes: Any) -> Journey:
    data: dict[str, Any] = {
        "kind": "journey",
        "id": "j",
        "title": "J",
        "owner": "cx",
        "stages": [
            {
                "id": "s1",
                "name": "One",
                "owner": "a",
                "metrics": [{"name": "m", "target": 1, "actual": 2}],
                "steps": [
                    {"id": "a", "name": "A", "emotion": 1, "owner": "x", "actions": ["do"]},
                    {"id": "b", "name": "B", "emotion": -2, "pain_points": [{"id": "p", "description": "d"}]},
                    {"id": "c", "name": "C"},
                ],
            },
            {"id": "s2", "name": "Two", "steps": [{"id": "d", "name": "D", "emotion": -2}]},
        ],
    }
    data.update(changes)
    return Journey.model_validate(data)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x", "http://", "//x"],
)
def test_only_http_https_and_mailto_become_links(url: str) -> None:
    assert safe_link(url) is None


@pytest.mark.parametrize("url", ["https://example.com/a?b=1", "HTTP://EXAMPLE.COM", "mailto:care@example.com"])
def test_safe_urls_are_linked(url: str) -> None:
    link = safe_link(url)
    assert link is not None
    assert link.href == url


@pytest.mark.parametrize(
    ("direction", "target", "actual", "status"),
    [
        ("increase", 10, 12, "on-target"),
        ("increase", 10, 9, "off-target"),
        ("decrease", 10, 9, "on-target"),
        ("decrease", 10, 12, "off-target"),
        ("increase", 10, None, "unmeasured"),
        ("increase", None, 5, "no-target"),
    ],
)
def test_metric_status_follows_the_direction(direction: str, target: float, actual: float, status: str) -> None:
    metric = Metric.model_validate({"name": "m", "target": target, "actual": actual, "direction": direction})
    assert metric_status(metric) == status


def test_the_curve_breaks_where_an_emotion_is_missing_and_marks_the_lowest() -> None:
    cells = curve_cells([2, -2, None, -2])
    assert cells[0].left_y is None
    assert cells[0].right_y == pytest.approx((10 + 90) / 2)
    assert cells[1].right_y is None
    assert cells[2].y is None
    assert cells[3].left_y is None
    assert [cell.lowest for cell in cells] == [False, True, False, True]
    assert not any(cell.lowest for cell in curve_cells([0, 1, 2]))


def test_health_figures_count_stages_and_steps() -> None:
    view = build_view(journey(), source_file="j.yaml", personas={}, today=TODAY)
    health = view.health
    assert (health.owners.covered, health.owners.total) == (2, 6)
    assert (health.metrics.covered, health.metrics.total) == (1, 6)
    assert (health.positive_emotion.covered, health.positive_emotion.total) == (1, 4)
    assert health.steps_without_emotion == 1
    assert (health.metrics_on_target.covered, health.metrics_on_target.total) == (1, 1)
    assert dict(health.pains_by_severity)["medium"] == 1
    assert [step.id for step in health.lowest_steps] == ["b", "d"]


def test_empty_lanes_are_left_out() -> None:
    view = build_view(journey(), source_file="j.yaml", personas={}, today=TODAY)
    lanes = {lane.key: (lane.stage_row, lane.step_row) for lane in view.lanes}
    assert "thoughts" not in lanes
    assert "touchpoints" not in lanes
    assert lanes["actions"] == (False, True)
    assert lanes["metrics"] == (True, False)
    assert lanes["owners"] == (True, True)


def test_review_is_overdue_after_its_interval() -> None:
    view = build_view(
        journey(last_reviewed="2026-10-01", review_every_days=30), source_file="j.yaml", personas={}, today=TODAY
    )
    assert view.review.due == dt.date(2026, 10, 31)
    assert view.review.overdue_days == 23


def test_findings_link_to_the_closest_element_they_name() -> None:
    def finding(path: str) -> Diagnostic:
        return Diagnostic("JM102", "step-without-owner", Severity.WARNING, "m", "j.yaml", path=path, line=3)

    view = build_view(
        journey(),
        source_file="j.yaml",
        personas={},
        today=TODAY,
        diagnostics=[
            finding("stages[0].steps[2]"),
            finding("stages[0].steps[1].pain_points[0].severity"),
            finding("stages[9]"),
        ],
        lint_available=True,
    )
    targets = [f.target_anchor for f in view.health.findings]
    assert targets == ["step-c", "pain-p", "journey"]
    step_c = view.stages[0].steps[2]
    assert step_c.findings == (1,)


def test_findings_about_touchpoints_and_metrics_link_to_their_cards() -> None:
    stages = [
        {
            "id": "s",
            "name": "S",
            "metrics": [{"name": "nps"}],
            "steps": [
                {"id": "a", "name": "A"},
                {
                    "id": "b",
                    "name": "B",
                    "touchpoints": [{"channel": "email"}, {"channel": "website"}],
                    "metrics": [{"name": "m1"}, {"name": "m2"}],
                },
            ],
        }
    ]
    paths = ["stages[0].metrics[0].target", "stages[0].steps[1].touchpoints[1].url", "stages[0].steps[1].metrics[1]"]
    view = build_view(
        journey(stages=stages),
        source_file="j.yaml",
        personas={},
        today=TODAY,
        diagnostics=[
            Diagnostic("JM201", "x", Severity.INFO, "m", "j.yaml", path=path, line=i) for i, path in enumerate(paths)
        ],
        lint_available=True,
    )
    stage = view.stages[0]
    step = stage.steps[1]
    drawn = [stage.content.metrics[0].anchor, step.touchpoints[1].anchor, step.content.metrics[1].anchor]
    assert [f.target_anchor for f in view.health.findings] == drawn
    assert [f.target_name for f in view.health.findings] == ["nps", "website", "m2"]
    assert len(set(drawn)) == 3


def test_catalogs_translate_every_english_label() -> None:
    folder = shipped_templates_dir() / "i18n"
    english = set(json.loads((folder / "en.json").read_text(encoding="utf-8")))
    for catalog in folder.glob("*.json"):
        keys = set(json.loads(catalog.read_text(encoding="utf-8")))
        assert keys == english, f"{catalog.name}: missing {sorted(english - keys)}, extra {sorted(keys - english)}"


@pytest.mark.parametrize(
    ("wanted", "chosen"),
    [("pt-BR", "pt-BR"), ("pt-br", "pt-BR"), ("pt", "pt-BR"), ("pt-PT", "pt-BR"), ("ro-RO", "ro"), ("fr", None)],
)
def test_language_tags_fall_back_sensibly(wanted: str, chosen: str | None) -> None:
    assert choose_language(wanted, ["en", "pt-BR", "ro"]) == chosen


def test_numbers_use_the_languages_decimal_mark() -> None:
    catalogs = LabelCatalogs(create_environment())
    assert catalogs.labels("pt-BR").number(4.5) == "4,5"
    assert catalogs.labels("en").number(4.5) == "4.5"
    assert catalogs.labels("ro").number(22000.0) == "22000"


def test_labels_fill_placeholders() -> None:
    labels = Labels("en", {"review.overdue": "overdue by {days} days"})
    assert labels("review.overdue", days=3) == "overdue by 3 days"
    with pytest.raises(KeyError):
        labels("no.such.key")


def test_autoescape_is_decided_by_the_real_template_suffixes(tmp_path: Path) -> None:
    for name in ("probe.html.j2", "probe.md.j2", "probe.mmd.j2"):
        (tmp_path / name).write_text("{{ x }}", encoding="utf-8")
    environment = create_environment(tmp_path)
    hostile = "<script>alert(1)</script>"
    assert environment.get_template("probe.html.j2").render(x=hostile) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert environment.get_template("probe.md.j2").render(x=hostile) == hostile  # escaped by md_* filters instead
    assert environment.get_template("probe.mmd.j2").render(x=hostile) == hostile
    assert environment.from_string("{{ x }}").render(x="<b>") == "<b>"


def test_the_names_html_templates_see_are_documented() -> None:
    # Everything journeyctl adds to Jinja's own globals is in docs/rendering.md's
    # table, and the table names nothing that does not exist.
    ours = set(create_environment().globals) - set(Environment().globals)
    section = (REPO / "docs" / "rendering.md").read_text(encoding="utf-8").split("## Custom templates")[1]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    documented = {name for row in rows for name in re.findall(r"`(\w+)[(\[]", row.split(" | ")[0])}
    variables = {"t", "L", "num"}  # given to each page by journeyctl.render.html
    assert documented - variables == ours


def test_the_index_cards_fields_are_documented() -> None:
    text = (REPO / "docs" / "rendering.md").read_text(encoding="utf-8")
    paragraph = text.split("`index.html.j2` sees `entries`")[1].split("\n\n")[0]
    listed = paragraph.split("the\njourney's ")[1].split(". The index")[0]
    without_asides = re.sub(r"\([^)]*\)", "", listed)
    assert re.findall(r"`(\w+)`", without_asides) == list(JourneyCard._fields)


def test_every_shipped_template_compiles() -> None:
    environment = create_environment()
    for name in environment.list_templates(extensions=["j2"]):
        environment.get_template(name)


def test_the_templates_are_found_at_the_repository_root_in_a_checkout() -> None:
    assert shipped_templates_dir() == REPO / "templates"


def test_the_csp_hash_is_the_stylesheets() -> None:
    policy = content_security_policy("body{}")
    assert "default-src 'none'" in policy
    assert "'sha256-" in policy
    assert policy != content_security_policy("body{ }")
    assert "script-src" not in policy


@pytest.mark.parametrize(("columns", "scale"), [(1, 100), (4, 100), (10, 40), (60, 20)])
def test_print_scale_fits_the_grid_on_a_landscape_page(columns: int, scale: int) -> None:
    assert print_scale(columns) == scale


def test_markdown_escaping() -> None:
    assert markdown_cell("a | b\nc") == "a \\| b<br>c"
    assert markdown_inline("1. not a list") == "1\\. not a list"
    assert markdown_inline("- not a list") == "\\- not a list"
    assert markdown_inline("<b>x</b> &amp;") == "\\<b\\>x\\</b\\> &amp;amp;"
    assert markdown_link("x", "javascript:alert(1)") == "x"
    assert markdown_link("x", "https://e.com/<a>") == "[x](<https://e.com/%3Ca%3E>)"


@pytest.mark.parametrize(("emotion", "score"), [(-2, 1), (-1, 2), (0, 3), (1, 4), (2, 5), (None, 3)])
def test_emotion_maps_onto_mermaid_scores(emotion: int | None, score: int) -> None:
    assert mermaid_score(emotion) == score


def test_templates_folder_path_is_what_the_wheel_ships() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"templates" = "journeyctl/templates"' in pyproject
    assert Path(shipped_templates_dir(), "map.html.j2").is_file()


@given(st.text(alphabet=st.sampled_from("<>&\"'a é\u2028;#") | st.characters()))
def test_the_grid_escapes_exactly_as_jinja_does(text: str) -> None:
    # The grid's cells escape with `escaped`; Jinja's autoescaping with markupsafe.escape.
    assert escaped(text) == escape_by_replacing(text) == str(escape(text))


def test_labelled_icons_escape_their_label_and_name() -> None:
    assert str(icon('x"><b>', label="<i>")) == (
        '<svg class="icon" role="img" aria-label="&lt;i&gt;" focusable="false">'
        '<use href="#i-x&#34;&gt;&lt;b&gt;"/></svg>'
    )
    assert str(icon("owner")) == '<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-owner"/></svg>'


@given(st.text())
def test_mermaid_text_never_holds_a_character_the_grammar_reserves(text: str) -> None:
    for value in (mermaid_text(text), mermaid_actor(text)):
        assert not any(character in value for character in ":#;\n\r<>")
        assert value == value.strip()
    assert "," not in mermaid_actor(text)


@given(st.text())
def test_markdown_cells_never_break_the_table(text: str) -> None:
    cell = markdown_cell(text)
    assert "\n" not in cell
    assert "\r" not in cell
    assert re.search(r"(?<!\\)\|", cell.replace("\\\\", "")) is None


def test_file_names_avoid_the_index_page() -> None:
    taken = {"index"}
    assert file_stem("index", taken) == "index-2"
    assert file_stem("index", taken) == "index-3"
    assert file_stem("checkout", taken) == "checkout"


def test_a_finding_about_a_persona_links_to_its_card() -> None:
    finding = Diagnostic("JM501", "persona-without-needs", Severity.INFO, "m", "j.yaml", path="personas[0].needs")
    view = build_view(
        journey(personas=[{"id": "ana", "name": "Ana"}]),
        source_file="j.yaml",
        personas={},
        today=TODAY,
        diagnostics=[finding],
        lint_available=True,
    )
    assert [(f.target_anchor, f.target_name) for f in view.health.findings] == [("persona-ana", "Ana")]


def test_every_icon_the_page_can_ask_for_is_drawn() -> None:
    sprite = (shipped_templates_dir() / "icons.html.j2").read_text(encoding="utf-8")
    drawn = set(re.findall(r'<symbol id="i-([a-z-]+)"', sprite))
    assert set(ICON_NAMES) == drawn
    assert set(CATALOG) | {"digital", "physical", "human"} <= drawn
