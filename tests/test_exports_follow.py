"""The calendar, parsed back with icalendar, and every Atom feed, parsed with feedparser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from exports_support import BASE, REPO, write_exports
from icalendar import Calendar
from kkr.bench import archive
from kkr.changes import history
from kkr.checks.corpus import load_corpus
from kkr.exports import feeds
from kkr.site.status import shown_status

from schema.meeting import Meeting

RECORDS = REPO / "records"
EPOCH = 1700000000


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exports of the real records with a fixed SOURCE_DATE_EPOCH."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
        return write_exports(RECORDS, tmp_path_factory.mktemp("follow"))


def _meetings() -> list[Meeting]:
    entries = load_corpus(RECORDS).entries("meeting")
    return [e.record for e in entries if isinstance(e.record, Meeting)]


def test_the_calendar_holds_every_meeting_as_the_records_say(out: Path) -> None:
    cal = Calendar.from_ical((out / "kalender" / "moeder.ics").read_bytes())
    zones = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
    assert zones == ["Europe/Copenhagen"]
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    meetings = _meetings()
    assert len(events) == len(meetings)
    for meeting in meetings:
        event = next(
            e for uid, e in events.items() if uid.startswith(f"{meeting.body}-{meeting.id}@")
        )
        start = event.decoded("DTSTART")
        if meeting.start_time:
            assert str(start.tzinfo) == "Europe/Copenhagen"
            assert start.strftime("%Y-%m-%d %H:%M") == f"{meeting.date} {meeting.start_time}"
        else:
            assert start == meeting.date
        # No end is invented: the sources give only start times.
        assert "DTEND" not in event and "DURATION" not in event
        assert event.decoded("DTSTAMP") == datetime.fromtimestamp(EPOCH, UTC)
        assert str(event["URL"]) == f"{BASE}arkiv/moeder/{meeting.id}.html"
        shown = shown_status(meeting, datetime.fromtimestamp(EPOCH, UTC).date())
        # Planned, also a past meeting without documents ("Planlagt til …"): tentative.
        assert str(event["STATUS"]) == (
            "TENTATIVE" if shown.startswith("Planlagt") else "CONFIRMED"
        )
        if meeting.place:
            assert str(event["LOCATION"]) == meeting.place
        description = str(event["DESCRIPTION"])
        for item in meeting.items:
            assert (item.toc_title or item.title) in description
        single = Calendar.from_ical((out / "kalender" / f"{meeting.id}.ics").read_bytes())
        assert [str(e["UID"]) for e in single.walk("VEVENT")] == [str(event["UID"])]


def test_every_feed_parses_with_ids_links_and_no_empty_field(out: Path) -> None:
    feeds = sorted((out / "feeds").rglob("*.xml"))
    assert len(feeds) >= 4
    dates = {m.id for m in _meetings()}
    found = history.read(REPO / "records")
    commits = [c.commit.when for cs in found.changes.values() for c in cs]
    # Without history (a shallow clone) entries are dated by their meeting's day.
    first = min(commits, default=datetime(1900, 1, 1, tzinfo=UTC))
    last = max(commits, default=datetime(2100, 1, 1, tzinfo=UTC))
    seen_ids: set[str] = set()
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        feed = parsed.feed
        assert feed.id.startswith("tag:") and feed.id not in seen_ids
        seen_ids.add(feed.id)
        assert feed.title.strip() and feed.updated_parsed
        links = {link.rel: link.href for link in feed.links}
        assert links["self"] == BASE + str(path.relative_to(out))
        assert links["alternate"].startswith(BASE)
        entry_ids = [e.id for e in parsed.entries]
        assert len(entry_ids) == len(set(entry_ids))
        for entry in parsed.entries:
            assert entry.id.startswith("tag:") and entry.title.strip()
            assert entry.link.startswith(BASE + "arkiv/moeder/")
            assert entry.content[0].value.strip()
            meeting = entry.link.rsplit("/", 1)[1].split(".")[0]
            assert meeting in dates
            # The date is the commit that added the entry, never the build clock: within the
            # records' history, entries of one commit a second apart (docs/oparl.md).
            when = datetime.fromisoformat(entry.updated)
            assert first <= when <= last + timedelta(seconds=len(parsed.entries)), entry.id
            if "/punkt/" in entry.id:
                assert "#punkt-" in entry.link


def test_a_feed_holds_the_latest_entries_only(tmp_path: Path) -> None:
    site = archive.generate(tmp_path / "site", archive.Size(feeds.LATEST + 40, 10))
    out = write_exports(site / "records", tmp_path / "out")
    parsed = feedparser.parse((out / "feeds" / "beslutninger.xml").read_bytes())
    decided = sorted(
        (m.date, m.id, i.number)
        for e in load_corpus(site / "records").entries("meeting")
        if isinstance(m := e.record, Meeting)
        for i in m.items
        if i.beslutning
    )
    assert len(decided) > feeds.LATEST
    assert len(parsed.entries) == feeds.LATEST
    # The oldest decision is left out, the newest is there.
    links = {entry.link for entry in parsed.entries}
    newest, oldest = decided[-1], decided[0]
    assert any(f"{newest[1]}.html#punkt-{newest[2].replace('.', '-')}" in link for link in links)
    assert not any(
        f"{oldest[1]}.html#punkt-{oldest[2].replace('.', '-')}" in link for link in links
    )
