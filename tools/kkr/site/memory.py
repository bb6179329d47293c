"""Keep a build's memory and its garbage collection in proportion to the site.

Two costs grew faster than the archive on the L archive (9,000 items, 1,455 pages):

- A serial build keeps every doctree it read until the page is written
  (``BuildEnvironment._write_doc_doctree_cache``), so a full build held the whole site's
  doctrees at once: about 1 GB of a 1.55 GB peak, against 573 MB with none kept. Only
  ``KEPT`` are kept now; a page past the bound is read back from its pickle when written.
- With Python's default thresholds (700, 10, 10) a page's doctree, alive for tens of
  thousands of allocations, is promoted to the oldest generation before it becomes garbage,
  and only full collections, each walking every live object, free it: 65 of them took 80 s
  of a 160 s build (29 took 5.8 s of 18 s on M). With ``THRESHOLDS`` a doctree dies young
  and is freed by the cheap collections: 2 full collections, 20 s of collection in all, a
  106 s build and a peak of 813 MB (measured with ``gc.callbacks``, on a loaded machine).
"""

from __future__ import annotations

import gc
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

THRESHOLDS = (10_000, 10, 100)
"""The collector's thresholds during a build; the process's own come back when it ends."""
KEPT = 128
"""Doctrees kept in memory for writing; the rest are unpickled again."""


class BoundedCache(dict[str, Any]):
    """A dict that takes no more than ``KEPT`` entries and ignores the rest."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self or len(self) < KEPT:
            super().__setitem__(key, value)


def bound_doctree_cache(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Replace Sphinx's unbounded doctree cache with a bounded one before reading."""
    # Sphinx falls back to the pickle when a doctree is not in the cache (KeyError).
    current = getattr(env, "_write_doc_doctree_cache", None)
    if isinstance(current, dict) and not isinstance(current, BoundedCache):
        cache = BoundedCache()
        for key, value in current.items():
            cache[key] = value
        env._write_doc_doctree_cache = cache


def tune_gc(app: Sphinx) -> None:
    """Use ``THRESHOLDS`` until the build finishes."""
    previous = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)

    def restore(_app: Sphinx, _exception: BaseException | None) -> None:
        gc.set_threshold(*previous)

    app.connect("build-finished", restore, priority=900)
