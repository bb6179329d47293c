"""Where the extension gets its records; a seam that tests can replace."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from kkr.checks.corpus import load_corpus
from kkr.gcpause import paused_gc
from kkr.loading.corpus import Corpus

_ATTRIBUTE = "_kkr_corpus"


def load(records: Path, base: Path) -> Corpus:
    """Load and validate every record under ``records``."""
    return load_corpus(records, base=base)


def corpus(app: Sphinx, records: Path) -> Corpus:
    """The records of this build, loaded at most once for the pages and the exports together."""
    found: Corpus | None = getattr(app, _ATTRIBUTE, None)
    if found is None:
        # The corpus lives to the end of the build and holds no cycles: the cyclic
        # collector, rescanning it on every pass, took half of its loading time.
        with paused_gc():
            found = load(records, Path(app.srcdir))
        # On the application, which lives for one build: the next build reads the records again.
        setattr(app, _ATTRIBUTE, found)
    return found
