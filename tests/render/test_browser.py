"""The rendered maps as a person sees them, in a real headless Chromium.

Every example (and a map full of hostile text) is opened at desktop and phone widths,
in light and dark mode, and printed to PDF; screenshots and PDFs are kept under the
pytest temporary folder to look at. The checks: no console error, no request but the
file itself, nothing clipped or overlapping in the grid, hostile text stays inert.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from render_helpers import EXAMPLES, HOSTILE

from journeyctl import __version__
from journeyctl.render.command import RenderRequest, run_render

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"desktop": 1440, "narrow": 390}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    stdout, stderr = io.StringIO(), io.StringIO()
    request = RenderRequest(paths=[str(EXAMPLES), str(HOSTILE)], out=out, today=dt.date(2026, 11, 23))
    assert run_render(request, __version__, stdout, stderr) == 0, stderr.getvalue()
    return out


@pytest.fixture(scope="session")
def browser(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True
    )
    yield context
    context.close()


PAGES = [
    "index.html",
    "retail-omnichannel-running-shoes.html",
    "b2b-saas-lead-to-onboarding.html",
    "assinatura-internet-fibra.html",
    "hostile-text.html",
]

# In-page checks, run after layout. Each returns a list of problems.
GEOMETRY = """
() => {
  const problems = [];
  const describe = (el) => (el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + el.className)
    + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  for (const cell of document.querySelectorAll('.map td, .map th')) {
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push('clipped: ' + describe(cell));
    const kids = [...cell.querySelectorAll(':scope > *, :scope li, :scope .card, :scope .touchpoint')]
      .filter((el) => el.getClientRects().length && getComputedStyle(el).position !== 'absolute');
    for (const el of kids) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        problems.push('clipped: ' + describe(el));
    }
    const blocks = [...cell.children].filter((el) => el.getClientRects().length && !(el instanceof SVGElement));
    for (let i = 1; i < blocks.length; i++) {
      const a = blocks[i - 1].getBoundingClientRect(), b = blocks[i].getBoundingClientRect();
      if (a.bottom > b.top + 0.5 && a.right > b.left + 0.5 && b.right > a.left + 0.5)
        problems.push('overlap: ' + describe(blocks[i - 1]) + ' / ' + describe(blocks[i]));
    }
  }
  for (const row of document.querySelectorAll('.map tr')) {
    const cells = [...row.children];
    for (let i = 1; i < cells.length; i++) {
      const a = cells[i - 1].getBoundingClientRect(), b = cells[i].getBoundingClientRect();
      if (a.right > b.left + 0.5)
        problems.push('cells overlap: ' + describe(cells[i - 1]) + ' / ' + describe(cells[i]));
    }
  }
  for (const el of document.querySelectorAll('.tile, .persona, .card, .finding')) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push('clipped: ' + describe(el));
  }
  return problems;
}
"""

INERT = """
() => {
  const problems = [];
  if (document.querySelectorAll('script, iframe, object, embed, img, marquee').length)
    problems.push('active element in the page');
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (attribute.name.startsWith('on')) problems.push('event handler ' + attribute.name);
      if (/^\\s*javascript:/i.test(attribute.value)) problems.push('javascript: in ' + attribute.name);
    }
  }
  return problems;
}
"""


# WCAG 2 contrast of every piece of visible text against the first opaque background
# behind it: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
CONTRAST = """
() => {
  const parse = (c) => {
    const m = c.match(/[\\d.]+/g).map(Number);
    return {rgb: m.slice(0, 3), a: m.length > 3 ? m[3] : 1};
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg.a > 0.5) return bg.rgb;
    }
    return [255, 255, 255];
  };
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el) || !el.getClientRects().length) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('.visually-hidden, [aria-hidden="true"]')) continue;
    const fg = lum(parse(style.color).rgb), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed)
      problems.push(ratio.toFixed(2) + ' ' + el.className + ' "' + node.textContent.trim().slice(0, 30) + '"');
  }
  return problems;
}
"""


def open_page(browser: Any, url: str, width: int, scheme: str = "light") -> tuple[Any, dict[str, list[str]]]:
    seen: dict[str, list[str]] = {"console": [], "requests": [], "dialogs": [], "errors": []}
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.on(
        "console", lambda m: seen["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url) if r.url != url else None)
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, seen


@pytest.mark.parametrize("name", PAGES)
def test_page_is_clean_unclipped_and_offline(browser: Any, site: Path, name: str, tmp_path: Path) -> None:
    url = (site / name).as_uri()
    for label, width in WIDTHS.items():
        for scheme in ("light", "dark") if label == "desktop" else ("light",):
            page, seen = open_page(browser, url, width, scheme)
            page.screenshot(path=str(tmp_path / f"{name}-{label}-{scheme}.png"), full_page=True)
            problems = page.evaluate(GEOMETRY)
            inert = page.evaluate(INERT)
            contrast = page.evaluate(CONTRAST)
            page.close()
            assert seen == {"console": [], "requests": [], "dialogs": [], "errors": []}, (label, scheme, seen)
            assert problems == [], (label, problems[:10])
            assert inert == [], inert
            assert contrast == [], (label, scheme, contrast[:10])
    page, seen = open_page(browser, url, WIDTHS["desktop"])
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / f"{name}.pdf"), landscape=True, print_background=True)
    page.close()
    assert (tmp_path / f"{name}.pdf").stat().st_size > 1000
    assert seen["requests"] == [] and seen["console"] == []


def test_the_map_scrolls_sideways_with_stage_and_lane_names_in_view(browser: Any, site: Path) -> None:
    page, _ = open_page(browser, (site / "retail-omnichannel-running-shoes.html").as_uri(), 1440)
    page.focus(".map-scroll")
    assert page.evaluate("document.activeElement.classList.contains('map-scroll')")
    state = page.evaluate(
        """
        () => {
          const box = document.querySelector('.map-scroll');
          box.scrollLeft = box.scrollWidth / 2;
          const area = box.getBoundingClientRect();
          const lane = document.querySelector('.map tbody th').getBoundingClientRect();
          const labels = [...document.querySelectorAll('.stage-label')].map((el) => el.getBoundingClientRect())
            .filter((r) => r.right > lane.right && r.left < area.right);
          return {scrolled: box.scrollLeft > 0, laneLeft: lane.left - area.left, visibleStageLabels: labels.length,
                  labelsClear: labels.every((r) => r.left >= lane.right - 1)};
        }
        """
    )
    page.close()
    assert state["scrolled"]
    assert abs(state["laneLeft"]) <= 2, state
    assert state["visibleStageLabels"] >= 1, state
    assert state["labelsClear"], state


def test_hostile_text_is_shown_as_text(browser: Any, site: Path) -> None:
    page, seen = open_page(browser, (site / "hostile-text.html").as_uri(), 1440)
    title = page.inner_text("h1")
    link_text = page.inner_text(".touchpoint a")
    page.close()
    assert title == "<script>alert('title')</script> Jornada | ţară: #1; test"
    assert link_text == "javascript:alert(6)"
    assert seen["dialogs"] == []


def test_the_checks_see_clipping_overlap_and_poor_contrast(browser: Any, site: Path) -> None:
    page, _ = open_page(browser, (site / "retail-omnichannel-running-shoes.html").as_uri(), 1440)
    page.evaluate(
        """
        () => {
          const card = document.querySelector('.map .card');
          card.style.whiteSpace = 'nowrap';
          card.style.overflow = 'hidden';
          card.style.width = '40px';
          const touchpoint = document.querySelector('.map .touchpoint + .touchpoint');
          touchpoint.style.marginTop = '-40px';
          document.querySelector('.map .step-name').style.color = '#dddddd';
        }
        """
    )
    problems = page.evaluate(GEOMETRY)
    contrast = page.evaluate(CONTRAST)
    page.close()
    assert len(contrast) == 1
    assert any(problem.startswith("clipped: ") for problem in problems)
    assert any(problem.startswith("overlap: ") for problem in problems)
