"""Whether the pages Pagefind indexes changed since it last indexed them.

Pagefind has no incremental mode: it reads every page and writes the whole bundle, seconds
at archive scale. A build that wrote no page with new content (a no-op rebuild writes the
index and search pages again, byte for byte) keeps the last bundle instead. Each page's
content hash is stored with its size and modification time, so only the pages written
again are read to compare.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kkr.site import cache

NAME = "kkr-pagefind-inputs.json"
Inputs = dict[str, tuple[int, int, str]]
"""Each HTML page (relative path) -> its size, modification time and SHA-256."""


def current(outdir: Path, known: Inputs) -> Inputs:
    """Every HTML page under ``outdir`` now; pages ``known`` with the same stamp are not read."""
    found: Inputs = {}
    for path in sorted(outdir.rglob("*.html")):
        info = path.stat()
        name = path.relative_to(outdir).as_posix()
        last = known.get(name)
        if last and last[:2] == (info.st_size, info.st_mtime_ns):
            found[name] = last
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[name] = (info.st_size, info.st_mtime_ns, digest)
    return found


def read(directory: Path, settings: str) -> Inputs:
    """The inputs of the last indexing, if it ran with ``settings``; else none."""
    try:
        data = json.loads((directory / NAME).read_text(encoding="utf-8"))
        if data["settings"] != settings:
            return {}
        return {name: (size, mtime, sha) for name, (size, mtime, sha) in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def unchanged(last: Inputs, now: Inputs) -> bool:
    """Whether the same pages have the same content."""
    return bool(last) and {n: v[2] for n, v in last.items()} == {n: v[2] for n, v in now.items()}


def write(directory: Path, settings: str, pages: Inputs) -> None:
    """Store what was indexed, for the next build."""
    cache.store(directory, NAME, json.dumps({"settings": settings, "pages": pages}))
