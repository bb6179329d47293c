"""What the last build's exports were, so that a build whose records did not change skips them.

Building the exports at archive scale takes seconds (the OParl tree alone is thousands of
files). While the records, the code and the settings are those of the last build, the files
it wrote are still right: this manifest names them with their sizes and modification times,
and keeps the feeds the pages advertise. Any file that is missing or was changed since, or
any stray file, and the exports are built and written again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kkr.site import cache

NAME = "kkr-exports.json"
Stamp = tuple[int, int]
"""A file's size and modification time in nanoseconds."""


@dataclass(frozen=True)
class Manifest:
    """The written export files and the feeds of one build, under the key it was made with."""

    key: str
    files: dict[str, Stamp]
    feeds: list[tuple[str, str, str]]
    """Each feed's (path, title, page), as publish.on_page_context needs them."""


def stamp(path: Path) -> Stamp | None:
    """The size and modification time of ``path``, or None if it is no regular file."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def read(directory: Path, wanted: str) -> Manifest | None:
    """The manifest stored in ``directory`` if it was made under ``wanted``."""
    try:
        data = json.loads((directory / NAME).read_text(encoding="utf-8"))
        if data["key"] != wanted:
            return None
        return Manifest(
            data["key"],
            {name: (size, mtime) for name, (size, mtime) in data["files"].items()},
            [(path, title, page) for path, title, page in data["feeds"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        # A missing or damaged manifest only means the exports are built again.
        return None


def write(directory: Path, manifest: Manifest) -> None:
    """Store ``manifest`` for the next build."""
    data = {"key": manifest.key, "files": manifest.files, "feeds": manifest.feeds}
    cache.store(directory, NAME, json.dumps(data, sort_keys=True))


def intact(out: Path, manifest: Manifest, present: list[str]) -> bool:
    """Whether the files under ``out`` are exactly those the manifest names, unchanged.

    ``present`` lists the export files now in the output, relative to ``out``.
    """
    if sorted(present) != sorted(manifest.files):
        return False
    return all(stamp(out / name) == known for name, known in manifest.files.items())
