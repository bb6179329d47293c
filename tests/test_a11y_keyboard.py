"""WCAG 2.1 AA by keyboard and at 320 px, in Chromium: Tab stops, focus, panels, skip links, reflow.

Screenshots of the phone menu, the contents panel and the focus ring go to _build/screenshots.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from a11y_support import page_types
from browser_support import ARGS, CHROMIUM, DESKTOP, PHONE, SHOTS, serve
from playwright.sync_api import Browser, Page, sync_playwright

pytestmark = pytest.mark.browser

# A desktop window at 200 % zoom shows 683 CSS pixels: Furo's phone layout.
ZOOMED = {"width": 683, "height": 450}
NARROW = {"width": 320, "height": 640}

# Waits until the page stops scrolling after a Tab, so that positions are final.
SETTLE = """async () => {
  document.getAnimations().forEach(a => a.finish());
  let last = null, same = 0;
  for (let i = 0; i < 120 && same < 3; i++) {
    await new Promise(r => requestAnimationFrame(r));
    const now = [scrollX, scrollY, ...[...document.querySelectorAll('.toc-scroll, .sidebar-scroll')]
      .map(e => e.scrollTop)].join();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}"""

# Where the focused element is, whether it can be seen, and its focus ring's contrast with
# the background it is drawn on (WCAG 1.4.11: at least 3:1).
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The background the ring is drawn on: the first opaque one from the element's parent up.
  let back = [255, 255, 255];
  for (let n = e.parentElement; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { back = c.slice(0, 3); break; }
  }
  const ring = rgb(s.outlineColor).slice(0, 3);
  const [a, b] = [lum(ring), lum(back)].sort((p, q) => q - p);
  return {
    name: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 60),
    tag: e.tagName,
    onscreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < innerHeight && r.left < innerWidth,
    visible: s.visibility === 'visible' && Number(s.opacity) > 0,
    reachable: !!hit && (hit === e || e.contains(hit) || hit.contains(e)),
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    contrast: (a + 0.05) / (b + 0.05),
  };
}"""


@pytest.fixture(scope="module")
def site(repository_site: Path) -> Iterator[tuple[str, Path]]:
    """The repository's site, served on 127.0.0.1."""
    with serve(repository_site) as base:
        yield base, repository_site


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _tab(browser: Browser, viewport: dict[str, int], scheme: str = "light") -> Page:
    # Less motion: no smooth scrolling, so each Tab's final position is measured at once.
    return browser.new_page(
        viewport=viewport,  # type: ignore[arg-type]
        color_scheme=scheme,  # type: ignore[arg-type]
        reduced_motion="reduce",
    )


def _press(page: Page, key: str) -> dict[str, Any] | None:
    page.keyboard.press(key)
    page.evaluate(SETTLE)
    found: dict[str, Any] | None = page.evaluate(FOCUS)
    return found


def _walk(page: Page, limit: int = 1500) -> list[dict[str, Any]]:
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        found = _press(page, "Tab")
        if found is None:
            break
        stops.append(found)
    return stops


def _meeting(root: Path) -> str:
    return page_types(root)["moeder"]


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "light"), (ZOOMED, "dark")],
    ids=["1366-light", "1366-dark", "390-light", "200pct-dark"],
)
def test_every_tab_stop_on_a_meeting_page_is_seen_with_its_focus_ring(
    browser: Browser, site: tuple[str, Path], viewport: dict[str, int], scheme: str
) -> None:
    base, root = site
    page = _tab(browser, viewport, scheme)
    page.goto(base + _meeting(root))
    stops = _walk(page)
    hidden = [s for s in stops if not (s["onscreen"] and s["visible"] and s["reachable"])]
    unringed = [s for s in stops if not s["ring"] or s["contrast"] < 3]
    page.close()
    assert len(stops) > 50
    assert hidden == [], f"{len(hidden)} of {len(stops)} Tab stops are hidden: {hidden[:5]}"
    assert unringed == [], f"{len(unringed)} focus rings missing or under 3:1: {unringed[:5]}"


