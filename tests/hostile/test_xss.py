"""Rendered HTML is inert whatever a journey says.

A corpus of XSS payloads is written into every text field a journey and a persona
file can hold (and into every URL the model accepts); the rendered pages are checked
statically and then opened in a real headless Chromium, where nothing may run, no
request may leave, and no element may carry an event handler.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final

import pytest
import yaml

from journeyctl import __version__
from journeyctl.render.command import RenderRequest, run_render

# Every payload that could run sets this flag, calls alert() or logs to the console.
FLAG: Final = "__journeyctl_pwned"
ECHO: Final = "http://127.0.0.1:9/"
"""Where payloads send requests: the discard port on this machine, never reached."""

PAYLOADS: Final = (
    f"<script>window.{FLAG}=1;alert(1)</script>",
    f'<img src=x onerror="window.{FLAG}=1;alert(2)">',
    f'<svg onload="window.{FLAG}=1"><circle r=1 /></svg>',
    f"<svg><script>window.{FLAG}=1</script></svg>",
    f'"><script>window.{FLAG}=1</script>',
    f"'><img src=x onerror=window.{FLAG}=1>",
    f"</title><script>window.{FLAG}=1</script>",
    f"</style><script>window.{FLAG}=1</script>",
    f"</textarea><script>window.{FLAG}=1</script>",
    f"</style><style>body{{background:url({ECHO}css)}}</style>",
    f"<style>@import '{ECHO}import.css';</style>",
    f"<link rel=stylesheet href={ECHO}link.css>",
    f'<a href="javascript:window.{FLAG}=1">click</a>',
    f"javascript:window.{FLAG}=1",
    f'<iframe src="data:text/html,<script>parent.{FLAG}=1</script>"></iframe>',
    f'<iframe srcdoc="<script>parent.{FLAG}=1</script>"></iframe>',
    f'<meta http-equiv=refresh content="0;url={ECHO}refresh">',
    f'<object data="{ECHO}object"></object>',
    f'<base href="{ECHO}">',
    f"<form action={ECHO}form><button>go</button></form>",
    f'<details open ontoggle="window.{FLAG}=1">x</details>',
    f'<body onload="window.{FLAG}=1">',
    f'<input autofocus onfocus="window.{FLAG}=1">',
    f"{{{{ 7*7 }}}} {{% raw %}} ${{window.{FLAG}=1}}",
    f"&lt;script&gt;window.{FLAG}=1&lt;/script&gt;",
    f"\u202e<script>window.{FLAG}=1</script>\u202c \uff1cscript\uff1e",
    f"<scr<script>ipt>window.{FLAG}=1</scr</script>ipt>",
    f'<math><mtext><table><mglyph><style><img src=x onerror="window.{FLAG}=1">',
    f"[link](javascript:window.{FLAG}=1) ![img]({ECHO}md.png)",
    f'<img src="{ECHO}img.png">',
    f'<video><source onerror="window.{FLAG}=1"></video>',
    f'<x style="background:url({ECHO}style)">styled</x>',
)

# URLs the model accepts (http, https, mailto with no whitespace) that try to break out
# of an attribute.
URL_PAYLOADS: Final = (
    f'https://example.com/"onmouseover="window.{FLAG}=1',
    f"https://example.com/'><script>window.{FLAG}=1</script>",
    f"HTTPS://example.com/?q=<svg/onload=window.{FLAG}=1>",
    f'mailto:cx@example.com?subject="><img/src=x/onerror=window.{FLAG}=1>',
    "https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
)


def hostile_journey(payload: str, url: str, index: int) -> dict[str, Any]:
    """A journey with `payload` in every text field (owners hold its first 200 characters)."""
    owner = payload[:200]
    text_list = [payload, payload]
    pain = {"id": "pain", "description": payload, "severity": "critical", "source": payload}
    opportunity = {"id": "fix", "description": payload, "addresses": ["pain"], "owner": owner}
    metric = {"name": payload, "target": 1, "actual": 2, "unit": payload, "source": payload, "owner": owner}
    return {
        "kind": "journey",
        "id": f"xss-{index}",
        "title": payload,
        "description": payload,
        "owner": owner,
        "goals": text_list,
        "personas": [
            "xss-persona",
            {
                "id": "inline",
                "name": payload,
                "segment": payload,
                "description": payload,
                "quote": payload,
                "demographics": {payload: payload, "age": payload},
                "goals": text_list,
                "needs": text_list,
                "motivations": text_list,
                "frustrations": text_list,
                "habits": text_list,
            },
        ],
        "last_reviewed": "2026-11-01",
        "review_every_days": 90,
        "channels": [{"id": "custom-channel", "name": payload, "kind": "digital", "description": payload}],
        "stages": [
            {
                "id": "stage",
                "name": payload,
                "phase": "awareness",
                "owner": owner,
                "description": payload,
                "questions": text_list,
                "pain_points": [{**pain, "id": "stage-pain"}],
                "opportunities": [{**opportunity, "id": "stage-fix", "addresses": ["stage-pain"]}],
                "metrics": [metric],
                "steps": [
                    {
                        "id": "step",
                        "name": payload,
                        "owner": owner,
                        "description": payload,
                        "questions": text_list,
                        "actions": text_list,
                        "thoughts": text_list,
                        "emotion": -2,
                        "milestone": True,
                        "personas": ["xss-persona", "inline"],
                        "touchpoints": [
                            {
                                "channel": "custom-channel",
                                "name": payload,
                                "description": payload,
                                "url": url,
                                "rating": 1,
                                "moment_of_truth": True,
                            },
                            {"channel": "website", "name": payload, "url": url},
                        ],
                        "pain_points": [pain],
                        "opportunities": [opportunity],
                        "metrics": [metric],
                    }
                ],
            }
        ],
    }


def hostile_persona(payload: str) -> dict[str, Any]:
    text_list = [payload]
    return {
        "kind": "persona",
        "id": "xss-persona",
        "name": payload,
        "segment": payload,
        "description": payload,
        "quote": payload,
        "demographics": {payload: payload},
        "goals": text_list,
        "needs": text_list,
        "motivations": text_list,
        "frustrations": text_list,
        "habits": text_list,
    }


def as_yaml(data: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return text


def write_maps(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "persona.yaml").write_text(as_yaml(hostile_persona(PAYLOADS[0] + " " + PAYLOADS[1])), encoding="utf-8")
    for index, group in enumerate(payload_groups()):
        url = URL_PAYLOADS[index % len(URL_PAYLOADS)]
        (folder / f"xss-{index:02d}.yaml").write_text(
            as_yaml(hostile_journey(" ".join(group), url, index)), encoding="utf-8"
        )


PER_JOURNEY: Final = 4
"""Payloads written together into each field: fewer pages for the browser to open."""


def payload_groups() -> list[tuple[str, ...]]:
    return [PAYLOADS[start : start + PER_JOURNEY] for start in range(0, len(PAYLOADS), PER_JOURNEY)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    write_maps(root / "maps")
    stdout, stderr = io.StringIO(), io.StringIO()
    request = RenderRequest(paths=[str(root / "maps")], out=root / "site", today=dt.date(2026, 11, 23))
    assert run_render(request, __version__, stdout, stderr) == 0, stderr.getvalue()
    return root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_every_payload_became_a_page(site: Path) -> None:
    assert len([page for page in pages(site) if page.name.startswith("xss-")]) == len(payload_groups())


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.tags


# The elements the templates write. A payload that became markup would add another.
ALLOWED_TAGS: Final = frozenset(
    (
        *("html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav", "section"),
        *("article", "aside", "div", "span", "p", "a", "ul", "ol", "li", "table", "thead", "tbody", "tfoot"),
        *("tr", "th", "td", "caption", "colgroup", "col", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em"),
        *("small", "b", "i", "abbr", "time", "figure", "figcaption", "blockquote", "q", "dl", "dt", "dd"),
        *("details", "summary", "svg", "path", "circle", "rect", "line", "polyline", "polygon", "g", "use"),
        *("symbol", "defs", "desc", "text", "tspan", "br", "hr", "mark", "sup", "sub", "kbd", "code", "pre"),
        *("label", "meter", "progress"),
    )
)


def test_no_event_handler_script_or_foreign_scheme_in_the_html(site: Path) -> None:
    written = {page.name for page in pages(site)}
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE), page.name
        assert "<script" not in html.lower(), page.name
        for tag, attributes in elements(html):
            assert tag in ALLOWED_TAGS, f"{page.name}: <{tag}> from a payload"
            for name, value in attributes:
                assert not name.lower().startswith("on"), f"{page.name}: <{tag} {name}>"
                if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"):
                    assert value is not None
                    own_page = value in written
                    assert own_page or value.startswith("#") or re.match(r"^(?:https?|mailto):", value, re.I), (
                        f"{page.name}: <{tag} {name}={value!r}>"
                    )
                    assert name.lower() in ("href", "xlink:href"), f"{page.name}: <{tag} {name}>"


def test_every_page_forbids_scripts_and_requests_in_its_policy(site: Path) -> None:
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        metas = [dict(attrs) for tag, attrs in elements(html) if tag == "meta"]
        policies = [
            m.get("content") or "" for m in metas if (m.get("http-equiv") or "").lower() == "content-security-policy"
        ]
        assert len(policies) == 1, page.name
        directives = {part.split()[0]: part.split()[1:] for part in policies[0].split(";") if part.strip()}
        assert directives["default-src"] == ["'none'"]
        assert "script-src" not in directives or all(
            source.startswith("'sha256-") for source in directives["script-src"]
        )
        for directive, sources in directives.items():
            assert not any(
                source in ("*", "http:", "https:", "'unsafe-inline'", "'unsafe-eval'") for source in sources
            ), directive


def test_payload_text_is_shown_as_text(site: Path) -> None:
    """Escaped, not dropped: the reader sees what the map says."""
    html = (site / "xss-0.html").read_text(encoding="utf-8")
    assert f"&lt;script&gt;window.{FLAG}=1;alert(1)&lt;/script&gt;" in html


CHROMIUM: Final = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser(playwright: Any) -> Iterator[Any]:
    instance = playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    )
    yield instance
    instance.close()


@pytest.mark.browser
def test_nothing_runs_and_nothing_loads_in_chromium(site: Path, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=True)
    requests: list[str] = []
    console: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def refuse(route: Any) -> None:
        """Nothing reaches the network even if the policy failed: every request is recorded and aborted."""
        if route.request.url.startswith("file://") and route.request.resource_type == "document":
            route.continue_()
            return
        requests.append(route.request.url)
        route.abort()

    context.route("**/*", refuse)
    checked = 0
    for path in pages(site):
        page = context.new_page()
        name, own_url = path.name, path.as_uri()
        page.on("console", lambda message, name=name: console.append(f"{name}: {message.type}: {message.text}"))

        def dismiss(dialog: Any, name: str = name) -> None:
            dialogs.append(f"{name}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.on("pageerror", lambda error, name=name: errors.append(f"{name}: {error}"))
        page.on("request", lambda request, own=own_url: requests.append(request.url) if request.url != own else None)
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_timeout(50)
        page.evaluate("() => document.querySelectorAll('details').forEach((node) => { node.open = true; })")
        page.mouse.move(200, 200)
        assert page.evaluate(f"() => window.{FLAG}") is None, path.name
        handlers = page.evaluate(
            "() => [...document.querySelectorAll('*')].flatMap((el) => "
            "[...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name))"
        )
        assert handlers == [], path.name
        assert page.evaluate("() => document.querySelectorAll('script, iframe, object, embed, base, form').length") == 0
        assert page.evaluate("() => !!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')")
        assert page.url == path.as_uri(), "no redirect (meta refresh)"
        checked += 1
        page.close()
    context.close()
    assert checked == len(payload_groups()) + 1  # one page per journey and the index
    assert requests == []
    assert dialogs == []
    assert errors == []
    assert console == []
