"""Checks across the document: contents against body, and the meetings it names."""

from __future__ import annotations

from collections import Counter
from typing import Any

from kkr.diagnostics import Code, clipped
from kkr.i18n import _
from kkr.importer.dates import NEXT, PREVIOUS, find_date, parse_date
from kkr.importer.items import Body
from kkr.importer.report import Report
from kkr.importer.text import Line
from kkr.importer.toc import Toc


def check_toc(toc: Toc, body: Body, lines: list[Line], report: Report) -> list[dict[str, Any]]:
    """Compare contents and body; a missing item means the document was cut short."""
    found = {item.number: item for section in body.sections for item in section.items}
    if not found:
        raise report.fail(
            _last_line(lines),
            Code.TRUNCATED,
            _(
                "the document has no agenda items: expected headings like '1.1. Title' followed "
                "by a 'SAG-YYYY-NNNNN initials' line; the file may be truncated"
            ),
        )
    missing = [entry for number, entry in toc.items.items() if number not in found]
    if missing:
        listed = ", ".join(entry.number for entry in missing)
        raise report.fail(
            _last_line(lines),
            Code.TRUNCATED,
            _(
                "the table of contents lists item(s) {listed} (line {line}) that never appear "
                "in the body; the document seems truncated here"
            ).format(listed=listed, line=missing[0].line),
        )
    discrepancies: list[dict[str, Any]] = []
    for number, item in found.items():
        entry = toc.items.get(number)
        if entry is None:
            if toc.items:
                report.warning(
                    item.line,
                    Code.TOC_MISMATCH,
                    _("item {number} is not in the table of contents").format(number=number),
                )
            continue
        if entry.title != item.title:
            report.warning(
                item.line,
                Code.TOC_MISMATCH,
                _(
                    "item {number}'s heading {heading!r} differs from the table of contents "
                    "(line {line}): {title!r}; both are kept"
                ).format(
                    number=number,
                    heading=clipped(item.title),
                    line=entry.line,
                    title=clipped(entry.title),
                ),
            )
            discrepancies.append(
                {
                    "field": f"items[{number}].title",
                    "readings": [item.title, entry.title],
                    "note": f"Punktets overskrift (linje {item.line}) og "
                    f"indholdsfortegnelsen (linje {entry.line}) skriver titlen forskelligt; "
                    "overskriften er punktets titel.",
                }
            )
    for section in body.sections:
        entry = toc.sections.get(section.number)
        if entry is not None and entry.title != section.title:
            report.warning(
                section.line,
                Code.TOC_MISMATCH,
                _(
                    "section {number}'s heading {heading!r} differs from the table of "
                    "contents: {title!r}"
                ).format(
                    number=section.number,
                    heading=clipped(section.title),
                    title=clipped(entry.title),
                ),
            )
    return discrepancies


def meeting_links(
    day: str, body: Body, items: list[dict[str, Any]], report: Report
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The previous and next meetings, where the document names them, and contradictions."""
    links: dict[str, str] = {}
    discrepancies: list[dict[str, Any]] = []
    blocks = {item.number: item for section in body.sections for item in section.items}
    for item in items:
        match = PREVIOUS.search(item["title"])
        previous = parse_date(match.group(1)) if match else None
        if previous is not None and previous < day and "previous" not in links:
            links["previous"] = previous
        text = " ".join(str(item.get(part, "")) for part in ("baggrund", "sagsfremstilling"))
        found = NEXT.search(" ".join(text.split()))
        said = find_date(found.group(1)) if found else None
        if said is None or said[0] <= day or "next" in links:
            continue
        links["next"] = said[0]
        titled = find_date(item["title"]) if "næste møde" in item["title"].lower() else None
        if titled is not None and titled[0] != said[0]:
            line = blocks[item["number"]].line
            report.warning(
                line,
                Code.SOURCE_DISCREPANCY,
                _(
                    "item {number}'s title dates the next meeting {title}, its text {text}; the "
                    "text is used for 'next' and the title kept as printed"
                ).format(number=item["number"], title=titled[0], text=said[0]),
            )
            discrepancies.append(
                {
                    "field": "next",
                    "readings": [said[1], titled[1]],
                    "note": f"Punkt {item['number']} siger i teksten, at næste møde er den "
                    f"{said[1]}, men i overskriften (linje {line}) den {titled[1]}, som ligger "
                    "før dette møde. Teksten bruges som næste møde; overskriften er bevaret "
                    "som trykt.",
                }
            )
    return links, discrepancies


def _last_line(lines: list[Line]) -> int:
    numbers = [line.no for line in lines if not line.blank]
    return numbers[-1] if numbers else 1


def table_discrepancies(item: dict[str, Any], line: int, report: Report) -> list[dict[str, Any]]:
    """A row label printed twice in one table: kept as printed, and recorded."""
    found: list[dict[str, Any]] = []
    for table in item.get("tables", []):
        labels = Counter(row[0] for row in table["rows"] if row and row[0])
        repeated = sorted(label for label, count in labels.items() if count > 1)
        by_label: dict[str, list[str]] = {label: [] for label in repeated}
        for row in table["rows"]:
            if row and row[0] in by_label:
                by_label[row[0]].append(" | ".join(cell for cell in row if cell))
        for label in repeated:
            readings = by_label[label]
            report.warning(
                line,
                Code.SOURCE_DISCREPANCY,
                _(
                    "item {number}: the table {table!r} prints the row {label!r} {count} times; "
                    "every row is kept as printed"
                ).format(
                    number=item["number"], table=table["id"], label=label, count=labels[label]
                ),
            )
            found.append(
                {
                    "field": f"items[{item['number']}].tables[{table['id']}]",
                    "readings": readings,
                    "note": f"Tabellen i punkt {item['number']} har rækken {label} "
                    f"{labels[label]} gange; rækkerne er bevaret som trykt.",
                }
            )
    return found
