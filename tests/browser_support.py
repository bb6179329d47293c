"""Serving a built site on 127.0.0.1 and driving Debian's Chromium through it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from conftest import REPO, build
from playwright.sync_api import Page, sync_playwright

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
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def real_site(tmp: Path, built_on: datetime) -> Iterator[tuple[str, Path]]:
    """The real records, built as of ``built_on`` in ``tmp`` and served on 127.0.0.1."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(built_on.timestamp()))
    try:
        result = build(REPO, tmp / "build")
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    assert result.warnings == ""
    with serve(result.out) as base:
        yield base, result.out
    shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def chromium(viewport: dict[str, int] = DESKTOP) -> Iterator[Page]:
    """A Chromium tab that fails the test on console errors, failed requests and dialogs."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
        errors: list[str] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc) + " at " + tab.url))
        tab.on(
            "response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )
        tab.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
        try:
            yield tab
        finally:
            browser.close()
        assert errors == [], "\n".join(errors)


def open_page(page: Page, url: str) -> None:
    """Go to ``url`` and insist on a 200 answer."""
    response = page.goto(url)
    assert response is not None and response.status == 200, url


def front(base: str) -> str:
    """The front page's URL: the site's root once it has one, else docs/index.html."""
    try:
        with urllib.request.urlopen(base + "index.html", timeout=10):
            return base + "index.html"
    except urllib.error.HTTPError:
        return base + "docs/index.html"


def search(page: Page, base: str, query: str, **filters: str) -> list[dict[str, str]]:
    """Search from the front page's box; return the results as title, meta and URL."""
    open_page(page, front(base))
    page.fill("#kkr-q", query)
    page.click(".kkr-search button")
    page.wait_for_url("**/search.html?q=*")
    done = "() => /resultat/.test(document.getElementById('kkr-search-status').textContent)"
    page.wait_for_function(done, timeout=20000)
    for name, value in filters.items():
        page.select_option(f"#kkr-search-filters select[name='{name}']", value)
    # The status names the chosen filters once the filtered results are shown.
    wanted = [f"{name.capitalize()}: {value}" for name, value in filters.items()]
    page.wait_for_function(
        "wanted => { const s = document.getElementById('kkr-search-status').textContent;"
        " return /resultat/.test(s) && wanted.every(w => s.includes(w)); }",
        arg=wanted,
        timeout=20000,
    )
    return page.eval_on_selector_all(
        "#kkr-search-results li",
        """els => els.map(li => ({
            title: li.querySelector('a').textContent,
            url: li.querySelector('a').href,
            meta: li.querySelector('.kkr-meta').textContent,
            excerpt: li.querySelector('.kkr-excerpt').textContent}))""",
    )
