"""Drive Debian's Chromium through the built site: search, navigation, links, console."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from conftest import REPO, build, copy_root
from playwright.sync_api import Page, sync_playwright

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = REPO / "_build" / "screenshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module", params=["test-site", "repository"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Build a site and serve it on 127.0.0.1: the test corpus, and the real records.

    The test corpus always holds item 3.6 of 2021-06-09, so the search walk never
    depends on what has been imported; the repository's own site is crawled too.
    """
    tmp = tmp_path_factory.mktemp("browser")
    if request.param == "repository":
        result = build(REPO, tmp / "build")
    else:
        result = build(copy_root("test-site", tmp / "site"))
    assert result.warnings == ""
    handler = functools.partial(_Quiet, directory=str(result.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def page(served: str) -> Iterator[Page]:
    """A Chromium page that fails the test on console errors."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc) + " at " + tab.url))
        tab.on(
            "response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )
        tab.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
        yield tab
        browser.close()
        assert errors == [], "\n".join(errors)


def _open(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url


def test_search_and_follow_links(page: Page, served: str, request: pytest.FixtureRequest) -> None:
    suffix = "-repo" if "repository" in request.node.callspec.id else ""
    SHOTS.mkdir(parents=True, exist_ok=True)
    _open(page, served + "index.html")
    page.screenshot(path=str(SHOTS / f"forside{suffix}.png"), full_page=True)
    page.fill("#kkr-q", "flygtninge")
    page.click(".kkr-search button")
    page.wait_for_selector("#search-results li a", timeout=15000)
    page.click("#search-results li a[href*='2021-06-09']")
    page.wait_for_load_state()
    assert "2021-06-09" in page.url
    page.click("a[href='#punkt-3-6']")
    assert page.url.endswith("#punkt-3-6")
    assert "Fordeling af flygtninge" in page.inner_text("#punkt-3-6 h2, #punkt-3-6 h3")
    page.screenshot(path=str(SHOTS / f"moede{suffix}.png"), full_page=True)
    for selector in (
        "#punkt-3-6 a[href*='sager/']",
        "#punkt-3-6 a[href*='personer/']",
    ):
        _open(page, urljoin(page.url, page.get_attribute(selector, "href") or ""))
        page.go_back()
    _open(
        page, urljoin(page.url, page.get_attribute("#punkt-3-6 a[href*='personer/']", "href") or "")
    )
    _open(page, urljoin(page.url, page.get_attribute("a[href*='organisationer/']", "href") or ""))
    _open(page, served + "arkiv/moeder/2021-06-09.html")
    contract = page.locator("[id^='punkt-'] a[href*='aftaler/']").first
    name = contract.inner_text().strip()
    _open(page, urljoin(page.url, contract.get_attribute("href") or ""))
    assert name and name in page.inner_text("h1")


def test_every_internal_link_and_anchor_resolves(page: Page, served: str) -> None:
    _open(page, served + "index.html")
    seen: set[str] = set()
    queue = [served + "index.html"]
    checked = 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        base, wanted = urldefrag(url)
        if urldefrag(page.url)[0] != base:
            _open(page, base)
        if wanted:
            assert page.evaluate("id => !!document.getElementById(id)", wanted), url
            checked += 1
            if base in seen:
                continue
            seen.add(base)
        links: list[str] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for link in links:
            target, fragment = urldefrag(link)
            if urlparse(target).netloc != urlparse(served).netloc:
                continue
            if fragment and target == url.split("#")[0]:
                exists = page.evaluate("id => !!document.getElementById(id)", fragment)
                assert exists, f"{url}: missing anchor #{fragment}"
                checked += 1
            elif target.endswith(".html"):
                queue.append(f"{target}#{fragment}" if fragment else target)
    assert len(seen) > 10 and checked > 0
