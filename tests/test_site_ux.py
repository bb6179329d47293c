"""The built site reads as Danish, sorts in Danish, and tells the reader where they are."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import build, copy_root
from kkr.site.collation import danish_sorted, sort_key
from kkr.site.search_bundle import BundleError, decode, encode, read
from kkr.site.theme import numeric, total
from kkr.site.translations import THEME_TEXTS

pytestmark = pytest.mark.sphinx

DETAIL_DIRS = ("moeder", "personer", "organisationer", "aftaler", "forloeb", "sager", "emner")


class _Ids(HTMLParser):
    """Counts the ids of one page and collects its breadcrumb links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.crumbs: list[str] = []
        self._in_crumbs = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids[str(found["id"])] += 1
        if tag == "nav" and found.get("class") == "kkr-crumbs":
            self._in_crumbs = True
        elif tag == "a" and self._in_crumbs and found.get("href"):
            self.crumbs.append(str(found["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_crumbs = False


@pytest.fixture(scope="module")
def site_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once for this module."""
    result = build(copy_root("test-site", tmp_path_factory.mktemp("ux") / "site"))
    assert result.warnings == ""
    return result.out


def _pages(out: Path) -> list[Path]:
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    return pages


def test_danish_order_puts_aa_last_and_oe_after_z() -> None:
    towns = ["Aabenraa", "Vejle", "Sønderborg", "Ærø", "Svendborg", "Assens", "Zealand"]
    ordered = danish_sorted(towns)
    assert ordered.index("Svendborg") < ordered.index("Sønderborg")
    assert ordered.index("Zealand") < ordered.index("Ærø") < ordered.index("Aabenraa")
    assert ordered[-1] == "Aabenraa"
    assert sort_key("Åbo") > sort_key("Østerby") > sort_key("Zealand")


def test_figures_and_totals_are_recognised() -> None:
    for figure in ("2.498.901", "317.800 kr.", "1,36%", "-4,5 mio. kr.", "113"):
        assert numeric(figure), figure
    for text in ("Socialsekretariatet", "2 af 5", "kr.", ""):
        assert not numeric(text), text
    assert total("I alt") and total("Total (landstal)") and total("Region Syddanmark i alt")
    assert not total("Sjælland") and not total("Altan")


def test_no_id_twice_on_any_page(site_html: Path) -> None:
    for page in _pages(site_html):
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        twice = [name for name, count in parser.ids.items() if count > 1]
        assert twice == [], f"{page.relative_to(site_html)}: {twice}"


def test_theme_speaks_danish(site_html: Path) -> None:
    english = [k for k, v in THEME_TEXTS.items() if k not in v]
    english += ["Link to this heading", "Link to this table", "Made with"]
    for page in _pages(site_html):
        text = page.read_text(encoding="utf-8")
        left = [phrase for phrase in english if phrase in text]
        assert left == [], f"{page.relative_to(site_html)}: {left}"


def test_every_detail_page_has_breadcrumbs_to_its_list(site_html: Path) -> None:
    checked = 0
    for kind in DETAIL_DIRS:
        for page in sorted((site_html / "arkiv" / kind).glob("*.html")):
            if page.stem == "index" or re.fullmatch(r"\d{4}", page.stem):
                continue
            parser = _Ids()
            parser.feed(page.read_text(encoding="utf-8"))
            assert "index.html" in parser.crumbs, page
            checked += 1
    assert checked > 5


def test_meeting_pages_link_their_neighbours_by_date(site_html: Path) -> None:
    meetings = sorted((site_html / "arkiv" / "moeder").glob("????-??-??*.html"))
    assert len(meetings) >= 2
    first, second = meetings[0], meetings[1]
    assert f'rel="next" href="{second.name}"' in first.read_text(encoding="utf-8")
    assert f'rel="prev" href="{first.name}"' in second.read_text(encoding="utf-8")


def test_sidebar_shows_the_detail_page(site_html: Path) -> None:
    page = next((site_html / "arkiv" / "personer").glob("*.html"))
    if page.stem == "index":
        page = sorted((site_html / "arkiv" / "personer").glob("*.html"))[-1]
    text = page.read_text(encoding="utf-8")
    sidebar = text[text.index('class="sidebar-tree"') :]
    assert f'kkr-here"><a class="reference internal current" href="{page.name}"' in sidebar


def test_theme_links_have_targets(site_html: Path) -> None:
    # Sphinx and Furo link the current page, its heading and "back to top" as "#".
    for page in _pages(site_html):
        assert 'href="#"' not in page.read_text(encoding="utf-8"), page.relative_to(site_html)


def test_pagefind_bundle_values_round_trip() -> None:
    value = ["emne", [["Vækst og beskæftigelse", [0, 23, 300, 70000]], ["Klima", []]]]
    data = encode(value)
    assert decode(data) == (value, len(data))
    with pytest.raises(BundleError):
        decode(bytes([0xA1, 0x00, 0x00]))  # a CBOR map: not in Pagefind's filter files


def test_search_bundle_is_sorted(site_html: Path) -> None:
    bundle = site_html / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta = read(bundle / f"pagefind.{language['hash']}.pf_meta")
        names = [name for name, _ in meta[3]]
        assert names == sorted(names) and {"type", "år"} <= set(names)
        for _, file_hash in meta[3]:
            values = [value for value, _ in read(bundle / "filter" / f"{file_hash}.pf_filter")[1]]
            assert values == sorted(values)
