"""Splitting the lines of one item part into paragraphs, list items, markers and tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.tables import is_row
from kkr.importer.text import Line, continues, ends_sentence, join_all

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
    pieces: list[str] = field(default_factory=list)
    """The texts joined into ``text``; joined once, at the end, to stay linear."""
    ved: bool = False
    """Whether the text holds " ved " (a 'Forum ved Name' list line)."""

    def add(self, piece: str) -> None:
        """Append a piece of text; ``seal`` joins them."""
        if not self.pieces:
            self.pieces.append(self.text)
        self.pieces.append(piece)
        self.ved = self.ved or " ved " in piece

    def tail(self) -> str:
        """The end of the text so far, enough to decide how the next piece joins."""
        return join_all(self.pieces[-3:]) if self.pieces else self.text

    def seal(self) -> None:
        """Join the pieces into ``text``."""
        if self.pieces:
            self.text = join_all(self.pieces)
            self.pieces = []


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
            text = listed.group(3).strip()
            units.append(Unit("item", [line], text, level, listed.group(2), ved=" ved " in text))
        elif marker is not None and not rest:
            units.append(Unit("marker", [line], marker))
        elif not gap and units and units[-1].kind in ("para", "item"):
            units[-1].lines.append(line)
            units[-1].add(line.text.strip())
        else:
            text = line.text.strip()
            units.append(Unit("para", [line], text, ved=" ved " in text))
        gap = False
        index += 1
    for unit in units:
        unit.seal()
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
            and continues(last.tail(), unit.text)
        ):
            note = _("line {line}: joined to the sentence on line {other}, cut by a page break")
            report.notes.append(note.format(line=unit.lines[0].no, other=last.lines[-1].no))
            last.add(unit.text)
            last.lines.extend(unit.lines)
            continue
        if last is not None and last.kind == "item" and unit.kind == "item" and _broken(last, unit):
            last.add(unit.text)
            last.lines.extend(unit.lines)
            report.notes.append(
                _(
                    "line {line}: list item joined to the item above; PDF-to-text broke it over "
                    "two lines"
                ).format(line=unit.lines[0].no)
            )
            continue
        out.append(unit)
    for unit in out:
        unit.seal()
    return out


def _broken(first: Unit, second: Unit) -> bool:
    """Whether ``second`` is the tail of ``first``, wrongly given a bullet of its own."""
    if first.level != second.level or len(second.text.split(maxsplit=4)) > 3:
        return False
    tail = first.tail()
    if tail.endswith(","):
        return True
    return first.ved and not second.ved and not ends_sentence(tail)
