"""What one build learnt from the records, kept for the next build while nothing changed.

A rebuild with the same record files, the same code and the same settings needs neither the
records nor the page models: no page is read again. It needs only each page model's
fingerprint (to compare with what every page was read with), whether each generated page is
an orphan (to check the page sources) and the diagnostics (to report them again). Loading
the corpus costs seconds at archive scale; this file costs milliseconds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kkr.diagnostics import Code, Diagnostic
from kkr.loading.corpus import discover

NAME = "kkr-records.json"
_CODES = {code.value: code for code in Code}
# The code that turns records into page models: a change to it changes every model.
_CODE = (Path(__file__).resolve().parents[1], Path(__file__).resolve().parents[3] / "schema")


@dataclass(frozen=True)
class Snapshot:
    """The records' page fingerprints, page kinds and diagnostics under one key."""

    key: str
    prints: dict[str, str]
    orphans: dict[str, bool]
    diagnostics: list[Diagnostic]
    files: int
    newest: str | None
    """The newest date a source document speaks from (ISO), for the freshness line."""
    trails: dict[str, dict[str, Any]]
    """Each detail page's place in the navigation (kkr.site.navigation.trails)."""
    search: dict[str, list[tuple[str, str]]]
    """Each page's search filters (kkr.site.search.page_filters)."""


def _code_stamp() -> bytes:
    # Size and modification time of every module: cheap, and changes with any edit.
    stamp = hashlib.sha256()
    for root in _CODE:
        for path in sorted(root.rglob("*.py")):
            info = path.stat()
            stamp.update(f"{path}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return stamp.digest()


def key(records: Path, settings: tuple[str, ...]) -> str:
    """A hash of every record file's name and bytes, the code and the settings."""
    digest = hashlib.sha256(_code_stamp())
    digest.update("\0".join(settings).encode())
    # The source documents too: their pages (arkiv/kilder) and the cited lines come from them.
    documents = records / "documents"
    cited = (
        sorted(p for p in documents.iterdir() if p.is_file() and not p.is_symlink())
        if documents.is_dir()
        else []
    )
    for path in [*discover(records), *cited]:
        digest.update(str(path.relative_to(records)).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def read(directory: Path, wanted: str) -> Snapshot | None:
    """The snapshot stored in ``directory`` if it was made under ``wanted``."""
    try:
        data = json.loads((directory / NAME).read_text(encoding="utf-8"))
        if data["key"] != wanted:
            return None
        return Snapshot(
            key=data["key"],
            prints=data["prints"],
            orphans=data["orphans"],
            diagnostics=[
                Diagnostic(**{**d, "code": _CODES[d["code"]]}) for d in data["diagnostics"]
            ],
            files=data["files"],
            newest=data["newest"],
            trails=data["trails"],
            search={page: [(a, b) for a, b in pairs] for page, pairs in data["search"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        # A missing or damaged snapshot only means the records are loaded again.
        return None


def store(directory: Path, name: str, text: str) -> None:
    """Write ``directory/name`` whole: a build stopped halfway leaves the last one in place."""
    directory.mkdir(parents=True, exist_ok=True)
    temporary = directory / (name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(directory / name)


def write(directory: Path, snapshot: Snapshot) -> None:
    """Store ``snapshot`` for the next build."""
    store(directory, NAME, json.dumps(asdict(snapshot)))
