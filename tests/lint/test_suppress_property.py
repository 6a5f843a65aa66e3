"""Whatever follows `# journeyctl:`, wherever it sits, lint reports it or applies it: it never fails."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from journeyctl.lint import Overrides, lint_run, load_config
from journeyctl.run import validate_paths

JOURNEY = """\
kind: journey
id: checkout
title: Online checkout
stages:
  - id: buy
    name: Buy
    description: "quoted # text"
    steps:
      - id: pays
        name: Pays
        touchpoints: [{channel: website, rating: 1}]
"""
LINES = JOURNEY.splitlines()

bodies = st.one_of(
    st.text(max_size=40),
    st.builds(
        "ignore[{}]{}".format,
        st.lists(st.sampled_from(["JM1", "JM102", "step-without-owner", "ALL", "nope", "", " jm403 "]), max_size=4).map(
            ",".join
        ),
        st.text(max_size=10),
    ),
)


@settings(max_examples=60, deadline=None)
@given(line=st.integers(0, len(LINES)), trailing=st.booleans(), body=bodies)
def test_any_suppression_comment_is_applied_or_reported(
    line: int, trailing: bool, body: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    comment = "# journeyctl:" + body.replace("\n", " ").replace("\r", " ")
    lines = list(LINES)
    if trailing and line < len(lines):
        lines[line] += "  " + comment
    else:
        lines.insert(line, " " * 4 + comment)
    folder = tmp_path_factory.mktemp("suppress")
    path = folder / "journey.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = validate_paths([str(path)])
    assume(not run.all_diagnostics())  # a comment that breaks the YAML is validation's to report
    config = load_config(start=folder, overrides=Overrides(select=["ALL"]))
    result = lint_run(run, config, dt.date(2026, 11, 1))
    codes = {d.code for d in result.diagnostics}
    assert "JM099" not in codes
    assert all(1 <= d.line <= len(lines) for d in result.diagnostics)
