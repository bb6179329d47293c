"""Where each fact on a page is printed: the source documents, their titles and line ranges.

A record cites its documents in ``sources:``; an imported meeting cites its whole agenda or
minutes. The lines of one item, its decision or the attendance list are found by reading the
same document with the importer's own parser, which made the record from those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kkr.importer.header import parse_header
from kkr.importer.items import PARTICIPANT_HEADINGS, split_body
from kkr.importer.report import DocumentError, Report
from kkr.importer.text import Line, read_lines
from kkr.importer.toc import parse_toc
from kkr.loading.corpus import Corpus
from kkr.loading.loader import MAX_BYTES
from kkr.site.dates import long_date
from schema.base import Source
from schema.meeting import Meeting
from schema.workplan import WorkPlan

DOCUMENTS = "documents"
KILDER = "kilder"
"""The folder of the source pages under the generated pages, e.g. arkiv/kilder/<stem>."""
ORIGINALS = (".pdf", ".docx")
"""Originals kept beside a document's extracted text, with the same stem."""
_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*\.(txt|md)$")
_MEETING_DOCUMENT = re.compile(r"-(\d{4}-\d{2}-\d{2})-(dagsorden|referat)\.(?:txt|md)$")
_KINDS = {"dagsorden": "Dagsorden", "referat": "Referat"}
_HEADER_FIELDS = frozenset({"document", "body", "date, start_time", "place"})


@dataclass(frozen=True)
class Span:
    """Lines ``start`` to ``end`` (1-based, inclusive) of one document."""

    document: str
    start: int
    end: int

    @property
    def anchor(self) -> str:
        """The anchor of the range on the document's page, e.g. L272-L274 or L22."""
        return f"L{self.start}" if self.start == self.end else f"L{self.start}-L{self.end}"

    @property
    def words(self) -> str:
        """E.g. "linje 272–274" or "linje 22"."""
        if self.start == self.end:
            return f"linje {self.start}"
        return f"linje {self.start}–{self.end}"


@dataclass
class Structure:
    """The line ranges of a meeting document's parts, as the importer reads them."""

    header: Span | None = None
    attendance: Span | None = None
    present: Span | None = None
    meeting: tuple[str, date] | None = None
    """("Referat", its date) from the document's header, whatever the file is named."""
    absent: Span | None = None
    items: dict[str, Span] = field(default_factory=dict)
    parts: dict[tuple[str, str], Span] = field(default_factory=dict)
    """(item number, part) -> span, part being beslutning, indstilling, …"""


def is_document(name: str) -> bool:
    """Whether ``name`` may be a cited document: the names ``sources:`` accept."""
    return bool(_NAME.match(name))


def stem(name: str) -> str:
    """The document's name without its suffix: the name of its page."""
    return name.rsplit(".", 1)[0]


def page(prefix: str, name: str) -> str:
    """The docname of a document's page, e.g. arkiv/kilder/kkr-syddanmark-2023-11-21-referat."""
    return f"{prefix}/{KILDER}/{stem(name)}"


def meeting_document(name: str) -> tuple[str, date] | None:
    """("Referat", 21 November 2023) for a KL meeting document's name, else None."""
    found = _MEETING_DOCUMENT.search(name)
    if found is None:
        return None
    try:
        day = date.fromisoformat(found.group(1))
    except ValueError:
        return None
    return _KINDS[found.group(2)], day


def _kind_and_date(document: str, day: str) -> tuple[str, date] | None:
    """("Dagsorden", day) for a header's document kind and ISO date, if both are readable."""
    kind = {"agenda": "Dagsorden", "minutes": "Referat"}.get(document)
    try:
        return (kind, date.fromisoformat(day)) if kind else None
    except ValueError:
        return None


def _span(document: str, lines: list[Line]) -> Span | None:
    filled = [line.no for line in lines if not line.blank]
    return Span(document, filled[0], filled[-1]) if filled else None


