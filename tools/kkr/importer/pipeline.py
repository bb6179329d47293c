"""Importing documents: read, convert, merge with the records folder, check, then write."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.importer.assemble import Imported, import_document
from kkr.importer.merging import Merger
from kkr.importer.patching import patched
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver
from kkr.importer.selfcheck import self_check
from kkr.importer.store import (
    DOCUMENTS,
    Incoming,
    extracted_document,
    linked_targets,
    name_documents,
    read_document,
)
from kkr.importer.wrapping import wrap_record
from kkr.importer.writer import emit, schema_comment
from kkr.loading.citing import document_lines, lines_digest
from kkr.loading.loader import load_text
from schema.registry import KINDS

# Records the import creates are never replaced: another of the same id is someone's work.
_NEVER_REPLACED = frozenset({"people", "body", "organizations"})
_LINES = re.compile(r"[1-9][0-9]{0,8}(-[1-9][0-9]{0,8})?")
_KIND_ORDER = {"agenda": 0, "minutes": 1}


@dataclass
class Planned:
    """One file the import would write."""

    relative: str  # e.g. meetings/2023-11-21.yaml or documents/kkr-...-referat.txt
    data: bytes
    action: str = "write"  # write, update, unchanged, keep
    old: bytes | None = None

    @property
    def text(self) -> str:
        """The planned content as text."""
        return self.data.decode("utf-8", errors="replace")


@dataclass
class Outcome:
    """Everything an import run found and did."""

    reports: list[Report] = field(default_factory=list)
    planned: dict[str, Planned] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    usage: str | None = None
    """A usage error (exit 2): the run could not start or would write where it must not."""

    @property
    def ok(self) -> bool:
        """Whether the run had no errors."""
        every = self.diagnostics + [d for r in self.reports for d in r.diagnostics]
        return self.usage is None and not any(d.severity == "error" for d in every)


def run_import(
    files: list[Path],
    records: Path,
    *,
    dry_run: bool,
    force: bool,
    choices: dict[str, str] | None = None,
    extracted: dict[Path, tuple[str, bytes]] | None = None,
) -> Outcome:
    """Import ``files`` into ``records``; write nothing if anything fails.

    ``choices`` settles a conflict per field path: "mine" keeps the record's hand edit,
    "document" takes the document's version. ``extracted`` holds the text read from each PDF
    or Word file, and the file itself, which is kept in records/documents beside its text.
    """
    outcome = Outcome()
    resolver = Resolver.scan(records)
    extracted = extracted or {}
    read = [
        extracted_document(path, *extracted[path])
        if path in extracted
        else read_document(path, outcome.diagnostics)
        for path in files
    ]
    sources = [source for source in read if source is not None]
    outcome.diagnostics += name_documents(sources, records)
    created, held = _first_pass(sources, resolver, outcome)
    # Within one run, an agenda is merged before the minutes of the same meeting, as two runs
    # in that order would.
    sources.sort(key=lambda source: source.order)
    merger = Merger(records, force=force, created=created, choices=choices)
    for source in sources:
        imported = _import(source, resolver)
        outcome.reports.append(imported.report)
        for relative, record in imported.records.items():
            if "document" in record:
                merger.merge(relative, record, imported.report)
        if imported.report.ok:
            _plan(outcome, f"{DOCUMENTS}/{source.name}", source.raw)
            if source.original is not None:
                _plan(outcome, f"{DOCUMENTS}/{source.original_name()}", source.original)
    # What a record made in the first pass could not hold (a municipality no record names) is
    # said only there: the second pass finds the record made. Said once, not twice.
    said = {_key(d) for report in outcome.reports for d in report.diagnostics}
    outcome.diagnostics += [d for d in held if _key(d) not in said]
    merger.link_neighbours()
    outcome.diagnostics += merger.diagnostics
    outcome.diagnostics += _unused_choices(choices or {}, merger.chosen, files)
    for relative, record in {**created, **merger.records}.items():
        kind = KINDS[relative.split("/", maxsplit=1)[0]].name
        _plan(outcome, relative, _render(records / relative, record, kind).encode("utf-8"))
    if not outcome.ok:
        return outcome
    _decide(outcome, records)
    if outcome.ok:
        outcome.diagnostics += self_check(outcome.planned.values(), records, merger.origins)
    if outcome.ok and not dry_run:
        for planned in outcome.planned.values():
            if planned.action in ("write", "update"):
                target = records / planned.relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(planned.data)
    return outcome


def _render(target: Path, record: dict[str, Any], kind: str) -> str:
    """The text of ``record``: the existing file with targeted edits, or a new file."""
    comment = schema_comment(kind)
    if target.is_symlink() or not target.is_file():
        return emit(record, comment)
    try:
        old_text = target.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return emit(record, comment)
    old = load_text(old_text)
    if not old.ok or not isinstance(old.data, dict):
        return emit(record, comment)
    return patched(old_text, old.data, record, comment)


def _unused_choices(choices: dict[str, str], used: set[str], files: list[Path]) -> list[Diagnostic]:
    """A warning for each --keep-mine or --take-document that named no conflicting field."""
    option = {"mine": "--keep-mine", "document": "--take-document"}
    return [
        Diagnostic(
            str(files[0]),
            1,
            1,
            "warning",
            Code.HAND_EDIT,
            _(
                "{option} {field}: that field does not conflict in this import, so the option "
                "changed nothing; name a field the import reports, e.g. items[2.1].beslutning"
            ).format(option=option[how], field=path),
        )
        for path, how in sorted(choices.items())
        if path not in used
    ]


def _key(diagnostic: Diagnostic) -> tuple[str, int, Code, str]:
    return diagnostic.file, diagnostic.line, diagnostic.code, diagnostic.message


def _first_pass(
    sources: list[Incoming], resolver: Resolver, outcome: Outcome
) -> tuple[dict[str, dict[str, Any]], list[Diagnostic]]:
    """The records the documents establish, such as new people, and each document's meeting.

    A name in one document may get its record only from another document's participant
    list. A first pass creates every such record, so that the second resolves every name
    whatever the order of the files, and importing again changes nothing. Also returns the
    pass's unresolved-reference warnings, which the second pass may not repeat.
    """
    created: dict[str, dict[str, Any]] = {}
    held: list[Diagnostic] = []
    for source in sources:
        first = _import(source, resolver)
        for relative, record in first.records.items():
            _register(resolver, relative, record)
            if "document" in record:
                source.order = (str(record["date"]), _KIND_ORDER.get(record["document"], 2))
            else:
                created.setdefault(relative, record)
        outcome.diagnostics += [
            d for d in first.report.diagnostics if d.code is Code.RECORD_CREATED
        ]
        held += [d for d in first.report.diagnostics if d.code is Code.UNRESOLVED_REFERENCE]
    return created, held


def _import(source: Incoming, resolver: Resolver) -> Imported:
    imported = import_document(source.path, source.text, resolver, str(source.path), source.name)
    # Each citation of this document carries the digest of its lines, which kkr validate
    # checks: a citation can then never silently name another document's text.
    lines = document_lines(source.text)
    for relative, record in imported.records.items():
        if relative.startswith("meetings/"):
            wrap_record(record, imported.report)
        for entry in record.get("sources") or []:
            if isinstance(entry, dict) and entry.get("document") == source.name:
                span = str(entry.get("lines") or f"1-{len(lines)}")
                if not _LINES.fullmatch(span):
                    continue
                first, _sep, last = span.partition("-")
                start, end = int(first), int(last or first)
                if 1 <= start <= end <= len(lines):
                    entry["digest"] = lines_digest(lines[start - 1 : end])
    return imported


def _register(resolver: Resolver, relative: str, record: dict[str, Any]) -> None:
    kind = relative.split("/", maxsplit=1)[0]
    if kind == "people":
        resolver.people.add(record["id"], record.get("name"), [])
    elif kind == "meetings":
        resolver.meetings.add(record["id"])


def _plan(outcome: Outcome, relative: str, data: bytes) -> None:
    """Add a file to write, unless the run already plans one at that path."""
    outcome.planned.setdefault(relative, Planned(relative, data))


def _decide(outcome: Outcome, records: Path) -> None:
    """Mark each planned file as new, unchanged, kept or updated; refuse unsafe targets."""
    outcome.diagnostics += linked_targets(records, list(outcome.planned))
    if not outcome.ok:
        return
    for planned in outcome.planned.values():
        target = records / planned.relative
        if target.exists() and not target.is_file():
            outcome.usage = _(
                "{target} is not a regular file (a directory, a link or a device); move it "
                "away, then import again"
            ).format(target=target)
            return
        if not target.exists():
            continue
        planned.old = target.read_bytes()
        kind = planned.relative.split("/")[0]
        if planned.old == planned.data:
            planned.action = "unchanged"
        elif kind in _NEVER_REPLACED or kind == DOCUMENTS:
            # A document's name was chosen to be free or to hold the same bytes.
            planned.action = "keep"
        else:
            planned.action = "update"
