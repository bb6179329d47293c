"""The document header: kind, council, date, start time, place, and KL's boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kkr.diagnostics import Code
from kkr.importer.report import Report
from kkr.importer.text import Line, plain, slug

_KIND = re.compile(r"^(DAGSORDEN|REFERAT)\b(?:\s+(\d{4}))?$", re.IGNORECASE)
_COUNCIL = re.compile(r"^KKR\s+\S.*$", re.IGNORECASE)
_DATE = re.compile(r"^Dato:\s*(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?\s*$")
_PLACE = re.compile(r"^Sted:\s*(\S.*)$")
_BOILERPLATE = ("Mission", "Vision")
KINDS = {"dagsorden": "agenda", "referat": "minutes"}


@dataclass
class Header:
    """What the first lines of a document say about the meeting."""

    document: str
    body: str
    body_name: str  # as printed, e.g. KKR SYDDANMARK
    date: str
    start_time: str | None
    place: str | None
    end: int  # index of the first line after the header


def parse_header(lines: list[Line], report: Report) -> Header:
    """Read the header; raise when the document has none."""
    index = _next(lines, 0)
    first = lines[index] if index < len(lines) else None
    kind = _KIND.match(plain(first.text)) if first else None
    if first is None or kind is None:
        where = first.no if first else 1
        raise report.fail(
            where,
            Code.NO_HEADER,
            "the document has no header: the first line must be 'DAGSORDEN <year>' or "
            "'REFERAT <year>', followed by the council and 'Dato: DD-MM-YYYY HH:MM'",
        )
    report.cover(first, "document")
    values: dict[str, str | None] = dict.fromkeys(("body", "body_name", "date", "time", "place"))
    index += 1
    while index < len(lines):
        line = lines[index]
        text = plain(line.text)
        if line.blank:
            index += 1
            continue
        if values["body"] is None and _COUNCIL.match(text):
            values["body"] = slug(text)
            values["body_name"] = text
            report.cover(line, "body")
        elif (match := _DATE.match(text)) is not None:
            day, month, year, hour, minute = match.groups()
            values["date"] = f"{year}-{int(month):02d}-{int(day):02d}"
            if hour is not None:
                values["time"] = f"{int(hour):02d}:{minute}"
            report.cover(line, "date, start_time")
        elif (match := _PLACE.match(text)) is not None:
            values["place"] = match.group(1)
            report.cover(line, "place")
        elif text in _BOILERPLATE:
            index = _skip_boilerplate(lines, index, report)
            continue
        else:
            break
        index += 1
    if values["date"] is None:
        raise report.fail(
            first.no,
            Code.NO_HEADER,
            "the header has no date line; expected e.g. 'Dato: 21-11-2023 10:00' after the title",
        )
    if values["body"] is None:
        raise report.fail(
            first.no,
            Code.NO_HEADER,
            "the header does not name the council; expected a line like 'KKR SYDDANMARK'",
        )
    return Header(
        document=KINDS[kind.group(1).lower()],
        body=str(values["body"]),
        body_name=str(values["body_name"]),
        date=str(values["date"]),
        start_time=values["time"],
        place=values["place"],
        end=index,
    )


def _skip_boilerplate(lines: list[Line], index: int, report: Report) -> int:
    """Skip KL's Mission or Vision heading and the paragraph under it."""
    heading = lines[index]
    report.skip(heading, f"KL boilerplate ({plain(heading.text)})")
    index = _next(lines, index + 1)
    while index < len(lines) and not lines[index].blank:
        report.skip(lines[index], f"KL boilerplate ({plain(heading.text)})")
        index += 1
    report.notes.append(
        f"lines {heading.no}-{lines[index - 1].no}: skipped KL's {plain(heading.text)} "
        "boilerplate (printed in every KL document; not part of the meeting)"
    )
    return index


def _next(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index].blank:
        index += 1
    return index
