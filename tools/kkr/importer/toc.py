"""The table of contents: section and item numbers, titles and pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.importer.report import Report
from kkr.importer.text import Line, html_to_markdown, plain, strip_dot_leader

_ENTRY = re.compile(r"^(?:(?P<number>\d+\.(?:\d+\.?)?)\s+)?(?P<title>\S.*?)\t+\s*(?P<page>\d+)$")


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
    while index < len(lines):
        line = lines[index]
        if line.blank:
            index += 1
            continue
        text = html_to_markdown(line.text).replace("**", "").strip()
        match = _ENTRY.match(text)
        if match is None:
            break
        title = plain(strip_dot_leader(match.group("title")))
        page = int(match.group("page"))
        number = match.group("number")
        if number is None:
            report.skip(line, f"table-of-contents entry '{title}' (page {page}) with no number")
        else:
            parts = number.rstrip(".").split(".")
            entry = Entry(".".join(parts), title, page, line.no)
            target = toc.items if len(parts) == 2 else toc.sections
            target.setdefault(entry.number, entry)
            report.cover(line, "sections" if len(parts) == 1 else f"items[{entry.number}].page")
        index += 1
        toc.end = index
    return toc
