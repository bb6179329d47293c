"""The records of one records directory, indexed by kind and id, and how files map to kinds."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
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
    unchecked: dict[str, set[str]] = field(default_factory=dict)
    """Ids named by records that failed validation, by reference kind; never reported missing."""

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


class Refused(Enum):
    """Why a path under the records folder is never read."""

    OUTSIDE = "outside"
    DANGLING = "dangling"
    SPECIAL = "special"


def is_record_name(name: str) -> bool:
    """Whether a file name is a record file's: ``.yaml`` or ``.yml`` in any case, not hidden."""
    return name.lower().endswith(SUFFIXES) and not name.startswith(".")


def discover(root: Path) -> list[Path]:
    """Return the record files under ``root`` that may be read, in a stable order."""
    return survey(root)[0]


def survey(root: Path) -> tuple[list[Path], list[tuple[Path, Refused]]]:
    """Return the record files under ``root`` in a stable order, and the paths never read.

    Only regular files are read (a FIFO would block); a symlink is followed only when it
    stays inside ``root``. Hidden paths and files that are not YAML are left alone, so other
    material (such as source documents) may share the folder.
    """
    found: list[Path] = []
    refused: list[tuple[Path, Refused]] = []
    boundary = Path(os.path.realpath(root))
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        # os.walk never descends into a linked directory; one that leaves the folder is named.
        for name in subdirs:
            link = Path(directory, name)
            if link.is_symlink() and not _inside(link, boundary):
                refused.append((link, Refused.OUTSIDE))
        for name in sorted(files):
            if not is_record_name(name):
                continue
            path = Path(directory, name)
            problem = _check_file(path, boundary)
            if problem is None:
                found.append(path)
            else:
                refused.append((path, problem))
    return found, refused


def _check_file(path: Path, boundary: Path) -> Refused | None:
    """Return why ``path`` may not be read as a record, or None for a regular file inside."""
    try:
        status = path.stat()
    except OSError:
        return Refused.DANGLING
    if path.is_symlink() and not _inside(path, boundary):
        return Refused.OUTSIDE
    return None if stat.S_ISREG(status.st_mode) else Refused.SPECIAL


def _inside(path: Path, boundary: Path) -> bool:
    target = Path(os.path.realpath(path))
    return target == boundary or boundary in target.parents


def absolute(path: Path) -> Path:
    """Return ``path`` made absolute and normalised, without resolving symlinks."""
    return Path(os.path.normpath(path.absolute()))


def display_path(path: Path, base: Path | None = None) -> str:
    """Return ``path`` relative to ``base`` (default: the working directory) where possible.

    Symlinks are not resolved: a link is reported by its own name.
    """
    try:
        return str(absolute(path).relative_to(absolute(base or Path.cwd())))
    except ValueError:
        return str(path)


def kind_of(root: Path, path: Path) -> Kind | None:
    """Return the record kind for a file, from the directory directly below ``root``."""
    parts = absolute(path).relative_to(absolute(root)).parts
    return KINDS.get(parts[0]) if len(parts) > 1 else None
