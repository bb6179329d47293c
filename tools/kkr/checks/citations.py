"""Citations: every ``sources:`` entry names a document in records/documents, lines it has,
and words printed there."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.loading.citing import lines_digest
from kkr.loading.corpus import Corpus, Entry
from kkr.loading.loader import MAX_BYTES
from schema.base import Source

DOCUMENTS = "documents"
"""The folder under the records root that holds the cited documents."""


MAX_QUOTE_SPAN = 20_000
"""Characters of cited lines a quote is looked for in: a quote pinpoints a few lines."""


@dataclass
class _Document:
    """A cited document's lines, with running counts that answer each citation in O(1)."""

    lines: list[str]
    ends: list[int] = field(default_factory=list)  # characters up to the end of line i
    filled: list[int] = field(default_factory=list)  # non-blank lines up to line i

    def __post_init__(self) -> None:
        self.ends, self.filled = [0], [0]
        for line in self.lines:
            self.ends.append(self.ends[-1] + len(line) + 1)
            self.filled.append(self.filled[-1] + (1 if line.strip() else 0))


@dataclass
class _Library:
    """The documents of one records folder, each read at most once."""

    folder: Path
    read: dict[str, _Document | None] = field(default_factory=dict)

    def document(self, name: str) -> _Document | None:
        """The document ``name``; None when it is missing, not a regular file or unreadable."""
        if name not in self.read:
            lines = _read(self.folder, name)
            self.read[name] = _Document(lines) if lines is not None else None
        return self.read[name]

    def names(self) -> list[str]:
        """The documents there are, for a hint."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if p.suffix in (".txt", ".md"))


def _read(folder: Path, name: str) -> list[str] | None:
    path = folder / name
    # Only a regular file inside the folder: a symlink could lead outside records/.
    if path.is_symlink() or not path.is_file():
        return None
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def _normal(text: str) -> str:
    return " ".join(text.split())


def _span(lines: str | None, count: int) -> tuple[int, int] | None:
    """The first and last line of ``lines`` ("12" or "12-14"), if the document has them."""
    if lines is None:
        return 1, count
    first, _sep, last = lines.partition("-")
    if len(first) > 9 or len(last) > 9:  # more lines than any document
        return None
    start, end = int(first), int(last or first)
    return (start, end) if start <= end <= count else None


def check_citations(corpus: Corpus) -> None:
    """Check every record's sources against the documents kept beside the records."""
    library = _Library(corpus.root / DOCUMENTS)
    for kind in sorted(corpus.by_kind):
        for entry in corpus.entries(kind):
            _check_entry(entry, library, corpus)


def _check_entry(entry: Entry, library: _Library, corpus: Corpus) -> None:
    if not entry.record.sources:
        where = entry.locate(("id",))
        corpus.advice.append(
            Diagnostic(
                entry.display,
                where.line,
                where.column,
                "warning",
                Code.NO_SOURCES,
                _(
                    "the record cites no source document; add where its facts are printed, e.g. "
                    "sources: [{{document: {example}, lines: '12-14'}}]"
                ).format(example=(library.names() or ["referat.txt"])[0]),
            )
        )
        return
    for index, cited in enumerate(entry.record.sources):
        _check_source(entry, index, cited, library)


def _check_source(entry: Entry, index: int, cited: Source, library: _Library) -> None:
    document = library.document(cited.document)
    if document is None:
        known = library.names()
        entry.document.error(
            entry.locate(("sources", index, "document")),
            Code.CITATION,
            _(
                "the cited document {name!r} is not in records/documents; copy it there "
                "(kkr import does) or cite one that is, e.g. document: {example}"
            ).format(name=cited.document, example=known[0] if known else "referat.txt"),
        )
        return
    count = len(document.lines)
    span = _span(cited.lines, count)
    if span is None:
        entry.document.error(
            entry.locate(("sources", index, "lines")),
            Code.CITATION,
            _(
                "the lines {lines} are not in {name}, which has {count} lines; "
                "cite lines that exist, e.g. lines: '1-{count}'"
            ).format(lines=cited.lines, name=cited.document, count=count),
        )
        return
    start, end = span
    if document.filled[end] == document.filled[start - 1]:
        entry.document.error(
            entry.locate(("sources", index, "lines")),
            Code.CITATION,
            _("the lines {lines} of {name} are blank; cite the lines that print the facts").format(
                lines=cited.lines, name=cited.document
            ),
        )
        return
    if cited.digest is not None and lines_digest(document.lines[start - 1 : end]) != cited.digest:
        entry.document.error(
            entry.locate(("sources", index, "digest")),
            Code.CITATION,
            _(
                "{name} lines {lines} no longer hold the text this record was imported from "
                "(its digest differs): the document was changed or replaced. Put the original "
                "document back, or import the new one, which is kept under a name of its own"
            ).format(name=cited.document, lines=cited.lines or f"1-{count}"),
        )
        return
    if cited.quote is None:
        return
    if document.ends[end] - document.ends[start - 1] > MAX_QUOTE_SPAN:
        entry.document.error(
            entry.locate(("sources", index, "lines")),
            Code.CITATION,
            _(
                "a quote is looked for in at most {limit} characters of cited lines; cite the "
                "few lines that print it, e.g. lines: '{start}'"
            ).format(limit=MAX_QUOTE_SPAN, start=start),
        )
    elif _normal(cited.quote) not in _normal(" ".join(document.lines[start - 1 : end])):
        entry.document.error(
            entry.locate(("sources", index, "quote")),
            Code.CITATION,
            _(
                "the quote {quote!r} is not printed in {name} lines {lines}; copy the words "
                "exactly as printed there"
            ).format(quote=cited.quote, name=cited.document, lines=cited.lines or f"1-{count}"),
        )