def _parse(name: str, lines: list[Line]) -> Structure:
    """The spans of a KL agenda or minutes; empty for any other document."""
    report = Report(name, lines)
    out = Structure()
    try:
        header = parse_header(lines, report)
    except DocumentError:
        return out
    out.meeting = _kind_and_date(header.document, header.date)
    try:
        toc = parse_toc(lines, header.end, report)
        body = split_body(lines, toc.end, toc, report)
    except DocumentError:
        return out
    said = [no for no, where in report.destination.items() if where in _HEADER_FIELDS]
    # Each line the importer gave a field, by field: a part's heading is found in O(1).
    given: dict[str, list[int]] = {}
    for no, where in report.destination.items():
        given.setdefault(where, []).append(no)
    if said:
        out.header = Span(name, min(said), max(said))
    out.attendance = _span(name, body.participants)
    heading = None
    groups: dict[str, list[Line]] = {}
    for line in body.participants:
        key = line.plain.lower()
        if key in PARTICIPANT_HEADINGS and key != "deltagerfortegnelse":
            heading = key
        if heading is not None:
            groups.setdefault(heading, []).append(line)
    out.present = _span(name, groups.get("deltagere", []))
    out.absent = _span(name, groups.get("afbud", []))
    for section in body.sections:
        for block in section.items:
            last = block.line
            for part, part_lines in block.parts.items():
                filled = [line.no for line in part_lines if not line.blank]
                last = max([last, *filled])
                if part and filled:
                    top = min(filled)
                    # The part's heading ("Beslutning") is the line the importer gave the part.
                    titled = [
                        no for no in given.get(f"items[{block.number}].{part}", []) if no < top
                    ]
                    out.parts[(block.number, part)] = Span(
                        name, max(titled, default=top), max(filled)
                    )
            out.items[block.number] = Span(name, block.line, last)
    return out


