"""A reader's questions, answered on the built site of the real records by navigation and search.

The site is built with a fixed SOURCE_DATE_EPOCH (1 December 2023), so "next meeting" has
one right answer. Expected values come from the records, not from the pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browser_support import (
    DESKTOP,
    PHONE,
    SHOTS,
    chromium,
    front,
    open_page,
    real_site,
    search,
)
from conftest import REPO
from kkr.checks.corpus import load_corpus
from kkr.site.dates import long_date
from playwright.sync_api import Page

from schema.contract import Contract
from schema.meeting import Meeting
from schema.person import Person
from schema.workplan import WorkPlan

pytestmark = pytest.mark.browser

BUILT_ON = datetime(2023, 12, 1, tzinfo=UTC)
CORPUS = load_corpus(REPO / "records")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real records, built as of 1 December 2023 and served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("reader")
    with real_site(tmp, BUILT_ON) as served:
        yield served


@pytest.fixture
def page() -> Iterator[Page]:
    """A desktop-sized Chromium tab that fails on console errors."""
    with chromium(DESKTOP) as tab:
        yield tab


# The text a search result stands for: its section (or the article) without link lists.
CONTENT = """anchor => {
    const where = anchor ? document.getElementById(anchor) : document.querySelector('article');
    if (!where) return '';
    const copy = where.cloneNode(true);
    copy.querySelectorAll('.kkr-links, .headerlink').forEach(el => el.remove());
    return copy.textContent;
}"""


@pytest.mark.parametrize("query", ["botilbud", "flygtninge"])
def test_search_results_are_content_not_links_or_build_notes(
    page: Page, site: tuple[str, Path], query: str
) -> None:
    """Each result holds the word in its own text: no developer page, no list of links."""
    results = search(page, site[0], query)
    assert results
    for result in results:
        address = result["url"].split("#")[0]
        anchor = result["url"].split("#")[1] if "#" in result["url"] else ""
        assert "/docs/byggeriet" not in address and "/docs/reference/" not in address, result
        open_page(page, address)
        text = page.evaluate(CONTENT, anchor).casefold()
        assert query in text, result


def _follow(page: Page, selector: str) -> None:
    """Click the first link matching ``selector`` and wait for the new page."""
    href = page.locator(selector).first.get_attribute("href") or ""
    open_page(page, urljoin(page.url, href))


def _meetings() -> list[Meeting]:
    found = [e.record for e in CORPUS.entries("meeting") if isinstance(e.record, Meeting)]
    return sorted(found, key=lambda m: m.date)


def test_refugees_2022_and_vejle(page: Page, site: tuple[str, Path]) -> None:
    """What did KKR decide about distributing refugees for 2022, and how many went to Vejle?"""
    results = search(page, site[0], "flygtninge 2022")
    hit = next(r for r in results if "Fordeling af flygtninge 2022" in r["title"])
    open_page(page, hit["url"])
    anchor = hit["url"].rsplit("#", 1)[1]
    item = page.locator(f"[id='{anchor}']")
    text = item.inner_text()
    # Only the agenda is registered: the page says so where the decision would stand.
    assert "Beslutningen foreligger ikke" in text
    row = item.locator("tr", has_text="Vejle").first.inner_text()
    assert row.split()[-1] == "10"


def test_fgu_board_2023_appointment_and_whom_replaced(page: Page, site: tuple[str, Path]) -> None:
    """Who was appointed to the FGU Danmark board in 2023, and whom did they replace?"""
    results = search(page, site[0], "FGU Danmark", type="Organisation")
    hit = next(r for r in results if r["title"] == "FGU Danmark")
    open_page(page, hit["url"])
    text = page.inner_text("article")
    assert "Flemming Neperus" in text
    assert "afløste Lone Myrhøj" in text
    assert long_date(date(2023, 11, 21)) in text


def test_sdeo_contracts_and_until_when(page: Page, site: tuple[str, Path]) -> None:
    """Which contracts run with SDEO, and until when?"""
    results = search(page, site[0], "SDEO", type="Aftale")
    contracts = [
        e.record
        for e in CORPUS.entries("contract")
        if isinstance(e.record, Contract) and "syddansk-eu-kontor" in e.record.parties
    ]
    assert contracts
    titles = {r["title"] for r in results}
    for contract in contracts:
        assert contract.title in titles
        hit = next(r for r in results if r["title"] == contract.title)
        open_page(page, hit["url"])
        period = page.locator(".kkr-fields", has_text="Periode").first.inner_text()
        assert str(contract.period.end or contract.period.start)[:4] in period


def test_items_behind_each_commitment(page: Page, site: tuple[str, Path]) -> None:
    """Which items advanced each commitment of the work plan?"""
    plan = max(
        (e.record for e in CORPUS.entries("workplan") if isinstance(e.record, WorkPlan)),
        key=lambda p: p.date,
    )
    open_page(page, front(site[0]))
    _follow(page, "#arbejdsgrundlaget a[href*='fremdrift']")
    commitments = [c for area in plan.areas for c in area.commitments]
    rows = page.locator("article .kkr-commitment", has=page.locator("a[href*='#maal-']"))
    # One overview: every commitment, each with its status and, if advanced, the items.
    assert rows.count() == len(commitments)
    advanced = 0
    for row in rows.all():
        text = row.inner_text()
        assert "Endnu ikke fremmet" in text or "Fremmet" in text, text
        if "Endnu ikke fremmet" not in text:
            advanced += 1
            assert row.locator("a[href*='moeder/'][href*='#punkt-']").count() > 0, text
    assert advanced > 0


def test_next_meeting_as_of_the_build_date(page: Page, site: tuple[str, Path]) -> None:
    """When is the next meeting, as of the build date, and what is expected on its agenda?"""
    upcoming = [m for m in _meetings() if m.date > BUILT_ON.date()]
    open_page(page, front(site[0]))
    box = page.inner_text("#naeste-moede")
    if not upcoming:
        assert "ingen" in box.lower()
        return
    nxt = upcoming[0]
    assert long_date(nxt.date) in box
    _follow(page, "#naeste-moede a[href*='moeder/']")
    text = page.inner_text("article")
    assert "Planlagt" not in text or nxt.date > BUILT_ON.date()
    promised = [
        p.text
        for m in _meetings()
        for item in m.items
        for p in item.promised
        if p.meeting == nxt.id
    ]
    assert "Punkter til næste møde" in text
    for expected in promised:
        assert expected in text


def test_attendance_21_november_2023(page: Page, site: tuple[str, Path]) -> None:
    """Who attended on 21 November 2023, with party and municipality?"""
    meeting = next(m for m in _meetings() if m.date == date(2023, 11, 21))
    open_page(page, front(site[0]))
    _follow(page, ".sidebar-tree a[href*='moeder/index']")
    _follow(page, "article a[href$='2023.html']")
    _follow(page, f"article a[href$='{meeting.id}.html']")
    present = page.inner_text("#deltagere")
    people = {e.record.id: e.record for e in CORPUS.entries("person")}
    for person_id in meeting.present:
        person = people[person_id]
        assert isinstance(person, Person)
        line = next(row for row in present.splitlines() if person.name in row)
        if person.party:
            assert person.party in line
        if person.municipality:
            municipality = CORPUS.get("organization", person.municipality)
            assert municipality is not None
            assert str(getattr(municipality.record, "name", "")).replace(" Kommune", "") in line


def test_attendance_by_party_21_november_2023(page: Page, site: tuple[str, Path]) -> None:
    """How many of each party attended on 21 November 2023, and how many sent apologies?"""
    meeting = next(m for m in _meetings() if m.date == date(2023, 11, 21))
    people = {e.record.id: e.record for e in CORPUS.entries("person")}
    expected: dict[str, list[int]] = {}
    for who, column in [(p, 0) for p in meeting.present] + [(p, 1) for p in meeting.absent]:
        person = people[who]
        party = person.party if isinstance(person, Person) and person.party else ""
        expected.setdefault(party, [0, 0])[column] += 1
    open_page(page, site[0] + f"arkiv/moeder/{meeting.id}.html")
    rows = page.locator("#fremmoede-pr-parti tbody tr").all_inner_texts()
    cells = [[c.strip() for c in r.split("\t")] for r in rows]
    shown = {c[0]: [int(n) for n in c[1:]] for c in cells}
    total = shown.pop("I alt")
    assert total == [len(meeting.present), len(meeting.absent)]
    assert {k.split(" ")[0] if "(" in k else "": v for k, v in shown.items()} == expected


def test_a_name_typed_without_danish_letters(page: Page, site: tuple[str, Path]) -> None:
    """Who is "Soren Steen Andersen", typed without ø?"""
    results = search(page, site[0], "Soren Steen Andersen")
    assert results[0]["title"] == "Søren Steen Andersen"
    open_page(page, results[0]["url"])
    assert "Søren Steen Andersen" in page.inner_text("h1")


def test_sdeo_matter_step_by_step(page: Page, site: tuple[str, Path]) -> None:
    """How did the SDEO matter develop, step by step, with outcomes?"""
    results = search(page, site[0], "SDEO", type="Forløb")
    open_page(page, results[0]["url"])
    steps = page.locator("#tidslinje ol > li").all_inner_texts()
    matter = CORPUS.get("matter", "sdeo-resultatkontrakt")
    assert matter is not None
    refs: list[str] = list(getattr(matter.record, "items", []))
    assert len(steps) == len(refs)
    items = {f"{m.id}/{item.number}": item for m in _meetings() for item in m.items}
    for ref, step in zip(refs, steps, strict=True):
        decision = (items[ref].beslutning or "").strip()
        # The outcome of each step: the decision's opening words, or that only the agenda is known.
        expected = " ".join(decision.split()[:4]) if decision else "dagsorden"
        assert expected in " ".join(step.split()), (ref, step)


def test_lists_sort_in_danish_order(page: Page, site: tuple[str, Path]) -> None:
    """Æ, Ø and Å after Z, "Aa" as Å: Aabenraa last, Sønderborg after Svendborg."""
    open_page(page, front(site[0]))
    _follow(page, ".sidebar-tree a[href*='organisationer/index']")
    names = page.locator("article li a").all_inner_texts()
    position = {name: at for at, name in enumerate(names)}
    assert position["Aabenraa Kommune"] > position["Vejle Kommune"]
    assert position["Aabenraa Kommune"] > position["Ærø Kommune"]
    assert position["Sønderborg Kommune"] > position["Svendborg Kommune"]


def test_meeting_list_shows_every_year(page: Page, site: tuple[str, Path]) -> None:
    """Every year with meetings has its page; a year between them without any says so."""
    years = {m.date.year for m in _meetings()}
    open_page(page, front(site[0]))
    _follow(page, ".sidebar-tree a[href*='moeder/index']")
    text = page.inner_text("article")
    for year in range(min(years), max(years) + 1):
        if year in years:
            assert page.locator(f"article a[href$='{year}.html']").count() > 0, year
        else:
            assert f"{year}: ingen møder registreret" in text


PAGES = {
    "forside": "",
    "moede": "arkiv/moeder/2023-11-21.html",
    "punkt": "arkiv/moeder/2023-11-21.html#punkt-2-6",
    "person": "arkiv/personer/lone-myrhoej.html",
    "organisation": "arkiv/organisationer/fgu-danmark.html",
    "kommune": "arkiv/organisationer/vejle-kommune.html",
    "aftale": "arkiv/aftaler/sdeo-resultatkontrakt-2022-2023.html",
    "arbejdsgrundlag": "arkiv/arbejdsgrundlag/2022-2026/fremdrift.html",
    "soegning": "search.html?q=botilbud",
}


@pytest.mark.parametrize(("width", "viewport"), [("1366", DESKTOP), ("390", PHONE)])
def test_screenshots(site: tuple[str, Path], width: str, viewport: dict[str, int]) -> None:
    """Screenshots of every page type for people to look at, under _build/screenshots/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    base, _ = site
    with chromium(viewport) as page:
        for name, path in PAGES.items():
            open_page(page, front(base) if not path else base + path.split("#")[0])
            if name == "soegning":
                page.wait_for_selector("#kkr-search-results li")
            target = SHOTS / f"{name}-{width}.png"
            if "#" in path:
                page.locator(f"[id='{path.split('#')[1]}']").screenshot(path=str(target))
            else:
                page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 0


