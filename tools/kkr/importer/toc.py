"""The table of contents: section and item numbers, titles and pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.text import Line, html_to_markdown, strip_dot_leader, words

# The number in front of a contents title; the page is split off by hand (see _entry), since a
# pattern with a lazy title followed by tabs and spaces backtracks cubically on a line of tabs.
_NUMBER = re.compile(r"^(\d+\.(?:\d+\.?)?)[ \t]+(\S.*)$")
_DIGITS = "0123456789"


def _entry(text: str) -> tuple[str | None, str, int] | None:
    """Split a contents line 'NUMBER TITLE<tab>PAGE' into its parts, or None."""
    body = text.rstrip(_DIGITS)
    page = text[len(body) :]
    title = body.rstrip()
    if not page or "\t" not in body[len(title) :] or not title:
        return None
    numbered = _NUMBER.match(title)
    if numbered is not None:
        return numbered.group(1), numbered.group(2), int(page[:9])
    return None, title, int(page[:9])


def _spaced(text: str, headings: set[str]) -> tuple[str | None, str, int] | None:
    """'NUMBER TITLE PAGE' with a space before the page, as a PDF prints a Word contents line
    whose tab stopped at a default tab stop: a contents line only if the document later has
    'NUMBER TITLE' as a heading of its own."""
    head, _space, page = text.rpartition(" ")
    if not page.isdigit() or len(page) > 3 or " ".join(head.split()) not in headings:
        return None
    numbered = _NUMBER.match(head)
    return (numbered.group(1), numbered.group(2), int(page)) if numbered else None


@dataclass
class Entry:
    """One line of the table of contents."""

    number: str  # "3" for a section, "3.6" for an item
    title: str
    page: int
    line: int


@dataclass
class Toc:
    """The parsed table of contents."""

    sections: dict[str, Entry] = field(default_factory=dict)
    items: dict[str, Entry] = field(default_factory=dict)
    end: int = 0


def parse_toc(lines: list[Line], start: int, report: Report) -> Toc:
    """Read table-of-contents lines from ``start`` until the first line that is not one."""
    toc = Toc(end=start)
    index = start
    headings = {" ".join(line.text.split()) for line in lines[start:]}
    while index < len(lines):
        line = lines[index]
        if line.blank:
            index += 1
            continue
        text = line.text.strip()
        if line.markdown:
            text = html_to_markdown(text).replace("**", "").strip()
        match = _entry(text) or _spaced(text, headings)
        if match is None:
            break
        number, printed, page = match
        title = words(strip_dot_leader(printed), markdown=line.markdown)
        if number is None:
            report.skip(
                line,
                _("table-of-contents entry '{title}' (page {page}) with no number").format(
                    title=title, page=page
                ),
            )
        else:
            parts = number.rstrip(".").split(".")
            entry = Entry(".".join(parts), title, page, line.no)
            target = toc.items if len(parts) == 2 else toc.sections
            target.setdefault(entry.number, entry)
            report.cover(line, "sections" if len(parts) == 1 else f"items[{entry.number}].page")
        index += 1
        toc.end = index
    return toc
