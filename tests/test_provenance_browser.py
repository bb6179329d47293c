"""A reader checks a decision: one click (or Enter) to the marked lines, two to the document.

Run in Debian's Chromium on the real records, by keyboard, with and without JavaScript, at
desktop and phone width; the screenshots go to _build/screenshots for a person to look at.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from browser_support import ARGS, CHROMIUM, DESKTOP, PHONE, SHOTS, real_site
from conftest import REPO
from kkr.checks.corpus import load_corpus
from playwright.sync_api import Page, sync_playwright

from schema.meeting import Meeting

pytestmark = [pytest.mark.sphinx, pytest.mark.browser]
BUILT_ON = datetime(2024, 1, 1, tzinfo=UTC)
RANGE = re.compile(r"#L(\d+)-L(\d+)$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real records, built as of 1 January 2024 and served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("provenance")
    with real_site(tmp, BUILT_ON) as served:
        yield served


def _decided() -> tuple[Meeting, str]:
    """A meeting with minutes and the number of its first decided item, from the records."""
    corpus = load_corpus(REPO / "records")
    for entry in corpus.entries("meeting"):
        meeting = entry.record
        if (
            isinstance(meeting, Meeting)
            and meeting.document
            and meeting.document.value == "minutes"
        ):
            for item in meeting.items:
                if item.beslutning and item.beslutning.strip():
                    return meeting, item.number
    raise AssertionError("the records hold no decision")


def _tab(script: bool, viewport: dict[str, int]) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport=viewport, java_script_enabled=script)  # type: ignore[arg-type]
        errors: list[str] = []
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            yield page
        finally:
            browser.close()
        assert errors == []


def _settled(page: Page, selector: str) -> None:
    """Wait until ``selector`` has stopped moving (the theme scrolls smoothly).

    Polled from here: with JavaScript off, the page runs no timers of its own.
    """
    last = None
    for _ in range(50):
        box = page.locator(selector).bounding_box()
        top = box["y"] if box else None
        if top is not None and top == last:
            return
        last = top
        page.wait_for_timeout(200)
    raise AssertionError(f"{selector} never stopped moving")


@pytest.mark.parametrize("script", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_from_a_decision_to_its_lines_in_one_keypress(
    site: tuple[str, Path], script: bool, viewport: dict[str, int]
) -> None:
    base, _out = site
    meeting, number = _decided()
    anchor = "punkt-" + number.replace(".", "-")
    name = f"{'js' if script else 'nojs'}-{viewport['width']}"
    for page in _tab(script, viewport):
        page.goto(f"{base}arkiv/moeder/{meeting.id}.html#{anchor}")
        link = page.locator(f"#{anchor} .kkr-beslutning p.kkr-source a").first
        label = link.inner_text()
        assert label.startswith("Referat ") and ", linje " in label
        # By keyboard: the link takes focus and Enter follows it.
        link.focus()
        assert page.evaluate("document.activeElement.tagName") == "A"
        page.keyboard.press("Enter")
        page.wait_for_url("**/arkiv/kilder/*.html#L*")
        found = RANGE.search(page.url)
        assert found, page.url
        start, end = int(found.group(1)), int(found.group(2))
        assert f"linje {start}–{end}" in label
        marker = f"[id='L{start}-L{end}']"
        _settled(page, marker)
        box = page.locator(marker).bounding_box()
        assert box is not None and box["height"] > 0  # shown by :target, also without script
        assert 0 <= box["y"] < viewport["height"]  # and in view
        assert page.locator(marker).inner_text() == f"Henvisningen gælder linje {start}–{end}"
        marked = page.evaluate("document.querySelectorAll('.kkr-hl').length")
        assert marked == (end - start + 1 if script else 0)
        # No line is wider than the phone: the document wraps.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"kilde-{name}.png"))
        # The second click: the document itself.
        download = page.locator("a.kkr-download").first
        href = download.get_attribute("href")
        assert href is not None and href.endswith(".txt")
        with urllib.request.urlopen(page.url.rsplit("/", 1)[0] + "/" + href, timeout=10) as got:
            assert got.read() == (REPO / "records" / "documents" / href).read_bytes()


def test_a_range_no_page_cites_is_marked_too(site: tuple[str, Path]) -> None:
    base, out = site
    page_path = next((out / "arkiv" / "kilder").glob("*-referat.html"))
    for page in _tab(True, DESKTOP):
        page.goto(f"{base}arkiv/kilder/{page_path.name}#L20-L22")
        _settled(page, "#L20")
        assert page.evaluate("document.querySelectorAll('.kkr-hl').length") == 3
        # Following another range on the same page moves the marking.
        page.evaluate("location.hash = '#L30'")
        page.wait_for_function("document.querySelectorAll('.kkr-hl').length === 1")
        _settled(page, "#L30")
        assert page.evaluate("document.querySelector('.kkr-hl').id") == "L30"
