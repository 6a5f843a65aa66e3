"""The one place that finds the templates and creates the Jinja environment.

Shipped templates live in `templates/` at the repository root; the wheel carries them
as `journeyctl/templates`. A user folder given with `--templates` comes first, so any
shipped template (or label catalog) is overridden by a file of the same name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from journeyctl.render.cells import stage_heads, stage_lane, step_heads, step_lane
from journeyctl.render.escape import (
    markdown_cell,
    markdown_inline,
    markdown_link,
    mermaid_actor,
    mermaid_score,
    mermaid_text,
)
from journeyctl.render.findings import finding_items
from journeyctl.render.markup import TEMPLATE_GLOBALS

HTML_TEMPLATE_SUFFIX: Final = "html.j2"
"""Templates whose names end in `.html.j2` are escaped; Markdown and Mermaid ones escape with filters."""


class TemplatesMissingError(Exception):
    """The shipped templates cannot be found: a broken installation."""


def shipped_templates_dir() -> Path:
    """The shipped templates: inside the installed package, or at the root of a source checkout.

    An installed wheel has `journeyctl/templates` next to this package's modules; an
    editable or source install runs from `src/journeyctl`, two levels below the
    repository root that holds `templates/`.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent.parent / "templates"):
        if (candidate / "map.html.j2").is_file():
            return candidate
    raise TemplatesMissingError(
        f"the shipped templates are missing (looked in {package / 'templates'} and "
        f"{package.parent.parent / 'templates'}); reinstall journeyctl"
    )


def create_environment(user_templates: Path | None = None) -> Environment:
    """A Jinja environment for one run: user templates first, then the shipped ones.

    Autoescaping is decided by the real file suffix: `select_autoescape` compares the
    end of the template name, and `.html.j2` is what the HTML templates are called.
    StrictUndefined turns a misspelt field into an error instead of an empty cell.
    """
    loaders: list[FileSystemLoader] = []
    if user_templates is not None:
        loaders.append(FileSystemLoader(user_templates, encoding="utf-8"))
    loaders.append(FileSystemLoader(shipped_templates_dir(), encoding="utf-8"))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(
            enabled_extensions=(HTML_TEMPLATE_SUFFIX,), disabled_extensions=(), default_for_string=False, default=False
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.globals.update(TEMPLATE_GLOBALS)
    environment.globals.update(
        stage_heads=stage_heads,
        step_heads=step_heads,
        stage_lane=stage_lane,
        step_lane=step_lane,
        finding_items=finding_items,
    )
    environment.filters.update(
        md_inline=markdown_inline,
        md_cell=markdown_cell,
        md_link=markdown_link,
        mermaid_text=mermaid_text,
        mermaid_title=lambda text: mermaid_text(text, keep_colon=True),
        mermaid_actor=mermaid_actor,
        mermaid_score=mermaid_score,
    )
    return environment
