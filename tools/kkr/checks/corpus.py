"""Load every record under a records directory: read, validate each, then check across records."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kkr.checks.records import RESERVED_IDS, check_corpus
from kkr.checks.refs import kind_name, raw_ids
from kkr.checks.schema_errors import validate_record
from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.loading.corpus import Corpus, Entry, Refused, display_path, kind_of, survey
from kkr.loading.loader import Document, Position, load
from schema.registry import KINDS


def load_corpus(root: Path, *, base: Path | None = None) -> Corpus:
    """Load, validate and cross-check every record under ``root``; never raises on bad input."""
    corpus = Corpus(root=root)
    documents: list[Document] = []
    corpus.paths, refused = survey(root)
    refusals = [_refusal(path, why, display_path(path, base)) for path, why in refused]
    for path in corpus.paths:
        doc = load(path, display_path(path, base))
        documents.append(doc)
        kind = kind_of(root, path)
        if kind is None:
            doc.error(
                Position(1, 1),
                Code.UNKNOWN_KIND,
                _(
                    "{file} is not inside a record folder; move it into one of {kinds}, "
                    "e.g. records/people/bo-hansen.yaml"
                ).format(file=doc.display, kinds=", ".join(sorted(KINDS))),
            )
            continue
        record = validate_record(kind.model, doc) if doc.ok else None
        if record is None or record.id in RESERVED_IDS:
            # Register what the broken record names (its id is its file name, or should be),
            # so references to it report nothing false: its own error is the cause.
            corpus.unchecked.setdefault(kind.name, set()).add(path.stem)
            for ref_kind, ids in raw_ids(kind.name, doc.data).items():
                corpus.unchecked.setdefault(ref_kind, set()).update(ids)
        if record is None:
            continue
        entry = Entry(kind, record, doc)
        if record.id in RESERVED_IDS:
            doc.error(
                entry.locate(("id",)),
                Code.RESERVED_ID,
                _(
                    "the id {id!r} is reserved for a page the site generates; choose another, "
                    "e.g. id: {example}"
                ).format(id=record.id, example=kind.example),
            )
            continue
        _register(corpus, entry)
    check_corpus(corpus)
    corpus.diagnostics = sorted(_all(documents, corpus.diagnostics + refusals))
    return corpus


def _refusal(path: Path, why: Refused, shown: str) -> Diagnostic:
    if why is Refused.OUTSIDE:
        code = Code.SYMLINK
        message = _(
            "this symbolic link leads outside the records folder and is not read; replace it "
            "with the record file itself, e.g. records/people/bo-hansen.yaml"
        )
    elif why is Refused.DANGLING:
        code = Code.SYMLINK
        message = _(
            "this symbolic link leads to no file; delete it or put the record file itself here, "
            "e.g. records/people/bo-hansen.yaml"
        )
    else:
        code = Code.SPECIAL_FILE
        message = _(
            "this is not a regular file (e.g. a pipe or a device) and is not read; a record is "
            "a plain text file, e.g. records/people/bo-hansen.yaml"
        )
    return Diagnostic(shown, 1, 1, "error", code, message)


def _register(corpus: Corpus, entry: Entry) -> None:
    same = corpus.by_kind.setdefault(entry.kind.name, {})
    record_id = entry.record.id
    if record_id in same:
        first = same[record_id]
        entry.document.error(
            entry.locate(("id",)),
            Code.DUPLICATE_ID,
            _(
                "the {kind} id {id!r} is already used by {file}; ids must be unique, e.g. {example}"
            ).format(
                kind=kind_name(entry.kind.name),
                id=record_id,
                file=first.display,
                example=entry.kind.example,
            ),
        )
        return
    same[record_id] = entry


def _all(documents: Iterable[Document], extra: list[Diagnostic]) -> list[Diagnostic]:
    out = list(extra)
    for doc in documents:
        out.extend(doc.diagnostics)
    return list(dict.fromkeys(out))
