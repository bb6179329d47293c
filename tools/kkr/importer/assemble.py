"""Reading one meeting document into a meeting record and new person records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkr.diagnostics import Code, clipped
from kkr.i18n import _
from kkr.importer import created
from kkr.importer.checks import check_toc, meeting_links, table_discrepancies
from kkr.importer.furniture import repair_furniture
from kkr.importer.header import Header, parse_header
from kkr.importer.items import PARTS, ItemBlock, split_body
from kkr.importer.mentions import find_mentions
from kkr.importer.participants import parse_participants
from kkr.importer.render import convert
from kkr.importer.report import DocumentError, Report
from kkr.importer.resolve import Resolver
from kkr.importer.text import read_lines
from kkr.importer.toc import Toc, parse_toc

STATUS = {"agenda": "agenda-published", "minutes": "held"}
MEETING_ORDER = (
    *("id", "body", "date", "start_time", "place", "document", "status", "case"),
    *("previous", "next", "present", "absent", "sections", "items", "discrepancies", "sources"),
    "imported",
)
MAX_LINE = 20_000
"""Characters in one line; a real document's longest line has under 1,000."""
MAX_TITLE = 2000
"""Characters in a title or a place: the longest text a record's one-line field holds."""


@dataclass
class Imported:
    """The records read from one document, keyed by path under the records folder."""

    report: Report
    records: dict[str, dict[str, Any]] = field(default_factory=dict)


def import_document(
    path: Path, text: str, resolver: Resolver, display: str, name: str | None = None
) -> Imported:
    """Read a KL agenda or minutes document; never raises for bad input.

    ``name`` is the document's name in records/documents, which the records cite.
    """
    report = Report(display, [])
    text = repair_furniture(text, path, report)
    if not report.ok:
        return Imported(report)  # a PDF's page furniture: refused, with the remedy
    lines = read_lines(text)
    markdown = path.suffix.lower() == ".md"
    for line in lines:
        line.markdown = markdown
    report.lines = lines
    result = Imported(report)
    for line in lines:
        for column, char in line.dropped:
            result.report.warning(
                line.no,
                Code.CONTROL_CHARACTER,
                _(
                    "the character {name} may not stand in a record, so it was left out; "
                    "check the text around it"
                ).format(name=char),
                column,
            )
    try:
        _check_lines(lines, result.report)
        _import(path, name or path.name, result, resolver)
    except DocumentError:
        result.records = {}
        return result
    result.report.finish()
    return result


def _check_lines(lines: list[Any], report: Report) -> None:
    for line in lines:
        if len(line.text) > MAX_LINE:
            raise report.fail(
                line.no,
                Code.IMPORT_LIMIT,
                _(
                    "the line has {length} characters, more than the limit of {limit} that no "
                    "real agenda or minutes reaches; check that this is a KL document exported "
                    "as text"
                ).format(length=len(line.text), limit=MAX_LINE),
            )


def _check_titles(header: Header, toc: Toc, body: Any, report: Report) -> None:
    """Stop at the document's line where a title is longer than a record field may be."""
    titled = [(e.line, e.title) for e in [*toc.sections.values(), *toc.items.values()]]
    for section in body.sections:
        titled.append((section.line, section.title))
        titled += [(block.line, block.title) for block in section.items]
    if header.place:
        titled.append((header.place_line, header.place))
    for line, title in titled:
        if len(title) > MAX_TITLE:
            raise report.fail(
                line,
                Code.IMPORT_LIMIT,
                _(
                    "the title or place has {length} characters, more than the {limit} a "
                    "record field holds; check the line, which may have lost its line breaks"
                ).format(length=len(title), limit=MAX_TITLE),
            )


def _import(path: Path, name: str, result: Imported, resolver: Resolver) -> None:
    report = result.report
    lines = report.lines
    header = parse_header(lines, report)
    toc = parse_toc(lines, header.end, report)
    body = split_body(lines, toc.end, toc, report)
    _check_titles(header, toc, body, report)
    discrepancies = check_toc(toc, body, lines, report)
    if header.body not in resolver.bodies:
        result.records.update(created.council(header, name, resolver, report))
    meeting = _meeting(header)
    if body.participants:
        people = parse_participants(body.participants, resolver, name, report)
        if people.present:
            meeting["present"] = people.present
        if people.absent:
            meeting["absent"] = people.absent
        for person_id, person in people.new_people.items():
            result.records[f"people/{person_id}.yaml"] = person
    cases = Counter(item.case for section in body.sections for item in section.items if item.case)
    if cases:
        meeting["case"] = cases.most_common(1)[0][0]
    handlers = [(i, b.line) for s in body.sections for b in s.items for i in b.handlers]
    result.records.update(created.staff(handlers, name, lines, resolver, report))
    markdown_source = path.suffix.lower() == ".md"
    items = [
        _item(
            item,
            toc,
            markdown_source=markdown_source,
            minutes=header.document == "minutes",
            resolver=resolver,
            report=report,
        )
        for section in body.sections
        for item in section.items
    ]
    blocks = [block for section in body.sections for block in section.items]
    for item, block in zip(items, blocks, strict=True):
        discrepancies += table_discrepancies(item, block.line, report)
    links, more = meeting_links(header.date, body, items, report)
    for field_name, other in links.items():
        if other not in resolver.meetings:
            line = _link_line(body, items, field_name)
            result.records[f"meetings/{other}.yaml"] = created.neighbour(
                other,
                field_name,
                of=(header.date, header.body),
                where=(name, lines[line - 1]),
                resolver=resolver,
                report=report,
            )
        meeting[field_name] = other
    discrepancies += more
    meeting["sections"] = [
        {"number": s.number, "title": s.title}
        | ({"page": toc.sections[s.number].page} if s.number in toc.sections else {})
        for s in body.sections
    ]
    meeting["items"] = items
    if discrepancies:
        meeting["discrepancies"] = discrepancies
    meeting["sources"] = [{"document": name, "lines": f"1-{_last(lines)}"}]
    order = {key: index for index, key in enumerate(MEETING_ORDER)}
    ordered = dict(sorted(meeting.items(), key=lambda pair: order.get(pair[0], len(order))))
    result.records[f"meetings/{header.date}.yaml"] = ordered


