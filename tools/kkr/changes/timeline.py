"""Each record's history in words: when it was added and changed, told as ``kkr diff`` tells it.

Every version of a record file is read from git once (one ``git cat-file`` for all of them)
and validated once; the version that is in the working tree is the record already loaded,
so a record with one commit costs no extra parsing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath

from kkr.changes.history import Change, History, blobs, read
from kkr.changes.meetings import meeting_changes, new_meeting
from kkr.changes.names import Names
from kkr.changes.records import new_record, record_changes
from kkr.checks.schema_errors import validate_record
from kkr.i18n import _
from kkr.loading.corpus import SUFFIXES, Corpus, Entry
from kkr.loading.loader import load_text
from schema.base import Record
from schema.meeting import Item, Meeting
from schema.registry import KINDS, Kind


@dataclass(frozen=True)
class Step:
    """One commit that touched a record: when, its subject, and what it changed, in words."""

    when: datetime
    subject: str
    lines: list[str]
    first: bool
    """The commit that published the record; every later one changed it after publication."""


@dataclass(frozen=True)
class Tombstone:
    """A record deleted in the history: its last version, and when it was added and deleted."""

    kind: str
    record: Record
    created: datetime
    deleted: datetime


def _blob_id(data: bytes) -> str:
    # git's object id of a file's bytes: the working tree's version is found in the history.
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass
class Timeline:
    """The history of every record of ``corpus``, from ``history``."""

    corpus: Corpus
    history: History
    _entries: dict[str, Entry] = field(default_factory=dict)
    _current: dict[str, str] = field(default_factory=dict)
    _records: dict[str, Record | None] = field(default_factory=dict)
    _steps: dict[str, list[Step]] | None = None

    def __post_init__(self) -> None:
        for kind in self.corpus.by_kind.values():
            for entry in kind.values():
                self._entries[self.history.key(entry.path)] = entry

    @property
    def available(self) -> bool:
        """Whether the history could be read (not in a shallow clone or outside git)."""
        return self.history.available

    def dates(self, entry: Entry) -> tuple[datetime, datetime] | None:
        """The dates of the first and the last commit that touched the record's file."""
        changes = self.history.of(entry.path)
        if not changes:
            return None
        return changes[0].commit.when, changes[-1].commit.when

    def steps(self, entry: Entry) -> list[Step]:
        """Each commit that touched the record, oldest first, with its changes in words."""
        if self._steps is None:
            self._steps = self._all_steps()
        return self._steps.get(self.history.key(entry.path), [])

    def first(self, entry: Entry, test: Callable[[Record], bool]) -> datetime | None:
        """The date of the first commit after which the record passes ``test``."""
        if self._steps is None:
            self._steps = self._all_steps()
        for change in self.history.of(entry.path):
            record = self._records.get(change.new) if change.new else None
            if record is not None and test(record):
                return change.commit.when
        return None

    def removed_items(self) -> list[tuple[Meeting, Item, datetime]]:
        """Items a meeting once had and has no more: the meeting now, the item, when removed."""
        if self._steps is None:
            self._steps = self._all_steps()
        out = []
        for entry in self.corpus.entries("meeting"):
            now = entry.record
            if not isinstance(now, Meeting):
                continue
            kept = {item.number for item in now.items}
            last: dict[str, Item] = {}
            gone: dict[str, datetime] = {}
            for change in self.history.of(entry.path):
                version = self._records.get(change.new) if change.new else None
                numbers = {i.number: i for i in getattr(version, "items", [])}
                for number in list(last):
                    if number not in numbers and number not in gone:
                        gone[number] = change.commit.when
                for number, item in numbers.items():
                    last[number] = item
                    gone.pop(number, None)
            out += [(now, last[n], gone[n]) for n in sorted(gone) if n not in kept]
        return out

    def tombstones(self) -> list[Tombstone]:
        """Records whose file was deleted and whose id no record holds now."""
        deleted = {p: c for p, c in self.history.deleted().items() if self._kind(p)}
        self._load([c.old for c in deleted.values()])
        out = []
        for path, change in deleted.items():
            kind = self._kind(path)
            record = self._records.get(change.old)
            if kind is None or record is None or self.corpus.get(kind.name, record.id):
                continue
            first = self.history.changes[path][0].commit.when
            out.append(Tombstone(kind.name, record, first, change.commit.when))
        return sorted(out, key=lambda t: (t.kind, t.record.id))

    def _kind(self, path: str) -> Kind | None:
        top = self.history.top
        if top is None or not path.endswith(SUFFIXES):
            return None
        try:
            parts = (top / PurePosixPath(path)).relative_to(self.corpus.root.resolve()).parts
        except ValueError:
            return None
        return KINDS.get(parts[0]) if len(parts) > 1 else None

    def _load(self, shas: list[str]) -> None:
        """Validate each blob not yet read; the working tree's version is the loaded record."""
        wanted = [s for s in shas if s and s not in self._records]
        if not self._current:
            for key, entry in self._entries.items():
                try:
                    self._current[_blob_id(entry.path.read_bytes())] = key
                except OSError:
                    continue
        missing = []
        for sha in wanted:
            current = self._current.get(sha)
            if current is not None:
                self._records[sha] = self._entries[current].record
            else:
                missing.append(sha)
        if missing and self.history.top is not None:
            kinds = self._blob_kinds()
            for sha, data in blobs(self.history.top, missing).items():
                self._records[sha] = _validate(kinds.get(sha), data)

    def _blob_kinds(self) -> dict[str, Kind]:
        found: dict[str, Kind] = {}
        for path, changes in self.history.changes.items():
            kind = self._kind(path)
            if kind:
                for change in changes:
                    found.update({sha: kind for sha in (change.old, change.new) if sha})
        return found

    def _all_steps(self) -> dict[str, list[Step]]:
        paths = [p for p in self._entries if p in self.history.changes]
        self._load([s for p in paths for c in self.history.changes[p] for s in (c.old, c.new)])
        names = Names(self.corpus, self.corpus)
        out: dict[str, list[Step]] = {}
        for path in paths:
            kind = self._entries[path].kind.name
            changes = self.history.changes[path]
            out[path] = [
                Step(c.commit.when, c.commit.subject, self._lines(kind, c, names), i == 0)
                for i, c in enumerate(changes)
            ]
        return out

    def _lines(self, kind: str, change: Change, names: Names) -> list[str]:
        # kkr diff leaves out changes no reader sees (e.g. a presenter moved out of people).
        return list(self._told(kind, change, names)) or [_MINOR]

    def _told(self, kind: str, change: Change, names: Names) -> Iterator[str]:
        old = self._records.get(change.old) if change.old else None
        new = self._records.get(change.new) if change.new else None
        if new is None and change.new:
            yield _("Has errors; kkr validate shows where")
        elif new is None:
            yield _("Removed")
        elif old is None:
            yield new_meeting(new) if isinstance(new, Meeting) else new_record(kind, new, names)
        elif isinstance(old, Meeting) and isinstance(new, Meeting):
            yield from meeting_changes(old, new, names) if old != new else [_LAYOUT]
        elif old != new:
            yield from record_changes(kind, old, new, names)
        else:
            yield _LAYOUT


_LAYOUT = "kun filens opstilling ændret, ikke indholdet"
_MINOR = "mindre ændringer, som siden ikke viser"


def _validate(kind: Kind | None, data: bytes) -> Record | None:
    if kind is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    doc = load_text(text, "<git>")
    return validate_record(kind.model, doc) if doc.ok else None


_TIMELINES: dict[int, tuple[Corpus, Timeline]] = {}


def of(corpus: Corpus) -> Timeline:
    """The timeline of ``corpus``, made once per corpus (the site and the exports share it)."""
    known = _TIMELINES.get(id(corpus))
    if known is None or known[0] is not corpus:
        known = (corpus, Timeline(corpus, read(corpus.root)))
        _TIMELINES.clear()
        _TIMELINES[id(corpus)] = known
    return known[1]
