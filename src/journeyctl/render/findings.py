"""The page's list of lint findings, built in Python.

A map can carry hundreds of findings and each item holds a dozen values and labels;
as a template loop, each would be one call into the template, one escape and one
Markup object. Every value is escaped with `escaped`, and the list is marked safe
once. map.html.j2 places it (`finding_items`) inside its findings section.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from journeyctl.render.labels import Labels
from journeyctl.render.markup import escaped
from journeyctl.render.view import Finding


def finding_items(findings: Iterable[Finding], t: Labels) -> Markup:
    """One `<li>` per finding, a line apart: severity, code, name, message, what it is about, fix, docs."""
    items: list[str] = []
    about = escaped(t("finding.about"))
    docs = escaped(t("finding.docs"))
    for f in findings:
        severity = escaped(f.severity)
        out = [
            f'    <li class="finding {severity}" id="{escaped(f.anchor)}">\n'
            f'      <span class="badge {severity}">{escaped(t(f"finding.{f.severity}"))}</span> '
            f'<strong>{escaped(f.code)}</strong> <span class="muted">{escaped(f.name)}</span>\n'
            f"      <p>{escaped(f.message)}</p>\n"
            f'      <p class="fix">{about} <a href="#{escaped(f.target_anchor)}" dir="auto">'
            f"{escaped(f.target_name)}</a>"
        ]
        if f.line:
            out.append(f" · {escaped(t('finding.line', line=f.line))}")
        if f.fix:
            out.append(f" · {escaped(t('finding.fix', fix=f.fix))}")
        if f.docs_url:
            out.append(f' · <a href="{escaped(f.docs_url)}" rel="noopener noreferrer">{docs}</a>')
        out.append("</p>\n    </li>")
        items.append("".join(out))
    return Markup("\n".join(items))
