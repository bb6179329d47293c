"""Splitting the lines of one item part into paragraphs, list items, markers and tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.importer.report import Report
from kkr.importer.tables import is_row
from kkr.importer.text import Line, continues, ends_sentence, join_broken

_LIST = re.compile(r"^(\s*)([-*•]|\d+[.)])\s+(.*)$")
_MARKER = re.compile(r"^\*?(\./\.{0,2})\*?(?=\s|$)\s*")


@dataclass
class Unit:
    """A paragraph, list item, attachment marker or table, with its source lines."""

    kind: str  # "para", "item", "marker" or "table"
    lines: list[Line]
    text: str = ""
    level: int = 0
    bullet: str = "-"
    extra: list[Line] = field(default_factory=list)


def marker_of(text: str) -> tuple[str | None, str]:
    """Split a leading attachment marker (./. ./.. ./) off ``text``."""
    match = _MARKER.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end() :]


def tokenize(lines: list[Line]) -> list[Unit]:
    """Group lines into units; a blank line between table rows is a page break."""
    units: list[Unit] = []
    gap = True
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.blank:
            gap = True
            index += 1
            continue
        if is_row(line):
            rows: list[Line] = []
            while index < len(lines) and (is_row(lines[index]) or _blank_inside(lines, index)):
                if not lines[index].blank:
                    rows.append(lines[index])
                index += 1
            units.append(Unit("table", rows))
            gap = True
            continue
        listed = _LIST.match(line.text)
        marker, rest = marker_of(line.text.strip())
        if listed is not None:
            level = 1 if listed.group(1) else 0
            units.append(Unit("item", [line], listed.group(3).strip(), level, listed.group(2)))
        elif marker is not None and not rest:
            units.append(Unit("marker", [line], marker))
        elif not gap and units and units[-1].kind in ("para", "item"):
            units[-1].lines.append(line)
            units[-1].text = join_broken(units[-1].text, line.text.strip())
        else:
            units.append(Unit("para", [line], line.text.strip()))
        gap = False
        index += 1
    return units


def _blank_inside(lines: list[Line], index: int) -> bool:
    """A blank line with table rows on both sides, as a page break leaves it."""
    if not lines[index].blank or index == 0 or not is_row(lines[index - 1]):
        return False
    after = index + 1
    while after < len(lines) and lines[after].blank:
        after += 1
    return after < len(lines) and is_row(lines[after])


def repair(units: list[Unit], report: Report) -> list[Unit]:
    """Join sentences cut by page breaks and list items broken over two lines."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind in ("para", "item")
            and unit.kind == "para"
            and continues(last.text, unit.text)
        ):
            report.notes.append(
                f"line {unit.lines[0].no}: joined to the sentence on line {last.lines[-1].no}, "
                "cut by a page break"
            )
            last.text = join_broken(last.text, unit.text)
            last.lines.extend(unit.lines)
            continue
        if last is not None and last.kind == "item" and unit.kind == "item" and _broken(last, unit):
            last.text = join_broken(last.text, unit.text)
            last.lines.extend(unit.lines)
            report.notes.append(
                f"line {unit.lines[0].no}: list item joined to the item above; PDF-to-text "
                "broke it over two lines"
            )
            continue
        out.append(unit)
    return out


def _broken(first: Unit, second: Unit) -> bool:
    """Whether ``second`` is the tail of ``first``, wrongly given a bullet of its own."""
    if first.level != second.level or len(second.text.split()) > 3:
        return False
    if first.text.endswith(","):
        return True
    return " ved " in first.text and " ved " not in second.text and not ends_sentence(first.text)
