"""Drive Debian's Chromium through the built site: search, navigation, links, console."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from browser_support import chromium, front, open_page, search, serve
from conftest import REPO, build, copy_root
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


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
    with serve(result.out) as base:
        yield base
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def page() -> Iterator[Page]:
    """A Chromium tab that fails the test on console errors."""
    with chromium() as tab:
        yield tab


def test_search_lands_on_the_item(page: Page, served: str) -> None:
    results = search(page, served, "flygtninge")
    urls = [r["url"] for r in results]
    assert len(urls) == len(set(urls)), "a result is listed twice"
    item = next(r for r in results if r["url"].endswith("2021-06-09.html#punkt-3-6"))
    # The item itself, with its meeting and date, and an excerpt around the word.
    assert "Fordeling af flygtninge" in item["title"]
    assert " ".join(item["meta"].split()) == "Møde 9. juni 2021"
    assert "flygtning" in item["excerpt"].lower()
    assert not [r for r in results if ", i" in r["meta"] or "¶" in r["title"]]
    page.click("#kkr-search-results a[href$='#punkt-3-6']")
    page.wait_for_load_state()
    assert page.url.endswith("2021-06-09.html#punkt-3-6")
    assert "Fordeling af flygtninge" in page.inner_text("#punkt-3-6")


def test_search_matches_prefixes_and_filters(page: Page, served: str) -> None:
    whole = search(page, served, "flygtningefordeling")
    prefix = search(page, served, "flygtn")
    assert prefix and len(prefix) >= len(whole)
    people = search(page, served, "Hansen", type="Person")
    assert people and all(r["meta"] == "Person" for r in people)
    status = page.inner_text("#kkr-search-status")
    assert "resultat" in status


def test_search_follow_links(page: Page, served: str) -> None:
    open_page(page, served + "arkiv/moeder/2021-06-09.html")
    for selector in ("#punkt-3-6 a[href*='sager/']", "#punkt-3-6 a[href*='personer/']"):
        open_page(page, urljoin(page.url, page.get_attribute(selector, "href") or ""))
        assert page.locator(".kkr-crumbs a[href='index.html']").count() == 1
        page.go_back()
    contract = page.locator("[id^='punkt-'] a[href*='aftaler/']").first
    name = contract.inner_text().strip()
    open_page(page, urljoin(page.url, contract.get_attribute("href") or ""))
    assert name and name in page.inner_text("h1")


def test_every_internal_link_and_anchor_resolves(page: Page, served: str) -> None:
    start = front(served)
    seen: set[str] = set()
    queue = [start]
    checked = 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        base, wanted = urldefrag(url)
        if urldefrag(page.url)[0] != base:
            open_page(page, base)
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