# Every element Tab can reach (shown, not visibility: hidden), and those of them that a
# reader cannot see: outside the page sideways (a closed panel) or transparent. Scrolling
# brings the others into view.
REACHABLE = """() => {
  const all = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0
      && getComputedStyle(e).visibility === 'visible');
  const hidden = all.filter(e => {
    const r = e.getBoundingClientRect();
    let faded = false;
    for (let n = e; n; n = n.parentElement) if (getComputedStyle(n).opacity === '0') faded = true;
    return faded || r.right <= 0 || r.left >= innerWidth;
  }).map(e => (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40));
  return {count: all.length, hidden};
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_no_tab_stop_is_hidden_on_any_page_type(
    browser: Browser, site: tuple[str, Path], viewport: dict[str, int]
) -> None:
    base, root = site
    page = _tab(browser, viewport)
    found: list[str] = []
    for name in page_types(root).values():
        page.goto(base + name)
        page.wait_for_load_state("load")
        result = page.evaluate(REACHABLE)
        assert result["count"] > 5, name
        if result["hidden"]:
            found.append(f"{name}: {len(result['hidden'])} hidden, e.g. {result['hidden'][:3]}")
    page.close()
    assert found == [], "\n".join(found)


def test_sidebar_search_box_shows_focus(browser: Browser, site: tuple[str, Path]) -> None:
    base, _ = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page = _tab(browser, DESKTOP, scheme)
        page.goto(base + "index.html")
        page.focus(".sidebar-search")
        found = page.evaluate(FOCUS)
        page.screenshot(
            path=str(SHOTS / f"focus-sidebar-search-{scheme}.png"),
            clip={"x": 0, "y": 0, "width": 400, "height": 200},
        )
        page.close()
        assert found["ring"] and found["contrast"] >= 3, found


@pytest.mark.parametrize("viewport", [PHONE, ZOOMED], ids=["390", "200pct"])
def test_menu_and_contents_panel_open_and_close_by_keyboard(
    browser: Browser, site: tuple[str, Path], viewport: dict[str, int]
) -> None:
    base, root = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = _tab(browser, viewport)
    page.goto(base + _meeting(root))
    for name, drawer, first in (
        ("Menu", ".sidebar-drawer", ".sidebar-drawer a"),
        ("På denne side", ".toc-drawer", ".toc-drawer a"),
    ):
        # Tab from the top of the page to the panel's button, as a keyboard user would.
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        for _ in range(40):
            found = _press(page, "Tab")
            if found and found["name"] == name:
                break
        else:
            pytest.fail(f"Tab never reaches the {name!r} button")
        assert found["onscreen"] and found["ring"], found
        button = page.evaluate_handle("() => document.activeElement").as_element()
        assert button is not None
        assert button.get_attribute("aria-expanded") == "false"
        _press(page, "Enter")
        assert (
            page.evaluate(f"() => getComputedStyle(document.querySelector('{drawer}')).visibility")
            == "visible"
        )
        assert button.get_attribute("aria-expanded") == "true"
        inside = page.evaluate(
            f"() => document.querySelector('{drawer}').contains(document.activeElement)"
        )
        assert inside, f"focus did not move into the {name!r} panel"
        found = _press(page, "Tab")
        assert found is not None and found["onscreen"] and found["reachable"], found
        page.screenshot(
            path=str(SHOTS / f"panel-{name.split()[0].lower()}-{viewport['width']}.png")
        )
        # Following a link in the panel works by keyboard too.
        target = page.evaluate(f"() => document.querySelector('{first}').href")
        assert target
        _press(page, "Escape")
        assert (
            page.evaluate(f"() => getComputedStyle(document.querySelector('{drawer}')).visibility")
            == "hidden"
        )
        assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == name
    page.close()


def test_sub_menus_open_by_keyboard(browser: Browser, site: tuple[str, Path]) -> None:
    base, _ = site
    page = _tab(browser, DESKTOP)
    page.goto(base + "index.html")
    # The first closed sub-menu, held by its "for" so that opening it does not lose it.
    target = page.get_attribute(
        ".sidebar-tree label[role=button][aria-expanded=false] >> nth=0", "for"
    )
    toggle = page.locator(f".sidebar-tree label[for='{target}']")
    toggle.focus()
    hidden_links = page.locator(f"#{target} ~ ul a")
    assert not hidden_links.first.is_visible()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert hidden_links.first.is_visible()
    page.keyboard.press(" ")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not hidden_links.first.is_visible()
    page.close()


def test_skip_link_leads_to_the_search_results(browser: Browser, site: tuple[str, Path]) -> None:
    base, _ = site
    page = _tab(browser, DESKTOP)
    page.goto(base + "search.html?q=flygtninge")
    page.wait_for_function(
        "() => /resultat/.test(document.getElementById('kkr-search-status').textContent)"
    )
    first = _press(page, "Tab")
    assert first is not None and first["name"] == "Gå til søgeresultaterne", first
    assert first["onscreen"] and first["ring"], first
    page.screenshot(
        path=str(SHOTS / "skip-to-results.png"), clip={"x": 0, "y": 0, "width": 500, "height": 150}
    )
    _press(page, "Enter")
    result = _press(page, "Tab")
    wanted = page.evaluate("() => document.querySelector('#kkr-search-results a').textContent")
    assert result is not None and result["name"] == wanted.strip()[:60]
    page.close()


def test_no_page_type_scrolls_sideways_at_320_px(browser: Browser, site: tuple[str, Path]) -> None:
    base, root = site
    page = _tab(browser, NARROW)
    wide: list[str] = []
    for name in page_types(root).values():
        page.goto(base + name)
        # Anything reaching past the right edge, outside a box that scrolls on its own
        # (a wide table scrolls inside its box, which WCAG 1.4.10 allows for data tables).
        found = page.evaluate("""() => {
          const inScroller = e => { for (let n = e.parentElement; n; n = n.parentElement) {
              const o = getComputedStyle(n).overflowX;
              if ((o === 'auto' || o === 'scroll') && n !== document.documentElement) return true; }
            return false; };
          const width = document.documentElement.clientWidth;
          const out = [...document.querySelectorAll('article *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > width + 1 && !inScroller(e);
          }).map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40));
          const body = document.body.scrollWidth;
          if (body > width + 1) out.unshift('body ' + body);
          return out;
        }""")
        if found:
            wide.append(f"{name}: {found[:3]}")
    page.close()
    assert wide == [], "\n".join(wide)


def test_long_words_in_titles_wrap(browser: Browser, site: tuple[str, Path]) -> None:
    base, _ = site
    page = _tab(browser, NARROW)
    page.goto(base + "index.html")
    page.evaluate("""() => { const h = document.querySelector('h1');
      h.textContent = 'Rekrutteringsudfordringerne' + 'velfærdsområderne'.repeat(2); }""")
    right = page.evaluate("() => document.querySelector('h1').getBoundingClientRect().right")
    assert right <= NARROW["width"]
    page.close()