OVERFLOW = """() => {
    const wide = document.documentElement.scrollWidth - window.innerWidth;
    const broken = [];
    const headings = document.querySelectorAll('article :is(h1, h2, h3, h4)');
    for (const heading of headings) {
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            // A hyphenated word ("SAG-2023-04719", "2021-2022", "Schmidt-Hansen") is one word:
            // a heading that breaks it after the hyphen is broken too.
            for (const match of node.textContent.matchAll(/[^\\s\u2013]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(match[0]);
            }
        }
    }
    const unmarked = [...document.querySelectorAll('.table-wrapper')]
        .filter(box => box.scrollWidth > box.clientWidth + 1)
        .filter(box => !box.nextElementSibling?.classList.contains('kkr-scroll-hint'))
        .length;
    const left = [...document.querySelectorAll('td.kkr-num')]
        .filter(td => getComputedStyle(td).textAlign !== 'right').length;
    // Content wider than the screen counts, unless it is inside a table's own scroll box
    // (Furo's content column scrolls too, but a page that scrolls sideways is overflow).
    const scrolls = el => el.matches('.table-wrapper, pre, .math-wrapper')
        && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const clipped = [...document.querySelectorAll('article *')].filter(el => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= window.innerWidth + 1) return false;
        for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return false;
        return true;
    }).map(el => el.tagName + ' ' + el.textContent.slice(0, 40)).slice(0, 3);
    const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
    const twice = [...new Set(ids.filter((id, at) => ids.indexOf(id) !== at))];
    return {wide, broken, unmarked, left, clipped, twice};
}"""


def _every_page(out: Path) -> list[str]:
    """Every HTML page of the site (about 30 s for 230 pages), and a search with results."""
    pages = [str(p.relative_to(out)) for p in sorted(out.rglob("*.html"))]
    return [*pages, "search.html?q=flygtninge"]


def test_nothing_overflows_on_a_phone(site: tuple[str, Path]) -> None:
    """At 390 px, on every page: nothing wider than the screen, no word broken in a heading,
    every table that scrolls says so, figures align right, and no id appears twice."""
    base, out = site
    problems: list[str] = []
    with chromium(PHONE) as page:
        for path in _every_page(out):
            open_page(page, base + path)
            if "?q=" in path:
                page.wait_for_selector("#kkr-search-results li")
            page.wait_for_load_state("load")
            found = page.evaluate(OVERFLOW)
            faults = [k for k in ("broken", "unmarked", "left", "clipped", "twice") if found[k]]
            if found["wide"] > 0 or faults:
                problems.append(f"{path}: {found}")
    assert problems == [], "\n".join(problems)
