"""What every export needs: the corpus, absolute URLs from the base URL, and the build time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property
from zoneinfo import ZoneInfo

from kkr.exports.license import DataLicense
from kkr.loading.corpus import Corpus
from kkr.site import citing, paths
from kkr.site.dates import build_day
from kkr.site.links import Links, build
from kkr.site.status import shown_status
from schema.meeting import Item, Meeting

# Used when conf.py sets no html_baseurl: right for `python -m http.server -d _build/html`.
LOCAL_BASE = "http://localhost:8000/"
ZONE = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class ExportContext:
    """The corpus and how to name things in it on the published site."""

    corpus: Corpus
    base_url: str = LOCAL_BASE
    prefix: str = "arkiv"
    front: str = "index"
    stamp: datetime = field(default_factory=lambda: datetime(1970, 1, 1, tzinfo=UTC))
    today: date = field(default_factory=build_day)
    license: DataLicense | None = None
    """The data licence from conf.py; None while none has been chosen."""
    links: Links = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "links", build(self.corpus))

    @classmethod
    def create(
        cls,
        corpus: Corpus,
        base_url: str | None,
        prefix: str,
        front: str = "index",
        license: DataLicense | None = None,
    ) -> ExportContext:
        """A context for ``corpus``; the base URL gets its trailing slash, the stamp its epoch."""
        base = (base_url or LOCAL_BASE).rstrip("/") + "/"
        return cls(corpus, base, prefix, front, build_stamp(corpus), build_day(), license)

    def url(self, path: str) -> str:
        """The absolute URL of a file of the built site, e.g. oparl/system.json."""
        return self.base_url + path

    @property
    def front_url(self) -> str:
        """The absolute URL of the front page."""
        return self.url(self.front + ".html")

    def page_url(self, kind: str, record_id: str, anchor: str = "") -> str:
        """The absolute URL of a record's page, with an optional anchor."""
        url = self.url(paths.page(self.prefix, kind, record_id) + ".html")
        return f"{url}#{anchor}" if anchor else url

    def item_url(self, meeting: Meeting, item: Item) -> str:
        """The absolute URL of an item's anchor on its meeting page."""
        return self.page_url("meeting", meeting.id, paths.item_anchor(item.number))

    @cached_property
    def library(self) -> citing.Library:
        """The source documents, read and parsed at most once per export run."""
        return citing.Library(self.corpus)

    def source_url(self, span: citing.Span) -> str:
        """The absolute URL of cited lines on their document's page, e.g. …#L272-L274."""
        return f"{self.url(citing.page(self.prefix, span.document) + '.html')}#{span.anchor}"

    def file_url(self, name: str) -> str:
        """The absolute URL of a source document's file, published beside its page."""
        return self.url(f"{self.prefix}/{citing.KILDER}/{name}")

    def body_name(self, body_id: str) -> str:
        """The council's name, e.g. KKR Syddanmark."""
        entry = self.corpus.get("body", body_id)
        return getattr(entry.record, "name", body_id) if entry else body_id

    def status(self, meeting: Meeting) -> str:
        """The meeting's status as the site shows it on the build day."""
        return shown_status(meeting, self.today)

    def meetings(self) -> list[Meeting]:
        """Every meeting, oldest first."""
        out = [entry.record for entry in self.corpus.entries("meeting")]
        return [m for m in out if isinstance(m, Meeting)]

    def items(self) -> Iterator[tuple[Meeting, Item]]:
        """Every item with its meeting, in meeting and agenda order."""
        for meeting in self.meetings():
            for item in meeting.items:
                yield meeting, item


def meeting_start(meeting: Meeting) -> datetime | None:
    """The meeting's start in Copenhagen time, when the record gives a start time."""
    if meeting.start_time is None:
        return None
    hours, minutes = (int(part) for part in meeting.start_time.split(":"))
    return datetime.combine(meeting.date, time(hours, minutes), tzinfo=ZONE)


def build_stamp(corpus: Corpus) -> datetime:
    """SOURCE_DATE_EPOCH when set, else the newest meeting date, so rebuilds are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    dates = [e.record.date for e in corpus.entries("meeting") if isinstance(e.record, Meeting)] or [
        date(1970, 1, 1)
    ]
    return datetime.combine(max(dates), time(0, 0), tzinfo=UTC)


def item_ref(meeting: Meeting, item: Item) -> str:
    """The item's reference as records write it, e.g. 2023-11-21/2.4."""
    return f"{meeting.id}/{item.number}"
