"""Shared by the export tests: the exports of the real records, written once to a directory."""

from __future__ import annotations

from pathlib import Path

from kkr.checks.corpus import load_corpus
from kkr.exports.bundle import bundle
from kkr.exports.context import ExportContext

REPO = Path(__file__).resolve().parent.parent
BASE = "https://example.org/kkr/"


def write_exports(records: Path, out: Path, base: str | None = BASE) -> Path:
    """Export ``records`` into ``out`` as the site build does, and return ``out``."""
    ctx = ExportContext.create(load_corpus(records), base, "arkiv")
    for path, data in bundle(ctx).files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return out
