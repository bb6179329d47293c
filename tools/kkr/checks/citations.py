"""Citations: every ``sources:`` entry names a document in records/documents, lines it has,
and words printed there."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.loading.corpus import Corpus, Entry
from kkr.loading.loader import MAX_BYTES

DOCUMENTS = "documents"
"""The folder under the records root that holds the cited documents."""


@dataclass
class _Library:
    """The documents of one records folder, each read at most once."""

    folder: Path
    read: dict[str, list[str] | None] = field(default_factory=dict)

    def lines(self, name: str) -> list[str] | None:
        """The lines of ``name``; None when it is missing, not a regular file or unreadable."""
        if name not in self.read:
            self.read[name] = _read(self.folder, name)
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
        lines = library.lines(cited.document)
        if lines is None:
            known = library.names()
            entry.document.error(
                entry.locate(("sources", index, "document")),
                Code.CITATION,
                _(
                    "the cited document {name!r} is not in records/documents; copy it there "
                    "(kkr import does) or cite one that is, e.g. document: {example}"
                ).format(name=cited.document, example=known[0] if known else "referat.txt"),
            )
            continue
        if cited.lines is None:
            span = lines
        else:
            first, _sep, last = cited.lines.partition("-")
            start, end = int(first), int(last or first)
            if end > len(lines) or start > end:
                entry.document.error(
                    entry.locate(("sources", index, "lines")),
                    Code.CITATION,
                    _(
                        "the lines {lines} are not in {name}, which has {count} lines; "
                        "cite lines that exist, e.g. lines: '1-{count}'"
                    ).format(lines=cited.lines, name=cited.document, count=len(lines)),
                )
                continue
            span = lines[start - 1 : end]
            if not any(line.strip() for line in span):
                entry.document.error(
                    entry.locate(("sources", index, "lines")),
                    Code.CITATION,
                    _(
                        "the lines {lines} of {name} are blank; cite the lines that print the facts"
                    ).format(lines=cited.lines, name=cited.document),
                )
                continue
        if cited.quote is not None and _normal(cited.quote) not in _normal(" ".join(span)):
            entry.document.error(
                entry.locate(("sources", index, "quote")),
                Code.CITATION,
                _(
                    "the quote {quote!r} is not printed in {name} lines {lines}; copy the words "
                    "exactly as printed there"
                ).format(quote=cited.quote, name=cited.document, lines=cited.lines or "1-"),
            )
