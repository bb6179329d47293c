"""Validating what an import would write together with the records it joins."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Code, Diagnostic, clipped
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.loading.loader import load

if TYPE_CHECKING:
    from kkr.importer.pipeline import Planned


_SHORTEST = 12
"""A shorter document line is too common to say which line a record's text came from."""

Origin = tuple[Report, dict[str, list[int]]]
"""The report of the document a record came from, and the document lines of each field."""


def self_check(
    planned: Iterable[Planned], records: Path, origins: dict[str, Origin]
) -> list[Diagnostic]:
    """Validate the planned files with the existing records, as kkr validate does.

    Reports the problems of the files the import writes, and citations a replaced document
    breaks. A problem in a record the import would create is shown at the document's line,
    since the record file does not exist.
    """
    planned = list(planned)
    found: list[Diagnostic] = [
        problem
        for plan in planned
        if plan.relative.startswith("meetings/") and plan.relative in origins
        for problem in contents_problems(plan.data, origins[plan.relative])
    ]
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
            new = relative in ours and not (records / relative).exists()
            if new and relative in origins:
                found.append(_at_document(diagnostic, relative, root, origins[relative]))
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


def _at_document(diagnostic: Diagnostic, relative: str, root: Path, origin: Origin) -> Diagnostic:
    """The problem of a record the import would create, at the document line it came from."""
    report, lines = origin
    record = load(root / relative)
    at = (diagnostic.line, diagnostic.column)
    # The value the problem is in: the last one starting at or before it (a problem inside a
    # block of text stands on one of the text's lines, after the value's start).
    starts = [(k, (p.line, p.column)) for k, p in record.values.items() if (p.line, p.column) <= at]
    key = max(starts, key=lambda found: found[1])[0] if starts else ()
    path = _field_path(key, record.data)
    # The field's own lines, else its item's heading, else the first line of its kind.
    heading = path.rsplit(".", 1)[0] + ".title"
    numbers = lines.get(path) or lines.get(heading) or lines.get(path.split("[")[0]) or [1]
    line = _same_text(report, numbers, root / relative, diagnostic.line)
    message = _("{message} (in {record}, which the import would write)").format(
        message=diagnostic.message, record=f"{relative}:{diagnostic.line}"
    )
    return Diagnostic(report.display, line, 1, diagnostic.severity, diagnostic.code, message)


def _same_text(report: Report, numbers: list[int], record: Path, line: int) -> int:
    """The document line among ``numbers`` that holds the record's line ``line``, else the first."""
    try:
        wanted = " ".join(record.read_text(encoding="utf-8").split("\n")[line - 1].split())
    except (OSError, UnicodeDecodeError, IndexError):
        return numbers[0]
    if not wanted:
        return numbers[0]
    for number in numbers:
        if not 0 < number <= len(report.lines):
            continue
        printed = " ".join(report.lines[number - 1].text.split())
        # The importer joins a paragraph's lines, so a record line may hold several of them.
        if printed and (wanted in printed or (len(printed) >= _SHORTEST and printed in wanted)):
            return number
    return numbers[0]


def _field_path(key: tuple[str | int, ...], data: object) -> str:
    """The importer's name of the field at ``key``: ("items", 3, "title") -> items[2.1].title."""
    if len(key) >= 3 and key[0] == "items" and isinstance(key[1], int) and isinstance(data, dict):
        items = data.get("items")
        if isinstance(items, list) and key[1] < len(items) and isinstance(items[key[1]], dict):
            return f"items[{items[key[1]].get('number')}].{key[2]}"
    return str(key[0]) if key else ""


def _relative(display: str, root: Path) -> str:
    path = Path(display)
    if path.is_absolute():
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return display
    return path.as_posix()


# What a title may not end in: a contents page number after a dot leader, or a page footer.
_FURNITURE = re.compile(r"(?:\.{3,}|…+)\s*\d*$|\bSide\s+\d+\s+af\s+\d+\b", re.IGNORECASE)


def contents_problems(data: bytes, origin: Origin) -> list[Diagnostic]:
    """Compare a meeting's items and sections with its table of contents.

    Every item is found once, no section twice, each item under its section, titles free of
    dot leaders and page footers (the import itself records where heading and contents differ).
    """
    report, lines = origin
    try:
        record = yaml.safe_load(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return []  # the validation below reports it
    if not isinstance(record, dict):
        return []
    found: list[Diagnostic] = []

    def problem(field: str, message: str) -> None:
        line = (lines.get(field) or [1])[0]
        found.append(Diagnostic(report.display, line, 1, "error", Code.TOC_MISMATCH, message))

    sections = [s for s in record.get("sections") or [] if isinstance(s, dict)]
    items = [i for i in record.get("items") or [] if isinstance(i, dict)]
    numbers = [str(section.get("number")) for section in sections]
    for number, count in Counter(numbers).items():
        if count > 1:
            problem(
                f"sections[{number}].title",
                _("section {number} is imported {count} times; a converter may have repeated "
                  "the contents as headings").format(number=number, count=count),
            )  # fmt: skip
    for number, count in Counter(str(item.get("number")) for item in items).items():
        if count > 1:
            problem(
                f"items[{number}].title",
                _("item {number} is imported {count} times").format(number=number, count=count),
            )
    for item in items:
        number = str(item.get("number"))
        where = f"items[{number}].title"
        if number.split(".")[0] not in numbers:
            problem(where, _("item {number} has no section").format(number=number))
        for title in (item.get("title"), item.get("toc_title")):
            if isinstance(title, str) and _FURNITURE.search(title):
                problem(
                    where,
                    _("item {number}'s title {title!r} holds a dot leader or page footer").format(
                        number=number, title=clipped(title)
                    ),
                )
    for section in sections:
        title = section.get("title")
        if isinstance(title, str) and _FURNITURE.search(title):
            problem(
                f"sections[{section.get('number')}].title",
                _("section {number}'s title {title!r} holds a dot leader or page footer").format(
                    number=section.get("number"), title=clipped(title)
                ),
            )
    return found
