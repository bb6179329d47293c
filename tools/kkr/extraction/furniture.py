"""Page furniture: running headers, footers and page numbers, found by repetition and form."""

from __future__ import annotations

import re
from collections import defaultdict

from kkr.extraction.model import TextLine
from kkr.i18n import _

# "Side 3 af 8", "Side 3", "Page 3 of 8", "- 3 -", "3/8"; a bare number only if it could be the
# page's own (a heading's last word "2030" may stand alone at a page's foot).
PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page)\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}/\d{1,4})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_EDGE = 2
"""Lines at each end of a page where a running header or footer may stand."""


def _key(line: TextLine) -> tuple[str, int]:
    return _DIGITS.sub("#", " ".join(line.text.split())), round(line.top)


def drop_furniture(lines: list[TextLine]) -> tuple[list[TextLine], list[str]]:
    """The lines without headers, footers and page numbers; notes say what was left out.

    A running header or footer is a line at the top or bottom of a page that recurs, digits
    aside, at the same height on at least half the pages; a page number is one of that form.
    """
    pages: dict[int, list[TextLine]] = defaultdict(list)
    for line in lines:
        if line.rows is None:
            pages[line.page].append(line)
    edges = [
        line
        for page in pages.values()
        for line in page[:_EDGE] + page[-_EDGE:]
        if line.text and line.marker is None
    ]
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for line in edges:
        seen[_key(line)].add(line.page)
    needed = max(2, (len(pages) + 1) // 2)
    furniture: set[int] = set()
    dropped: dict[str, set[int]] = defaultdict(set)
    first: dict[str, str] = {}
    for line in edges:
        form = " ".join(line.text.split())
        repeated = len(seen[_key(line)]) >= needed
        own = form.isdigit() and len(form) <= 4 and int(form) <= line.page
        if repeated or own or PAGE_NUMBER.match(form):
            furniture.add(id(line))
            dropped[_key(line)[0]].add(line.page)
            first.setdefault(_key(line)[0], form)
    notes = [
        _("left out the header or footer {text!r}, printed on {count} page(s)").format(
            text=first[text], count=len(on)
        )
        for text, on in dropped.items()
    ]
    return [line for line in lines if id(line) not in furniture], notes
