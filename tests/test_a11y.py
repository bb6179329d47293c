"""WCAG 2.1 AA by machine: axe-core on every page type and the Nu Html Checker on every page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from a11y_support import AXE, TAGS, missing, nu_errors, page_types
from browser_support import ARGS, CHROMIUM, DESKTOP, PHONE, SHOTS, serve
from conftest import REPO
from kkr.site import statement
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(repository_site: Path) -> Iterator[tuple[str, Path]]:
    """The repository's site, served on 127.0.0.1."""
    reason = missing()
    assert reason is None, reason  # `make test` installs them: never a silent skip
    with serve(repository_site) as base:
        yield base, repository_site


def _address(name: str) -> str:
    # The search page is checked with its results shown.
    return name + "?q=vejle" if name == "search.html" else name


def test_page_types_cover_the_site(site: tuple[str, Path]) -> None:
    kinds = page_types(site[1])
    for kind in ("index", "search", "404", "tilgaengelighed", "liste", "moeder", "moeder-år"):
        assert kind in kinds, kinds
    for kind in ("personer", "organisationer", "kommune", "aftaler", "forloeb", "sager", "tal"):
        assert kind in kinds, kinds


def test_axe_finds_no_violation_on_any_page_type(site: tuple[str, Path]) -> None:
    base, root = site
    script = AXE.read_text(encoding="utf-8")
    found: list[str] = []
    checked = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for viewport in (DESKTOP, PHONE):
            tab = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
            for name in page_types(root).values():
                tab.goto(base + _address(name))
                tab.wait_for_load_state("load")
                if name == "search.html":
                    tab.wait_for_function(
                        "() => /resultat/.test("
                        "document.getElementById('kkr-search-status').textContent)"
                    )
                tab.add_script_tag(content=script)
                for scheme in ("light", "dark"):
                    tab.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
                    result = tab.evaluate(
                        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                        " resultTypes: ['violations']})",
                        TAGS,
                    )
                    checked += 1
                    for violation in result["violations"]:
                        targets = [n["target"] for n in violation["nodes"]][:3]
                        found.append(
                            f"{name} {viewport['width']}px {scheme}: {violation['id']}"
                            f" ({violation['impact']}) {targets}"
                        )
            tab.close()
        browser.close()
    assert checked >= 4 * 15
    assert found == [], "\n".join(found)


def test_nu_html_checker_finds_no_error_on_the_whole_site(site: tuple[str, Path]) -> None:
    errors = nu_errors(site[1])
    assert errors == [], "\n".join(errors[:50])


def test_the_checker_and_axe_do_find_the_faults_they_were_run_for(tmp_path: Path) -> None:
    """A page with the faults the site had: both oracles must report them."""
    page = tmp_path / "fejl.html"
    page.write_text(
        '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Fejl</title>'
        '<meta name="description" content="Kilde &amp"></head><body><main>'
        '<p class="caption" role="heading">Indhold</p>'
        '<form action="" role="search"><input type="search" name="q"></form>'
        "</main></body></html>",
        encoding="utf-8",
    )
    errors = "\n".join(nu_errors(tmp_path))
    assert "aria-level" in errors and "action" in errors
    with serve(tmp_path) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page()
        tab.goto(base + "fejl.html")
        tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
        )
        browser.close()
    ids = {v["id"] for v in result["violations"]}
    assert {"aria-required-attr", "label"} <= ids


def test_every_page_links_the_accessibility_statement(site: tuple[str, Path]) -> None:
    root = site[1]
    pages = [p for p in root.rglob("*.html") if not p.is_relative_to(root / "_static")]
    without = [
        p.relative_to(root).as_posix()
        for p in pages
        if not re.search(
            r'<a href="[./]*tilgaengelighed\.html">Tilgængelighedserklæring</a>',
            p.read_text(encoding="utf-8"),
        )
    ]
    assert len(pages) > 100 and without == []


def test_statement_names_the_standard_the_exceptions_and_the_contact(
    site: tuple[str, Path],
) -> None:
    text = (site[1] / "tilgaengelighed.html").read_text(encoding="utf-8")
    for words in (
        "EN 301 549",
        "WCAG 2.1",
        "niveau AA",
        "delvist i overensstemmelse",
        "Utilgængeligt indhold",
        "KKR-sekretariatet",
        "Digitaliseringsstyrelsen",
        'href="docs/om-kkr.html"',
        "Seneste kontrol",
    ):
        assert words in text, words


def test_statement_date_is_the_commit_or_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700524800")
    assert statement.checked_day(tmp_path) == date(2023, 11, 21)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    # Without it, the commit's date: the same for every build of the commit.
    first = statement.checked_day(REPO)
    assert first is not None and first == statement.checked_day(REPO)
    # Outside a repository there is no date to give, and the page says so.
    assert statement.checked_day(tmp_path) is None


def test_404_page_is_danish_and_works_at_any_depth(site: tuple[str, Path]) -> None:
    base, root = site
    text = (root / "404.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="da"' in text and "Siden findes ikke" in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
        # A server shows 404.html for a missing address deep in the site: its styles and
        # links must still resolve from the site's root.
        tab.route(
            "**/arkiv/moeder/findes-ikke.html",
            lambda route: route.fulfill(
                status=404, body=text, content_type="text/html; charset=utf-8"
            ),
        )
        failed: list[str] = []
        tab.on(
            "response",
            lambda r: (
                failed.append(r.url) if r.status >= 400 and "findes-ikke" not in r.url else None
            ),
        )
        tab.goto(base + "arkiv/moeder/findes-ikke.html")
        tab.screenshot(path=str(SHOTS / "404-phone.png"))
        front = tab.get_attribute("a:text('Gå til forsiden')", "href")
        tab.click("a:text('Gå til forsiden')")
        tab.wait_for_load_state()
        assert tab.url == base + "index.html", front
        browser.close()
    assert failed == []
