"""Previews (meta and og descriptions) and attendance by party, on the repository's site."""

from __future__ import annotations

import csv
import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from kkr.site.descriptions import ELLIPSIS, LIMIT, cut
from kkr.site.parties import PARTIES


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        key = values.get("name") or values.get("property")
        if tag == "meta" and key in ("description", "og:description"):
            self.found[key] = values.get("content") or ""


def _descriptions(page: Path) -> tuple[str, dict[str, str]]:
    raw = page.read_text(encoding="utf-8")
    head = _Head()
    head.feed(raw)
    return raw, head.found


def test_cut_stops_at_a_word_and_says_so() -> None:
    text = "Ord " * 100
    short = cut(text)
    assert len(short) <= LIMIT and short.endswith(ELLIPSIS)
    assert short[: -len(ELLIPSIS)].split() == ["Ord"] * len(short[: -len(ELLIPSIS)].split())
    assert cut("Kort tekst.") == "Kort tekst."
    # The text is cut before it is escaped: an "&" near the limit stays whole.
    near = "a" * (LIMIT - 8) + " R&D og mere tekst"
    assert html.escape(cut(near)).count("&amp;") == cut(near).count("&")


def test_every_page_has_a_clean_description(repository_site: Path) -> None:
    pages = [
        p
        for p in repository_site.rglob("*.html")
        if not p.is_relative_to(repository_site / "_static")
    ]
    bad: list[str] = []
    described = 0
    for page in pages:
        raw, found = _descriptions(page)
        name = page.relative_to(repository_site).as_posix()
        # Escaped once, never cut inside a character reference.
        for tag in re.findall(
            r'<meta (?:name|property)="(?:og:)?description" content="[^"]*"', raw
        ):
            if re.search(r"&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)", tag, re.IGNORECASE):
                bad.append(f"{name}: broken reference in {tag[-60:]}")
        text = found.get("description")
        if text is None:
            continue
        described += 1
        if found.get("og:description") != text:
            bad.append(f"{name}: og:description differs from the description")
        if ",," in text or " ," in text:
            bad.append(f"{name}: garbled: {text[:80]}")
        if len(text) > LIMIT:
            bad.append(f"{name}: {len(text)} characters")
        if not text.endswith((".", ELLIPSIS, "?", "!")):
            bad.append(f"{name}: ends mid-sentence: …{text[-40:]}")
    assert described > 0.9 * len([p for p in pages if p.name not in ("404.html",)]) - 5
    assert bad == [], "\n".join(bad[:30])


def test_person_description_reads_as_sentences(repository_site: Path) -> None:
    _, found = _descriptions(repository_site / "arkiv/personer/soeren-steen-andersen.html")
    assert found["description"].startswith(
        "Søren Steen Andersen. Type: Politiker. Parti: V (Venstre). Kommune: Assens Kommune."
    )


def _rows(section: str) -> list[list[str]]:
    # The search index's hidden folded words are not part of what a cell says.
    section = re.sub(r'<span class="kkr-fold" hidden>[^<]*</span>', "", section)
    out = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", section, re.DOTALL):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
        out.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return out


def _listed(raw: str, anchor: str) -> Counter[str]:
    """Party letters of the people listed in the meeting page's section ``anchor``."""
    start = raw.index(f'id="{anchor}"')
    end = raw.index("</section>", start)
    items = re.findall(r"<li>(.*?)</li>", raw[start:end], re.DOTALL)
    letters: Counter[str] = Counter()
    for item in items:
        text = html.unescape(re.sub(r"<[^>]+>", "", item))
        found = re.search(r"\(([A-ZÆØÅ])[,)]", text)
        letters[found.group(1) if found else ""] += 1
    return letters


@pytest.mark.parametrize("meeting", ["2023-11-21"])
def test_meeting_page_counts_attendance_by_party(repository_site: Path, meeting: str) -> None:
    raw = (repository_site / f"arkiv/moeder/{meeting}.html").read_text(encoding="utf-8")
    present, absent = _listed(raw, "deltagere"), _listed(raw, "afbud")
    assert sum(present.values()) > 10 and sum(absent.values()) > 0
    start = raw.index('id="fremmoede-pr-parti"')
    rows = _rows(raw[start : raw.index("</table>", start)])
    assert rows[0] == ["Parti", "Til stede", "Afbud"]
    table = {row[0]: (int(row[1]), int(row[2])) for row in rows[1:]}
    assert table.pop("I alt") == (sum(present.values()), sum(absent.values()))
    expected = {
        f"{letter} ({PARTIES[letter]})" if letter else "Uden parti oplyst": (
            present[letter],
            absent[letter],
        )
        for letter in set(present) | set(absent)
    }
    assert table == expected
    # The CSV holds the same counts per meeting, and the statistics page their sum.
    with (repository_site / "data/attendance_by_party.csv").open(encoding="utf-8") as f:
        written = {
            r["label"]: (int(r["present"]), int(r["absent"]))
            for r in csv.DictReader(f)
            if r["meeting"] == meeting
        }
    assert written == expected
    stats = (repository_site / "docs/tal-og-tendenser.html").read_text(encoding="utf-8")
    start = stats.index("Fremmøde pr. parti for")
    figure = {
        r[0]: (int(r[1]), int(r[2]))
        for r in _rows(stats[start : stats.index("</table>", start)])[1:]
    }
    assert set(figure) == set(expected)
    assert all(figure[k][0] >= expected[k][0] and figure[k][1] >= expected[k][1] for k in figure)
