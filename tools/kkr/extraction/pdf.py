"""Reading a PDF's pages into printed lines and ruled tables, with positions and font weight."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber

from kkr.extraction.layout import join
from kkr.extraction.model import ExtractionError, TextLine
from kkr.i18n import _

_MARKER = re.compile(r"^\./\.{0,2}$")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b$", re.IGNORECASE)
# Words on one line are separated by a space, unless the gap is this many times the font size
# (a contents line's page number, a column): then by a tab, which the text format reads so.
_COLUMN_GAP = 1.5
_WORD_GAP = 1.5
"""Points: the x_tolerance words are read with; pdfplumber splits a closer pair only where the
font changes (a bold prefix, a ligature in a second font subset), so that pair is one word."""
_DOT = 6.0
"""Points: the largest shape read as a drawn list bullet."""
_HYPHENS = str.maketrans({"\u2011": "-", "\u2010": "-"})
MAX_PAGES = 2000
"""More pages than any agenda or minutes; a larger PDF is refused, not read for minutes."""


def read_pdf(path: Path) -> list[TextLine]:
    """Every printed line and ruled table of every page, in reading order."""
    lines: list[TextLine] = []
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise ExtractionError(
                _("the PDF has {count} pages, more than the {limit} any agenda has").format(
                    count=len(pdf.pages), limit=MAX_PAGES
                )
            )
        for number, page in enumerate(pdf.pages, start=1):
            lines += _page(page, number)
            page.flush_cache()  # keeps memory flat: a page's objects are not needed again
    return lines


def _page(page: Any, number: int) -> list[TextLine]:
    tables = [t for t in page.find_tables() if len(t.rows) >= 1 and len(t.columns) >= 2]
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        middle_x = (obj["x0"] + obj["x1"]) / 2
        middle_y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= middle_x <= x1 and t <= middle_y <= b for x0, t, x1, b in boxes)

    words = page.filter(outside).extract_words(
        extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance=_WORD_GAP
    )
    found = list(_lines(words, number))
    _graphic_bullets(found, [*page.curves, *page.rects])
    left = _body_left(found)
    for line in found:
        _split_marker(line, left)
    for table in tables:
        rows = [[_cell(cell) for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if rows:
            x0, top, x1, bottom = table.bbox
            found.append(TextLine("", number, top, bottom, x0, x1, rows=rows))
    found.sort(key=lambda line: (line.top, line.x0))
    return found


def _cell(value: str | None) -> str:
    """A cell's text; its lines joined as a paragraph's are (hyphens at line ends included)."""
    pieces = [" ".join(piece.split()) for piece in _normal(value or "").split("\n")]
    text = ""
    for piece in filter(None, pieces):
        text = join(text, piece) if text else piece
    return text


def _normal(text: str) -> str:
    """Non-breaking and typographic hyphens read as the hyphen they print."""
    return text.translate(_HYPHENS)


def _lines(words: list[dict[str, Any]], page: int) -> Iterator[TextLine]:
    """Group words whose vertical middles agree into lines, left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if rows:
            last = rows[-1][0]
            if abs((last["top"] + last["bottom"]) / 2 - middle) <= max(2.0, word["size"] * 0.3):
                rows[-1].append(word)
                continue
        rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        text = _normal(row[0]["text"])
        for before, word in itertools.pairwise(row):
            gap = word["x0"] - before["x1"]
            space = "" if gap <= _WORD_GAP else " "
            text += ("\t" if gap > _COLUMN_GAP * word["size"] else space) + _normal(word["text"])
        size = round(max(word["size"] for word in row), 1)
        bold = all(_BOLD.search(word["fontname"]) for word in row if word["text"].strip("•\uf0b7"))
        yield TextLine(
            text,
            page,
            min(w["top"] for w in row),
            max(w["bottom"] for w in row),
            row[0]["x0"],
            row[-1]["x1"],
            size,
            bold,
        )


def _graphic_bullets(lines: list[TextLine], shapes: list[dict[str, Any]]) -> None:
    """Mark lines with a drawn bullet (a small dot or square just left of the text, as a
    browser prints a list) as list items, as if the bullet were a character."""
    dots = [
        shape
        for shape in shapes
        if 0 < shape["width"] <= _DOT and 0 < shape["height"] <= _DOT
        and abs(shape["width"] - shape["height"]) < 1
    ]  # fmt: skip
    for line in lines:
        for dot in dots:
            middle = (dot["top"] + dot["bottom"]) / 2
            before = line.x0 - dot["x1"]
            if 0 < before <= 3 * max(line.size, 1.0) and line.top <= middle <= line.bottom:
                line.text, line.x0 = "• " + line.text, dot["x0"]
                break


def _body_left(lines: list[TextLine]) -> float:
    """The left edge most lines start at: what stands further left is in the margin."""
    edges = Counter(round(line.x0) for line in lines)
    return float(edges.most_common(1)[0][0]) if edges else 0.0


def _split_marker(line: TextLine, left: float) -> None:
    """Move a './.' printed in the left margin out of the line's text."""
    head, _tab, rest = line.text.partition("\t")
    first = head.split(" ", 1)[0]
    if line.x0 < left - 5 and _MARKER.match(first):
        remainder = head[len(first) :].strip() or rest
        if head.strip() == first:
            remainder = rest
        line.marker = first
        line.text = remainder.strip()
        line.x0 = left
