"""Where the extension gets its records; a seam that tests can replace."""

from __future__ import annotations

from pathlib import Path

from kkr.checks.corpus import load_corpus
from kkr.loading.corpus import Corpus


def load(records: Path, base: Path) -> Corpus:
    """Load and validate every record under ``records``."""
    return load_corpus(records, base=base)
