"""The exports in a built site: Data and statistics pages, links, JSON-LD, sitemap, OpenGraph."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import Build, build, copy_root
from exports_support import REPO
from kkr.checks.corpus import load_corpus
from kkr.site.links import build as build_links
from pyld import jsonld

BASE = "https://kkr.example.org/site/"
PAGES = ("docs/data", "docs/tal-og-tendenser", "docs/oparl", "docs/byggeriet")
CONF = f"""
html_baseurl = {BASE!r}
extensions += ["sphinx_sitemap", "sphinxext.opengraph"]
sitemap_url_scheme = "{{link}}"
ogp_site_url = html_baseurl
ogp_social_cards = {{"enable": False}}
kkr_menu = (*kkr_menu, *{PAGES!r})
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The test site with the real Data, statistics and OParl pages, built once."""
    src = copy_root("test-site", tmp_path_factory.mktemp("exports") / "site")
    # docs/ydeevne is not in the menu (it is an orphan page) but docs/byggeriet links to it.
    for page in (*PAGES, "docs/ydeevne"):
        shutil.copy(REPO / f"{page}.md", src / f"{page}.md")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(CONF)
    return build(src)


def _html(site: Build, page: str) -> str:
    return (site.out / f"{page}.html").read_text(encoding="utf-8")


def _target(site: Build, page: str, href: str) -> Path:
    return (site.out / page).parent / unescape(href)


def test_the_build_is_clean(site: Build) -> None:
    assert site.warnings == ""


def test_the_data_page_lists_every_download_with_its_measured_size(site: Build) -> None:
    html = _html(site, "docs/data")
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    listed = []
    for row in rows:
        href = re.search(r'href="([^"]+)"', row)
        size = re.search(r"(\d+,\d) kB", row)
        assert href and size, row
        path = _target(site, "docs/data", href.group(1))
        listed.append(path.name)
        if path.suffix == ".html":
            # Many feeds: the link goes to the list of pages that each offer one.
            assert path.is_file()
            continue
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        measured = sum(p.stat().st_size for p in files)
        if path.name == "system.json":
            measured = sum(p.stat().st_size for p in path.parent.rglob("*.json"))
        assert f"{measured / 1024:.1f}".replace(".", ",") == size.group(1), path
    for name in ("meetings.csv", "attendance.csv", "datapackage.json", "kkr-syddanmark.db"):
        assert name in listed


def test_every_chart_has_its_file_text_alternative_and_table(site: Build) -> None:
    html = _html(site, "docs/tal-og-tendenser")
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', html)
    assert images
    for src, alt in images:
        svg = _target(site, "docs/tal-og-tendenser", src)
        assert svg.read_bytes().startswith(b"<?xml") and alt.strip()
    assert html.count("<table") >= len(images)
    assert "Kun møder med oplyst fremmøde tæller" in html


def test_the_data_page_is_about_the_data_and_build_details_are_on_the_build_page(
    site: Build,
) -> None:
    internals = ("SOURCE_DATE_EPOCH", "KKR_BASE_URL", "html_baseurl", "Workflow")
    data, builder = _html(site, "docs/data"), _html(site, "docs/byggeriet")
    assert not [word for word in internals if word in data]
    assert all(word in builder for word in internals)
    assert "byggeriet.html" in data


def test_statistics_speak_as_the_pages_do(site: Build) -> None:
    corpus = load_corpus(Path(site.app.srcdir) / "records")
    names = build_links(corpus).names
    html = _html(site, "docs/tal-og-tendenser")
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    commitments = [(k, v) for (kind, k), v in names.items() if kind == "commitment"]
    assert commitments, "the test site needs a work plan"
    for key, label in commitments:
        assert label in text
        assert f"({key.split('/')[-1]})" not in text, key
    assert "tilsagn" not in text.lower()
    # Dates in Danish words, never "2020-07"; counts on whole-number ticks with no decimal point.
    assert not re.search(r"\b\d{4}-\d{2}\b", text.split("Aftalerne på en tidslinje", 1)[1])
    for src in re.findall(r'<img src="([^"]+)"', html):
        svg = _target(site, "docs/tal-og-tendenser", src).read_text(encoding="utf-8")
        ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert ticks and not [t for t in ticks if re.fullmatch(r"-?\d+\.\d+", t.strip())], src


def _jsonld(html: str) -> Any:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def _loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    # Offline: schema.org's context maps every term into its vocabulary.
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    context = {"@context": {"@vocab": "https://schema.org/"}}
    return {"contextUrl": None, "documentUrl": url, "document": context}


def test_a_meeting_page_has_event_markup_and_a_calendar_link(site: Build) -> None:
    page = "arkiv/moeder/2023-11-21"
    html = _html(site, page)
    expanded = jsonld.expand(_jsonld(html), {"documentLoader": _loader})
    assert len(expanded) == 1
    event = expanded[0]
    schema = "https://schema.org/"
    assert event["@type"] == [schema + "Event"]
    assert event["@id"] == f"{BASE}{page}.html#moede"
    assert event[schema + "startDate"][0]["@value"] == "2023-11-21T09:00:00+01:00"
    assert event[schema + "url"][0]["@value"] == f"{BASE}{page}.html"
    assert "Fordeling af flygtninge 2024" in event[schema + "description"][0]["@value"]
    link = re.search(r'<a href="([^"]+)" download>Tilføj til kalender</a>', html)
    assert link
    ics = _target(site, page, link.group(1)).read_text(encoding="utf-8")
    assert "UID:kkr-syddanmark-2023-11-21@" in ics


def test_the_front_page_offers_the_calendar_subscription(site: Build) -> None:
    html = _html(site, str(site.app.config.root_doc))
    link = re.search(r'<a href="(webcal://[^"]+)">Abonnér på mødekalenderen</a>', html)
    assert link and link.group(1) == BASE.replace("https://", "webcal://") + "kalender/moeder.ics"
    assert (site.out / "kalender" / "moeder.ics").is_file()


@pytest.mark.parametrize("page", ["arkiv/forloeb/flygtningefordeling", "arkiv/emner/integration"])
def test_matter_and_topic_pages_advertise_and_offer_their_feed(site: Build, page: str) -> None:
    html = _html(site, page)
    head = html.split("</head>")[0]
    feeds = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" [^>]*href="([^"]+)"', head
    )
    follow = re.search(r'<a href="([^"]+)" title="[^"]+">Følg</a>', html)
    assert follow and follow.group(1) in feeds
    for href in feeds:
        assert _target(site, page, href).read_bytes().startswith(b"<?xml")
    assert len(feeds) == 3


def test_every_page_has_description_metadata_and_is_in_the_sitemap(site: Build) -> None:
    sitemap = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    skipped = ("search.html", "genindex.html", "404.html")
    pages = [p for p in site.out.rglob("*.html") if p.name not in skipped]
    assert pages
    for path in pages:
        name = path.relative_to(site.out).as_posix()
        html = path.read_text(encoding="utf-8")
        assert f"{BASE}{name}" in listed, name
        assert '<meta property="og:title"' in html, name
        assert f'<meta property="og:url" content="{BASE}{name}"' in html, name
        assert re.search(r'<meta name="description" content="[^"]+"', html), name


def test_every_link_back_to_the_site_reaches_a_page_and_anchor(site: Build) -> None:
    """OParl web links, feed entries and calendar URLs point at pages (and anchors) that exist."""
    pattern = re.compile(re.escape(BASE) + r'[^"\s<>\\]+')
    checked = 0
    for folder in ("oparl", "feeds", "kalender"):
        for path in (site.out / folder).rglob("*.*"):
            # iCalendar folds long lines; unfold them before looking for URLs.
            text = path.read_text(encoding="utf-8").replace("\r\n ", "").replace("\n ", "")
            for url in set(pattern.findall(text)):
                page, _, anchor = url.removeprefix(BASE).partition("#")
                if not page.endswith(".html"):
                    continue
                target = site.out / page
                assert target.is_file(), f"{path.name}: {url}"
                if anchor:
                    assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), url
                checked += 1
    assert checked > 0
