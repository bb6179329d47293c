"""One rule for an item's title in every format, and Atom entries dated distinctly."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import feedparser
import pytest
from exports_support import REPO, write_exports
from icalendar import Calendar
from kkr.checks.corpus import load_corpus
from kkr.exports import jsonld
from kkr.exports.context import ExportContext
from kkr.site.links import display_title

SPEC = "https://schema.oparl.org/1.1/"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every export of the real records."""
    return write_exports(REPO / "records", tmp_path_factory.mktemp("titles"))


def _formats(out: Path) -> dict[str, dict[str, str]]:
    """Each format's title of each item, keyed by the item's reference (2023-11-21/2.1)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for path in (out / "oparl" / "agendaitem").glob("*.json"):
        obj = json.loads(path.read_text(encoding="utf-8"))
        if not obj.get("deleted"):
            meeting = obj["meeting"].rsplit("/", 1)[-1].removesuffix(".json")
            found["oparl"][f"{meeting}/{obj['number']}"] = obj["name"]
    for path in (out / "oparl" / "paper").glob("*.json"):
        obj = json.loads(path.read_text(encoding="utf-8"))
        if not obj.get("deleted"):
            found["oparl-paper"][obj["kkr:itemReference"]] = obj["name"]
    with (out / "data" / "items.csv").open(encoding="utf-8") as rows:
        found["csv"] = {row["id"]: row["title"] for row in csv.DictReader(rows)}
    with sqlite3.connect(out / "data" / "kkr-syddanmark.db") as db:
        found["sqlite"] = dict(db.execute("SELECT id, title FROM items"))
    corpus = load_corpus(REPO / "records")
    ctx = ExportContext.create(corpus, None, "arkiv")
    for meeting in ctx.meetings():
        numbers = {i.number for i in meeting.items}
        text = (out / "kalender" / f"{meeting.id}.ics").read_bytes()
        event = next(iter(Calendar.from_ical(text).walk("VEVENT")))
        lines = str(event.get("DESCRIPTION", "")).splitlines()
        for number, title in (line.split(" ", 1) for line in lines if " " in line):
            if number in numbers:
                found["ical"][f"{meeting.id}/{number}"] = title
        described = jsonld.event(ctx, meeting).get("description", "")
        for part in described.removeprefix("Dagsorden: ").split("; "):
            number, _space, title = part.partition(" ")
            if number in numbers:
                found["jsonld"][f"{meeting.id}/{number}"] = title
        for item in meeting.items:
            found["site"][f"{meeting.id}/{item.number}"] = display_title(item)
    feed = feedparser.parse((out / "feeds" / "beslutninger.xml").read_bytes())
    for entry in feed.entries:
        ref = entry.id.rsplit("punkt/", 1)[-1]
        found["atom"][ref] = entry.title.split(": ", 1)[1].split(" ", 1)[1]
    return found


def test_every_format_gives_an_item_the_same_title(out: Path) -> None:
    found = _formats(out)
    site = found["site"]
    # The records hold an item whose heading and table of contents differ: the case at stake.
    assert site["2023-11-21/2.1"].startswith("Temarække")
    for name, titles in found.items():
        assert titles, name
        differing = {ref: (title, site[ref]) for ref, title in titles.items() if title != site[ref]}
        assert differing == {}, name


def test_atom_entries_have_distinct_updated_dates(out: Path) -> None:
    feeds = sorted((out / "feeds").rglob("*.xml"))
    assert feeds
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        dates = [entry.updated for entry in parsed.entries]
        assert len(dates) == len(set(dates)), path.name


def test_json_ld_events_have_a_location_where_the_record_has_a_place() -> None:
    ctx = ExportContext.create(load_corpus(REPO / "records"), None, "arkiv")
    placed = [m for m in ctx.meetings() if m.place]
    assert placed
    for meeting in ctx.meetings():
        event = jsonld.event(ctx, meeting)
        if meeting.place:
            assert event["location"]["name"] == meeting.place
        else:
            # No place in the record: no location is claimed.
            assert "location" not in event
