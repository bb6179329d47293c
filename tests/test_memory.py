"""A build keeps at most kkr.site.memory.KEPT doctrees in memory and still writes every page."""

from __future__ import annotations

import gc
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from conftest import build, copy_root
from kkr.site import memory
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.sphinx


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_pages_past_the_bound_are_written_from_their_pickles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = build(copy_root("test-site", tmp_path / "whole"), fresh=True)
    monkeypatch.setattr(memory, "KEPT", 2)
    src = copy_root("test-site", tmp_path / "bounded")
    app = SphinxTestApp(
        "html", srcdir=src, builddir=src / "_build", status=StringIO(), warning=StringIO()
    )
    read: list[str] = []
    kept: list[int] = []

    def after_reading(_app: Any, env: Any) -> list[str]:
        kept.append(len(env._write_doc_doctree_cache))
        return []

    app.connect("env-before-read-docs", lambda _a, _e, docs: read.extend(docs))
    app.connect("env-updated", after_reading)
    try:
        app.build()
    finally:
        app.cleanup()
    assert len(read) > 2
    assert kept == [2]
    assert _files(Path(app.outdir)) == _files(whole.out)


def test_the_collector_thresholds_hold_for_the_build_only(tmp_path: Path) -> None:
    src = copy_root("test-site", tmp_path / "site")
    before = gc.get_threshold()
    app = SphinxTestApp(
        "html", srcdir=src, builddir=src / "_build", status=StringIO(), warning=StringIO()
    )
    during: list[tuple[int, int, int]] = []
    app.connect("env-updated", lambda _a, _e: during.append(gc.get_threshold()) or [])
    try:
        app.build()
    finally:
        app.cleanup()
    assert during == [memory.THRESHOLDS]
    assert gc.get_threshold() == before != memory.THRESHOLDS