@dataclass
class Library:
    """The documents beside the records, each read and parsed at most once per build."""

    corpus: Corpus
    _lines: dict[str, list[str] | None] = field(default_factory=dict)
    _structures: dict[str, Structure] = field(default_factory=dict)
    _index: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _copies: dict[str, list[str]] | None = None
    cited: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    """The ranges the pages link to, by document: each gets an anchor on the document's page."""

    @property
    def folder(self) -> Path:
        """records/documents."""
        return self.corpus.root / DOCUMENTS

    def names(self) -> list[str]:
        """Every document a page may be made for, in name order."""
        if not self.folder.is_dir():
            return []
        return sorted(
            p.name
            for p in self.folder.iterdir()
            if _NAME.match(p.name) and p.is_file() and not p.is_symlink()
        )

    def lines(self, name: str) -> list[str] | None:
        """The document's lines as stored; None when it is missing or unreadable."""
        if name not in self._lines:
            self._lines[name] = _read(self.folder, name)
        return self._lines[name]

    def kl_copies(self) -> dict[str, list[str]]:
        """KL's addresses of each document, as ``sources:`` give them (url:), in one pass."""
        if self._copies is None:
            found: dict[str, set[str]] = {}
            for kind in sorted(self.corpus.by_kind):
                for entry in self.corpus.entries(kind):
                    for source in entry.record.sources:
                        if source.url:
                            found.setdefault(source.document, set()).add(source.url)
            self._copies = {name: sorted(urls) for name, urls in found.items()}
        return self._copies

    def originals(self, name: str) -> list[str]:
        """The PDF or DOCX kept beside the document with the same stem."""
        found = []
        for suffix in ORIGINALS:
            path = self.folder / (stem(name) + suffix)
            if is_document(name) and path.is_file() and not path.is_symlink():
                found.append(path.name)
        return found

    def meeting_document(self, name: str) -> tuple[str, date] | None:
        """("Referat", its date) for a KL agenda or minutes: by its name, else by its header
        (kkr import keeps the name staff saved the PDF under)."""
        found = meeting_document(name)
        if found is not None or not name.endswith((".txt", ".md")):
            return found
        return self.structure(name).meeting

    def structure(self, name: str) -> Structure:
        """The spans of the meeting document ``name`` (empty when it is not one)."""
        if name not in self._structures:
            raw = self.lines(name)
            parsed = read_lines("\n".join(raw)) if raw is not None else []
            markdown = name.endswith(".md")
            for line in parsed:
                line.markdown = markdown
            self._structures[name] = _parse(name, parsed) if parsed else Structure()
        return self._structures[name]

    def span(self, source: Source) -> Span | None:
        """The span a ``sources:`` entry cites, if the document has those lines."""
        lines = self.lines(source.document)
        if lines is None:
            return None
        if source.lines is None:
            return Span(source.document, 1, max(len(lines), 1))
        first, _sep, last = source.lines.partition("-")
        start, end = int(first), int(last or first)
        return Span(source.document, start, end) if start <= end <= len(lines) else None

    def find(self, text: str, within: list[Span]) -> Span | None:
        """The lines of ``within`` that print ``text``, starting a line, if any.

        Words are compared without Markdown marks, list marks and spacing, so "via *x*" finds
        "- via x". Each document's lines are indexed by their first words once: linear.
        """
        wanted = _words(text)
        if len(wanted) < _KEY:
            return None
        head, tail = wanted[:_HEAD], " ".join(wanted[-_HEAD:])
        for span in within:
            lines = self.lines(span.document) or []
            starts = self._heads(span.document, lines).get(" ".join(wanted[:_KEY]), [])
            for start in (n for n in starts if span.start <= n <= span.end):
                if _words(lines[start - 1])[: len(head)] != head:
                    continue
                # A text of a few lines: its last words within the next lines of the range.
                for end in range(start, min(span.end, len(lines), start + 50) + 1):
                    if " ".join(_words(lines[end - 1])).endswith(tail):
                        return Span(span.document, start, end)
                return Span(span.document, start, start)
        return None

    def _heads(self, name: str, lines: list[str]) -> dict[str, list[int]]:
        if name not in self._index:
            index: dict[str, list[int]] = {}
            for number, line in enumerate(lines, start=1):
                words = _words(line)
                if len(words) >= _KEY:
                    index.setdefault(" ".join(words[:_KEY]), []).append(number)
            self._index[name] = index
        return self._index[name]

    def own_document(self, meeting: Meeting) -> str | None:
        """The meeting's own agenda or minutes among its sources, if it was taken from one."""
        if meeting.document is None:
            return None
        for source in meeting.sources:
            found = self.meeting_document(source.document)
            if found is not None and found[1] == meeting.date and self.lines(source.document):
                return source.document
        return None

    def sources(self, cited: list[Source]) -> list[Span]:
        """The spans a record's ``sources:`` name, each once, in the record's order."""
        found = [self.span(source) for source in cited]
        return list(dict.fromkeys(span for span in found if span is not None))

    def meeting_spans(self, meeting: Meeting) -> list[Span]:
        """The lines that state the meeting itself: its document's header, else its sources."""
        own = self.own_document(meeting)
        if own is not None:
            header = self.structure(own).header
            if header is not None:
                return [header]
        return self.sources(meeting.sources)

    def whole(self, meeting: Meeting) -> list[Span]:
        """The meeting's own document as its record cites it (the fallback for a part)."""
        own = self.own_document(meeting)
        return [s for s in self.sources(meeting.sources) if s.document == own] if own else []

    def item_spans(self, meeting: Meeting, number: str, part: str | None = None) -> list[Span]:
        """The lines of an item, or of one part of it (e.g. beslutning)."""
        own = self.own_document(meeting)
        if own is None:
            return self.sources(meeting.sources)
        structure = self.structure(own)
        found = structure.parts.get((number, part)) if part else structure.items.get(number)
        if found is None and part:
            found = structure.items.get(number)
        return [found] if found is not None else self.whole(meeting)

    def attendance_spans(self, meeting: Meeting, *, present: bool) -> list[Span]:
        """The lines of the Deltagere (or Afbud) list, else the meeting's document."""
        own = self.own_document(meeting)
        structure = self.structure(own) if own else None
        found = (structure.present if present else structure.absent) if structure else None
        if found is not None:
            return [found]
        return self.whole(meeting) or self.sources(meeting.sources)

    def title(self, name: str) -> str:
        """A reader's name for a document, e.g. "Referat 21. november 2023"."""
        found = self.meeting_document(name)
        if found is not None:
            return f"{found[0]} {long_date(found[1])}"
        for entry in self.corpus.entries("workplan"):
            plan = entry.record
            if isinstance(plan, WorkPlan) and plan.sources and plan.sources[0].document == name:
                return plan.title
        words = stem(name).removeprefix("kkr-syddanmark-")
        # Hyphens between digits stay (2022-2026); the others separated words.
        words = re.sub(r"(?<!\d)-|-(?!\d)", " ", words)
        return words[:1].upper() + words[1:]


_KEY = 3
"""Words a line is indexed by."""
_HEAD = 6
"""Words that locate a text: enough to tell two commitments apart."""
_WORD = re.compile(r"[\w.,;:()%/-]+")


def _words(text: str) -> list[str]:
    """The words of ``text`` without Markdown emphasis, list marks or line breaks."""
    return [w for w in _WORD.findall(text.replace("*", "").replace("`", "")) if w != "-"]


def _read(folder: Path, name: str) -> list[str] | None:
    if not _NAME.match(name):
        return None
    path = folder / name
    # Only a regular file inside the folder: a symlink could lead outside records/.
    if path.is_symlink() or not path.is_file():
        return None
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_BYTES:
            return None
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines
