"""Atom feeds to follow the council: documents, decisions, one per matter and one per topic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial
from itertools import pairwise

from feedgen.feed import FeedGenerator

from kkr.changes import timeline
from kkr.exports.context import ZONE, ExportContext, item_ref
from kkr.exports.license import statement
from kkr.site import labels, paths
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo, display_title
from schema.base import Record
from schema.matter import Matter
from schema.meeting import Meeting
from schema.topic import Topic

DIR = "feeds"
LATEST = 100
"""Entries a feed file holds, the newest: with every decision ever, the decisions feed of an
archive of 9,000 items was 4 MB, which every feed reader would fetch again and again. The
whole archive is in the data downloads and on the pages."""
TAG = "tag:kkr-vidensbase,2024:"


@dataclass(frozen=True)
class Entry:
    """One feed entry: a stable id, a Danish title, the item or meeting link and its date.

    ``when`` is the meeting's day, used where git has no history; ``meeting`` and ``since``
    say which commit added the entry: the first in which the meeting record had the document
    (``since`` "document"), the item's decision ("decision:2.4") or the item ("item:2.4").
    """

    key: str
    title: str
    link: str
    when: datetime
    text: str
    meeting: str = ""
    since: str = ""


@dataclass(frozen=True)
class Feed:
    """A feed: its file, Danish title, the page it follows and its entries, oldest first."""

    path: str
    title: str
    page: str
    entries: list[Entry]


def _when(meeting: Meeting) -> datetime:
    # The records date a document by its meeting; midnight Copenhagen time on that day.
    return datetime.combine(meeting.date, time(0, 0), tzinfo=ZONE)


def _item_entry(ctx: ExportContext, info: ItemInfo, prefix: str = "") -> Entry:
    item = info.item
    title = display_title(item)
    text = item.beslutning or item.indstilling or item.baggrund or title
    since = "decision" if prefix else "item"
    return Entry(
        f"punkt/{item_ref(info.meeting, item)}",
        f"{prefix}{long_date(info.date)}: {item.number} {title}",
        ctx.item_url(info.meeting, item),
        _when(info.meeting),
        text.strip() or title,
        info.meeting.id,
        f"{since}:{item.number}",
    )


def documents(ctx: ExportContext) -> Feed:
    """A meeting's agenda or minutes, as the records have it."""
    entries = []
    for meeting in ctx.meetings():
        if meeting.document is None:
            continue
        kind = labels.label(labels.DOCUMENT, meeting.document)
        titles = "\n".join(f"{i.number} {display_title(i)}" for i in meeting.items)
        entries.append(
            Entry(
                f"moede/{meeting.id}/{meeting.document.value}",
                f"{kind}: møde {long_date(meeting.date)}",
                ctx.page_url("meeting", meeting.id),
                _when(meeting),
                titles or kind,
                meeting.id,
                "document",
            )
        )
    return Feed(f"{DIR}/dagsordener-og-referater.xml", "Nye dagsordener og referater", "", entries)


def decisions(ctx: ExportContext) -> Feed:
    """Every item with a printed decision."""
    entries = [
        _item_entry(ctx, ctx.links.items[item_ref(m, i)], "Beslutning ")
        for m, i in ctx.items()
        if i.beslutning and i.beslutning.strip()
    ]
    return Feed(f"{DIR}/beslutninger.xml", "Beslutninger", "", entries)


def _followed(ctx: ExportContext, kind: str, record_id: str, title: str, refs: list[str]) -> Feed:
    # One entry per item, oldest first, whichever way the record lists them.
    infos = sorted(
        {r: ctx.links.items[r] for r in refs if r in ctx.links.items}.values(),
        key=lambda info: (info.date, info.ref),
    )
    return Feed(
        f"{DIR}/{paths.DIRS[kind]}/{record_id}.xml",
        title,
        paths.page(ctx.prefix, kind, record_id),
        [_item_entry(ctx, info) for info in infos],
    )


def matter_feed(ctx: ExportContext, matter: Matter) -> Feed:
    """The items of one matter."""
    return _followed(ctx, "matter", matter.id, f"Forløb: {matter.title}", list(matter.items))


def topic_feed(ctx: ExportContext, topic: Topic) -> Feed:
    """The items on one topic."""
    refs = [info.ref for info in ctx.links.by_topic.get(topic.id, [])]
    return _followed(ctx, "topic", topic.id, f"Emne: {topic.name}", refs)


def all_feeds(ctx: ExportContext) -> list[Feed]:
    """Every feed: the two site-wide ones first."""
    out = [documents(ctx), decisions(ctx)]
    out += [
        matter_feed(ctx, e.record)
        for e in ctx.corpus.entries("matter")
        if isinstance(e.record, Matter)
    ]
    out += [
        topic_feed(ctx, e.record)
        for e in ctx.corpus.entries("topic")
        if isinstance(e.record, Topic)
    ]
    return [f for f in out if paths.safe_id(f.path.rsplit("/", 1)[-1].removesuffix(".xml"))]


def _has(since: str, record: Record) -> bool:
    """Whether this version of the meeting record holds what the entry announces."""
    if since == "document":
        return getattr(record, "document", None) is not None
    what, _colon, number = since.partition(":")
    item = next((i for i in getattr(record, "items", []) if i.number == number), None)
    return item is not None and (what != "decision" or bool(item.beslutning))


def updated(ctx: ExportContext, entries: list[Entry]) -> list[datetime]:
    """Each entry's updated date: the commit that added it, distinct within the feed.

    Entries one commit added (an agenda's items) are one second apart in feed order, so
    that no two entries of a feed share a date; without history, the meeting's day is used.
    """
    line = timeline.of(ctx.corpus)
    out: list[datetime] = []
    for entry in entries:
        found = None
        record = ctx.corpus.get("meeting", entry.meeting) if entry.meeting else None
        if record is not None and line.available:
            found = line.first(record, partial(_has, entry.since))
        out.append(found.astimezone(ZONE) if found else entry.when)
    order = sorted(range(len(out)), key=lambda i: (out[i], i))
    for previous, index in pairwise(order):
        if out[index] <= out[previous]:
            out[index] = out[previous] + timedelta(seconds=1)
    return out


def atom(ctx: ExportContext, feed: Feed) -> bytes:
    """The feed as Atom; its updated date is its newest entry's, never the build clock."""
    gen = FeedGenerator()
    gen.id(TAG + feed.path.removesuffix(".xml"))
    gen.title(f"KKR Syddanmark – {feed.title}")
    gen.author({"name": "KKR Syddanmark vidensbase"})
    gen.language("da")
    gen.rights(statement(ctx.license))
    gen.link(href=ctx.url(feed.path), rel="self", type="application/atom+xml")
    page = ctx.url(feed.page + ".html") if feed.page else ctx.front_url
    gen.link(href=page, rel="alternate", type="text/html")
    shown = feed.entries[-LATEST:]
    dates = updated(ctx, shown)
    gen.updated(max(dates, default=ctx.stamp))
    for entry, when in zip(shown, dates, strict=True):
        item = gen.add_entry(order="append")
        item.id(TAG + entry.key)
        item.title(entry.title)
        item.link(href=entry.link, rel="alternate", type="text/html")
        item.updated(when)
        item.published(when)
        item.content(entry.text, type="text")
    return bytes(gen.atom_str(pretty=True))


def export(ctx: ExportContext, feeds: list[Feed]) -> dict[str, bytes]:
    """Every feed file, keyed by path."""
    return {feed.path: atom(ctx, feed) for feed in feeds}
