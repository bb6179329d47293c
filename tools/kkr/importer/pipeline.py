"""Importing documents: read, convert, check against the records folder, then write."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Code, Diagnostic
from kkr.importer.assemble import import_document
from kkr.importer.preserve import carry_over, existing_meeting
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver
from kkr.importer.writer import emit, schema_comment
from kkr.loading.loader import MAX_BYTES
from schema.registry import KINDS

# Records the import creates are never replaced: another of the same id is someone's work.
_NEVER_REPLACED = frozenset({"people", "body", "organizations"})


@dataclass
class Planned:
    """One record file the import would write."""

    relative: str  # e.g. meetings/2023-11-21.yaml
    text: str
    action: str = "write"  # write, unchanged, overwrite, keep


@dataclass
class Outcome:
    """Everything an import run found and did."""

    reports: list[Report] = field(default_factory=list)
    planned: list[Planned] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the run had no errors."""
        every = self.diagnostics + [d for r in self.reports for d in r.diagnostics]
        return not any(d.severity == "error" for d in every)


def run_import(files: list[Path], records: Path, *, dry_run: bool, force: bool) -> Outcome:
    """Import ``files`` into ``records``; write nothing if anything fails."""
    outcome = Outcome()
    resolver = Resolver.scan(records)
    texts = [(path, data) for path in files if (data := _read(path, outcome)) is not None]
    # A name in one document may get its record only from another document's participant
    # list. A first pass creates every such record, so that the second resolves every name
    # whatever the order of the files, and importing again changes nothing.
    created: dict[str, dict[str, Any]] = {}
    for path, data in texts:
        first = import_document(path, data, resolver, str(path))
        for relative, record in first.records.items():
            _register(resolver, relative, record)
            if "document" not in record:
                created.setdefault(relative, record)
        outcome.diagnostics += [
            d for d in first.report.diagnostics if d.code is Code.RECORD_CREATED
        ]
    for path, data in texts:
        imported = import_document(path, data, resolver, str(path))
        outcome.reports.append(imported.report)
        for relative, record in imported.records.items():
            if "document" in record:
                _plan(outcome, relative, _keep_curated(record, records / relative, outcome))
    for relative, record in created.items():
        _plan(outcome, relative, record)
    if not outcome.ok:
        return outcome
    _decide(outcome, records, force)
    if outcome.ok:
        _self_check(outcome, records)
    if outcome.ok and not dry_run:
        for planned in outcome.planned:
            if planned.action in ("write", "overwrite"):
                target = records / planned.relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(planned.text, encoding="utf-8")
    return outcome


def _register(resolver: Resolver, relative: str, record: dict[str, Any]) -> None:
    kind = relative.split("/", maxsplit=1)[0]
    if kind == "people":
        resolver.people.add(record["id"], record.get("name"), [])
    elif kind == "meetings":
        resolver.meetings.add(record["id"])


def _plan(outcome: Outcome, relative: str, record: dict[str, Any]) -> None:
    """Add a file to write, unless the run already plans one at that path."""
    if any(planned.relative == relative for planned in outcome.planned):
        return
    kind = KINDS[relative.split("/", maxsplit=1)[0]].name
    outcome.planned.append(Planned(relative, emit(record, schema_comment(kind))))


def _keep_curated(record: dict[str, Any], target: Path, outcome: Outcome) -> dict[str, Any]:
    """Carry the links staff added to an existing meeting record into the fresh one."""
    existing = existing_meeting(target)
    if existing is None:
        return record
    carried = carry_over(record, existing)
    for number in carried.dropped:
        outcome.diagnostics.append(
            Diagnostic(
                str(target),
                1,
                1,
                "warning",
                Code.RECORD_EXISTS,
                f"item {number} of the existing record is not in the document; its links "
                "(topics, people, contracts ...) are not carried over",
            )
        )
    return carried.record


def _read(path: Path, outcome: Outcome) -> str | None:
    def fail(code: Code, message: str) -> None:
        outcome.diagnostics.append(Diagnostic(str(path), 1, 1, "error", code, message))

    try:
        raw = path.read_bytes()
    except OSError as exc:
        fail(Code.IO_ERROR, f"cannot read the document: {exc.strerror}")
        return None
    if len(raw) > MAX_BYTES:
        fail(Code.FILE_TOO_LARGE, f"the document is {len(raw)} bytes; at most {MAX_BYTES}")
        return None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        fail(Code.ENCODING, f"byte {exc.start} is not valid UTF-8; save the document as UTF-8")
        return None


def _decide(outcome: Outcome, records: Path, force: bool) -> None:
    """Mark each planned file as new, unchanged, kept or overwritten."""
    for planned in outcome.planned:
        target = records / planned.relative
        if not target.exists():
            continue
        if target.read_text(encoding="utf-8") == planned.text:
            planned.action = "unchanged"
        elif planned.relative.split("/")[0] in _NEVER_REPLACED:
            planned.action = "keep"
        elif force:
            planned.action = "overwrite"
        else:
            outcome.diagnostics.append(
                Diagnostic(
                    str(target),
                    1,
                    1,
                    "error",
                    Code.RECORD_EXISTS,
                    "the record exists and differs from this import; nothing was written. "
                    "Rerun with --force to replace it (item links and fields the import does not "
                    "set are kept; other hand edits are lost)",
                )
            )


def _self_check(outcome: Outcome, records: Path) -> None:
    """Validate the planned files together with the existing records, as kkr validate does."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        if records.is_dir():
            shutil.copytree(records, root)
        for planned in outcome.planned:
            if planned.action in ("write", "overwrite"):
                target = root / planned.relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(planned.text, encoding="utf-8")
        corpus = load_corpus(root, base=root)
        ours = {planned.relative: planned for planned in outcome.planned}
        for diagnostic in corpus.diagnostics:
            relative = _relative(diagnostic.file, root)
            if relative not in ours:
                continue
            outcome.diagnostics.append(
                Diagnostic(
                    str(records / relative),
                    diagnostic.line,
                    diagnostic.column,
                    diagnostic.severity,
                    diagnostic.code,
                    diagnostic.message,
                )
            )


def _relative(display: str, root: Path) -> str:
    path = Path(display)
    if path.is_absolute():
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return display
    return path.as_posix()


def record_path(planned: Planned, records: Path) -> Path:
    """Where a planned record lives."""
    return records / planned.relative


def as_data(outcome: Outcome) -> dict[str, Any]:
    """A summary of the run, for tests and tools."""
    return {p.relative: p.action for p in outcome.planned}
