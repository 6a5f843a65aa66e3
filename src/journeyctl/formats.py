"""The output formats by name, and the module that implements each.

The report and render packages look formats up here, and the CLI lists them as its
`--format` choices. This module imports nothing, so that listing the choices, which
every start does (`--version` included), loads neither package.
"""

from __future__ import annotations

from typing import Final

REPORT_FORMATS: Final[dict[str, str]] = {
    "text": "journeyctl.report.text",
    "json": "journeyctl.report.json_format",
    "github": "journeyctl.report.github",
    "sarif": "journeyctl.report.sarif",
}
"""How `validate` and `lint` report, name -> module. The first is the default."""

RENDER_FORMATS: Final[dict[str, str]] = {
    "html": "journeyctl.render.html",
    "markdown": "journeyctl.render.markdown",
    "mermaid": "journeyctl.render.mermaid",
}
"""What `render` writes, name -> module. The first is the default."""
