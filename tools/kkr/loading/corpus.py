"""The records of one records directory, indexed by kind and id, and how files map to kinds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kkr.diagnostics import Diagnostic
from kkr.loading.loader import Document, PathKey, Position
from schema.base import Record
from schema.meeting import Item, Meeting
from schema.registry import KINDS, Kind

SUFFIXES = (".yaml", ".yml")


@dataclass
class Entry:
    """A validated record and the document it came from."""

    kind: Kind
    record: Record
    document: Document

    @property
    def path(self) -> Path:
        """The record's file."""
        return self.document.path

    @property
    def display(self) -> str:
        """The record's file as shown in diagnostics."""
        return self.document.display

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """Return the line and column of a field inside the record."""
        return self.document.locate(path, key=key)


@dataclass
class Corpus:
    """All records of one records directory."""

    root: Path
    paths: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    advice: list[Diagnostic] = field(default_factory=list)
    """Hints shown with ``kkr validate --strict`` only, never as errors (e.g. no sources)."""
    by_kind: dict[str, dict[str, Entry]] = field(default_factory=dict)

    def entries(self, kind: str) -> list[Entry]:
        """Return the records of ``kind`` (e.g. "meeting"), sorted by id."""
        found = self.by_kind.get(kind, {})
        return [found[key] for key in sorted(found)]

    def get(self, kind: str, record_id: str) -> Entry | None:
        """Return the record of ``kind`` with ``record_id``, if any."""
        return self.by_kind.get(kind, {}).get(record_id)

    def items(self) -> Iterator[tuple[Entry, Item]]:
        """Yield every agenda item with its meeting, in meeting and item order."""
        for entry in self.entries("meeting"):
            meeting = entry.record
            assert isinstance(meeting, Meeting)
            for item in meeting.items:
                yield entry, item

    @property
    def files(self) -> int:
        """How many record files were read."""
        return len(self.paths)

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return sum(1 for d in self.diagnostics if d.severity == "error")


def discover(root: Path) -> list[Path]:
    """Return every YAML file under ``root`` in a stable order, skipping hidden paths."""
    found: list[Path] = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        found.extend(
            Path(directory, name)
            for name in sorted(files)
            if name.endswith(SUFFIXES) and not name.startswith(".")
        )
    return found


def display_path(path: Path, base: Path | None = None) -> str:
    """Return ``path`` relative to ``base`` (default: the working directory) where possible."""
    try:
        return str(path.resolve().relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def kind_of(root: Path, path: Path) -> Kind | None:
    """Return the record kind for a file, from the first directory below ``root``."""
    parts = path.relative_to(root).parts
    return KINDS.get(parts[0]) if len(parts) > 1 else None
