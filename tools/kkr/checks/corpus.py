"""Load every record under a records directory: read, validate each, then check across records."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kkr.checks.records import check_corpus
from kkr.checks.schema_errors import validate_record
from kkr.diagnostics import Code, Diagnostic
from kkr.loading.corpus import Corpus, Entry, discover, display_path, kind_of
from kkr.loading.loader import Document, Position, load
from schema.registry import KINDS


def load_corpus(root: Path, *, base: Path | None = None) -> Corpus:
    """Load, validate and cross-check every record under ``root``; never raises on bad input."""
    corpus = Corpus(root=root)
    documents: list[Document] = []
    corpus.paths = discover(root)
    for path in corpus.paths:
        doc = load(path, display_path(path, base))
        documents.append(doc)
        kind = kind_of(root, path)
        if kind is None:
            doc.error(
                Position(1, 1),
                Code.UNKNOWN_KIND,
                f"{doc.display} is not inside a record directory; move it into one of "
                + ", ".join(sorted(KINDS))
                + ", e.g. records/people/bo-hansen.yaml",
            )
            continue
        if not doc.ok:
            continue
        record = validate_record(kind.model, doc)
        if record is None:
            continue
        entry = Entry(kind, record, doc)
        _register(corpus, entry)
    check_corpus(corpus)
    corpus.diagnostics = sorted(_all(documents, corpus.diagnostics))
    return corpus


def _register(corpus: Corpus, entry: Entry) -> None:
    same = corpus.by_kind.setdefault(entry.kind.name, {})
    record_id = entry.record.id
    if record_id in same:
        first = same[record_id]
        entry.document.error(
            entry.locate(("id",)),
            Code.DUPLICATE_ID,
            f"the {entry.kind.name} id {record_id!r} is already used by {first.display}; "
            f"ids must be unique, e.g. {entry.kind.example}",
        )
        return
    same[record_id] = entry


def _all(documents: Iterable[Document], extra: list[Diagnostic]) -> list[Diagnostic]:
    out = list(extra)
    for doc in documents:
        out.extend(doc.diagnostics)
    return list(dict.fromkeys(out))
