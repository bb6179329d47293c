"""Splitting the body into sections, items and the parts of each item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.text import Line
from kkr.importer.toc import Toc

PARTS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
PARTICIPANT_HEADINGS = ("deltagerfortegnelse", "deltagere", "afbud")
_SECTION = re.compile(r"^(\d+)\.\s+(\S.*)$")
_ITEM = re.compile(r"^(\d+)\.(\d+)\.?\s+(\S.*)$")
# Matched against stripped text, so no two whitespace runs compete for the same spaces.
_CASE = re.compile(r"^(SAG-\d{4}-\d{5})(?:[ \t]+([a-zæøå]+(?:/[a-zæøå]+)*))?$")
MAX_ITEMS = 1000
"""More items than any real agenda has (KKR agendas have 20 to 40)."""


@dataclass
class ItemBlock:
    """The lines of one agenda item, split into its parts."""

    number: str
    title: str
    line: int
    case: str | None = None
    handlers: list[str] = field(default_factory=list)
    parts: dict[str, list[Line]] = field(default_factory=dict)


@dataclass
class SectionBlock:
    """A numbered section of the body and its items."""

    number: str
    title: str
    line: int
    items: list[ItemBlock] = field(default_factory=list)


@dataclass
class Body:
    """The body of a document: participant lines and sections."""

    participants: list[Line] = field(default_factory=list)
    sections: list[SectionBlock] = field(default_factory=list)


def _following(lines: list[Line], index: int) -> int:
    """The index of the next non-blank line after ``index`` (len(lines) if none)."""
    index += 1
    while index < len(lines) and lines[index].blank:
        index += 1
    return index


def case_of(line: Line) -> re.Match[str] | None:
    """The case number and handler initials of a 'SAG-YYYY-NNNNN initials' line."""
    return _CASE.match(line.plain)


def _is_item(lines: list[Line], index: int, toc: Toc, seen: set[str]) -> re.Match[str] | None:
    match = _ITEM.match(lines[index].plain)
    if match is None:
        return None
    after = _following(lines, index)
    if after < len(lines) and case_of(lines[after]):
        return match
    number = f"{match.group(1)}.{match.group(2)}"
    return match if number in toc.items and number not in seen else None


def _is_section(lines: list[Line], index: int) -> re.Match[str] | None:
    match = _SECTION.match(lines[index].plain)
    if match is None:
        return None
    after = _following(lines, index)
    if after >= len(lines):
        return None
    item = _ITEM.match(lines[after].plain)
    return match if item is not None and item.group(1) == match.group(1) else None


def split_body(lines: list[Line], start: int, toc: Toc, report: Report) -> Body:
    """Walk the body once, assigning every line to a section, an item or an item part."""
    body = Body()
    seen: set[str] = set()
    item: ItemBlock | None = None
    part: str | None = None
    index = start
    while index < len(lines):
        line = lines[index]
        text = line.plain
        if line.blank:
            if item is not None and part is not None:
                item.parts[part].append(line)
            index += 1
            continue
        if (match := _is_section(lines, index)) is not None:
            body.sections.append(SectionBlock(match.group(1), match.group(2), line.no))
            report.cover(line, f"sections[{match.group(1)}].title")
            item, part = None, None
        elif (match := _is_item(lines, index, toc, seen)) is not None:
            item, index = _start_item(lines, index, match, body, seen=seen, report=report)
            part = None
            continue
        elif item is not None and text.rstrip(":").lower() in PARTS:
            part = text.rstrip(":").lower()
            if part in item.parts:
                report.warning(
                    line.no,
                    Code.ITEM_NUMBERING,
                    _(
                        "item {number} has a second '{heading}' heading; its text is added to "
                        "the first"
                    ).format(number=item.number, heading=text),
                )
            item.parts.setdefault(part, [])
            report.cover(line, f"items[{item.number}].{part}")
        elif not body.sections and (body.participants or text.lower() in PARTICIPANT_HEADINGS):
            body.participants.append(line)
        elif item is not None and part is not None:
            item.parts[part].append(line)
        elif item is not None:
            item.parts.setdefault("", []).append(line)
        index += 1
    return body


def _start_item(
    lines: list[Line],
    index: int,
    match: re.Match[str],
    body: Body,
    *,
    seen: set[str],
    report: Report,
) -> tuple[ItemBlock, int]:
    line = lines[index]
    number = f"{match.group(1)}.{match.group(2)}"
    if number in seen:
        raise report.fail(
            line.no,
            Code.ITEM_NUMBERING,
            _(
                "item number {number} is used twice; every item needs its own number (check "
                "the heading for a typing error)"
            ).format(number=number),
        )
    seen.add(number)
    if len(seen) > MAX_ITEMS:
        raise report.fail(
            line.no,
            Code.IMPORT_LIMIT,
            _(
                "the document has more than {limit} items, more than any real agenda; check "
                "that it is a KL agenda or minutes (a real one has 20 to 40 items)"
            ).format(limit=MAX_ITEMS),
        )
    if not body.sections or body.sections[-1].number != match.group(1):
        report.warning(
            line.no,
            Code.ITEM_NUMBERING,
            _("item {number} does not follow a heading for section {section}").format(
                number=number, section=match.group(1)
            ),
        )
        body.sections.append(SectionBlock(match.group(1), "", line.no))
    item = ItemBlock(number, match.group(3), line.no)
    body.sections[-1].items.append(item)
    report.cover(line, f"items[{number}].title")
    after = _following(lines, index)
    case = case_of(lines[after]) if after < len(lines) else None
    if case is None:
        item.case = None
        return item, index + 1
    item.case = case.group(1)
    item.handlers = case.group(2).split("/") if case.group(2) else []
    report.cover(lines[after], f"items[{number}].case, handlers")
    return item, after + 1