def _link_line(body: Any, items: list[dict[str, Any]], field_name: str) -> int:
    """The heading line of the item that names the previous or next meeting."""
    wanted = "referat fra mødet" if field_name == "previous" else "næste møde"
    for section in body.sections:
        for block in section.items:
            if wanted in block.title.lower():
                return int(block.line)
    return 1


def _last(lines: list[Any]) -> int:
    numbers = [line.no for line in lines if not line.blank]
    return numbers[-1] if numbers else 1


def _meeting(header: Header) -> dict[str, Any]:
    meeting: dict[str, Any] = {"id": header.date, "body": header.body, "date": header.date}
    if header.start_time:
        meeting["start_time"] = header.start_time
    if header.place:
        meeting["place"] = header.place
    meeting["document"] = header.document
    meeting["status"] = STATUS[header.document]
    return meeting


def _item(
    block: ItemBlock,
    toc: Toc,
    *,
    markdown_source: bool,
    minutes: bool,
    resolver: Resolver,
    report: Report,
) -> dict[str, Any]:
    item: dict[str, Any] = {"number": block.number, "title": block.title}
    entry = toc.items.get(block.number)
    if entry is not None and entry.title != block.title:
        item["toc_title"] = entry.title
    if entry is not None:
        item["page"] = entry.page
    if block.case is None:
        # Often so under Eventuelt: the item is kept, without a case number.
        report.warning(
            block.line,
            Code.MISSING_CASE,
            _(
                "item {number} has no case number; it is imported without one. If the "
                "document prints one, it must be the line after the heading, e.g. "
                "'SAG-2023-04719 bel'"
            ).format(number=block.number),
        )
    else:
        item["case"] = block.case
    handlers = _handlers(block, resolver, report)
    if handlers:
        item["handlers"] = handlers
    attachments: list[dict[str, Any]] = []
    tables: list[dict[str, Any]] = []
    taken: dict[str, int] = {}
    for name in PARTS:
        if name not in block.parts:
            continue
        where = f"items[{block.number}].{name}"
        part = convert(
            block.parts[name],
            name,
            where,
            markdown_source=markdown_source,
            report=report,
            table_number=len(tables),
            taken=taken,
        )
        item[name] = part.markdown if part.markdown.strip() else ""
        attachments += part.attachments
        tables += part.tables
    if minutes and "beslutning" not in block.parts:
        report.warning(
            block.line,
            Code.MISSING_DECISION,
            _("item {number} has no Beslutning").format(number=block.number),
        )
    if attachments:
        item["attachments"] = attachments
    if tables:
        item["tables"] = tables
    _mentions(item, block, resolver, report)
    return item


def _mentions(item: dict[str, Any], block: ItemBlock, resolver: Resolver, report: Report) -> None:
    """Link the people and bodies of 'Forum ved Name, Municipality' list lines."""
    text = "\n".join(str(item.get(part) or "") for part in PARTS)
    found = find_mentions(text, resolver)
    if found.organizations:
        item["organizations"] = found.organizations
    if found.people:
        item["people"] = found.people
    for name in found.unresolved:
        report.warning(
            block.line,
            Code.UNRESOLVED_REFERENCE,
            _(
                "item {number}: {name!r} matches no person or organization record by name, "
                "alias or abbreviation; it stays in the text only"
            ).format(number=block.number, name=clipped(name)),
        )


def _handlers(block: ItemBlock, resolver: Resolver, report: Report) -> list[str]:
    """The item's handler initials that a person record carries; warn about the rest."""
    for initials in block.handlers:
        if initials not in resolver.initials:
            report.warning(
                block.line,
                Code.UNRESOLVED_REFERENCE,
                _(
                    "item {number}: the handler initials {initials!r} match no person record's "
                    "initials; left out of handlers (add a person with these initials and "
                    "import again)"
                ).format(number=block.number, initials=initials),
            )
    return [initials for initials in block.handlers if initials in resolver.initials]
