"""Where the five source documents are; a missing directory fails the run, never skips it."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def find_sources() -> Path:
    """Return shared/sources beside the repository, or $KKR_SOURCES."""
    if "KKR_SOURCES" in os.environ:
        return Path(os.environ["KKR_SOURCES"])
    for parent in REPO.parents:
        if (parent / "shared" / "sources").is_dir():
            return parent / "shared" / "sources"
    raise RuntimeError(
        "the source documents were not found: put shared/sources beside the repository "
        "or set KKR_SOURCES to their directory"
    )


SOURCES = find_sources()

# The three agendas and minutes, oldest first (the folder and the work plan are not meetings).
MEETING_DOCUMENTS = sorted(p.name for p in SOURCES.glob("kkr-syddanmark-20??-??-??-*"))
