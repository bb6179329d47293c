"""Validating what an import would write together with the records it joins."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Code, Diagnostic

if TYPE_CHECKING:
    from kkr.importer.pipeline import Planned


def self_check(planned: Iterable[Planned], records: Path) -> list[Diagnostic]:
    """Validate the planned files with the existing records, as kkr validate does.

    Reports the problems of the files the import writes, and citations a replaced document
    breaks.
    """
    planned = list(planned)
    found: list[Diagnostic] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        if records.is_dir():
            # Links are copied as links: a dangling one must not stop the import.
            shutil.copytree(records, root, symlinks=True)
        root.mkdir(exist_ok=True)
        for plan in planned:
            if plan.action in ("write", "update"):
                target = root / plan.relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(plan.data)
        corpus = load_corpus(root, base=root)
        ours = {plan.relative for plan in planned}
        # A replaced document (--force) may move lines that other records cite.
        replaced = [
            Path(plan.relative).name
            for plan in planned
            if plan.relative.startswith("documents/") and plan.action == "update"
        ]
        for diagnostic in corpus.diagnostics:
            relative = _relative(diagnostic.file, root)
            cites = diagnostic.code is Code.CITATION and any(
                name in diagnostic.message for name in replaced
            )
            if relative not in ours and not cites:
                continue
            found.append(
                Diagnostic(
                    str(records / relative),
                    diagnostic.line,
                    diagnostic.column,
                    diagnostic.severity,
                    diagnostic.code,
                    diagnostic.message,
                )
            )
    return found


def _relative(display: str, root: Path) -> str:
    path = Path(display)
    if path.is_absolute():
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return display
    return path.as_posix()
