"""The document header: kind, council, date, start time, place, and KL's boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.text import Line, slug

_KIND = re.compile(r"^(DAGSORDEN|REFERAT)\b(?:\s+(\d{4}))?$", re.IGNORECASE)
_COUNCIL = re.compile(r"^KKR\s+\S.*$", re.IGNORECASE)
# Matched against stripped text, so no two whitespace runs compete for the same spaces.
_DATE = re.compile(r"^Dato:[ \t]*(\d{1,2})-(\d{1,2})-(\d{4})(?:[ \t]+(\d{1,2})[:.](\d{2}))?$")
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
    place_line: int = 1
    body_line: int = 1


def parse_header(lines: list[Line], report: Report) -> Header:
    """Read the header; raise when the document has none."""
    index = _next(lines, 0)
    first = lines[index] if index < len(lines) else None
    kind = _KIND.match(first.plain) if first else None
    if first is None or kind is None:
        where = first.no if first else 1
        raise report.fail(
            where,
            Code.NO_HEADER,
            _(
                "the document has no header: the first line must be 'DAGSORDEN <year>' or "
                "'REFERAT <year>', followed by the council and 'Dato: DD-MM-YYYY HH:MM'"
            ),
        )
    report.cover(first, "document")
    values: dict[str, str | None] = dict.fromkeys(("body", "body_name", "date", "time", "place"))
    place_line = body_line = 1
    index += 1
    while index < len(lines):
        line = lines[index]
        text = line.plain
        if line.blank:
            index += 1
            continue
        if values["body"] is None and _COUNCIL.match(text):
            values["body"] = slug(text)
            values["body_name"] = text
            body_line = line.no
            report.cover(line, "body")
        elif (match := _DATE.match(text)) is not None:
            day, month, year, hour, minute = match.groups()
            values["date"] = _real_date(line, (int(year), int(month), int(day)), report)
            if hour is not None:
                values["time"] = _real_time(line, int(hour), int(minute), report)
            report.cover(line, "date, start_time")
        elif (match := _PLACE.match(text)) is not None:
            values["place"] = match.group(1)
            place_line = line.no
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
            _(
                "the header has no date line; expected e.g. 'Dato: 21-11-2023 10:00' after the "
                "title"
            ),
        )
    if values["body"] is None:
        raise report.fail(
            first.no,
            Code.NO_HEADER,
            _("the header does not name the council; expected a line like 'KKR SYDDANMARK'"),
        )
    return Header(
        document=KINDS[kind.group(1).lower()],
        body=str(values["body"]),
        body_name=str(values["body_name"]),
        date=str(values["date"]),
        start_time=values["time"],
        place=values["place"],
        end=index,
        place_line=place_line,
        body_line=body_line,
    )


def _real_date(line: Line, ymd: tuple[int, int, int], report: Report) -> str:
    """The date as YYYY-MM-DD; stop at the document's line if no calendar has it."""
    try:
        return date(*ymd).isoformat()
    except ValueError:
        raise report.fail(
            line.no,
            Code.INVALID_DATE,
            _(
                "the date {day:02d}-{month:02d}-{year} is not a real date; correct the "
                "document's date line, e.g. 'Dato: 10-09-2024 10:00'"
            ).format(year=ymd[0], month=ymd[1], day=ymd[2]),
        ) from None


def _real_time(line: Line, hour: int, minute: int, report: Report) -> str:
    """The start time as HH:MM; stop at the document's line if no clock shows it."""
    if hour > 23 or minute > 59:
        raise report.fail(
            line.no,
            Code.INVALID_DATE,
            _(
                "the time {hour}:{minute:02d} is not a time of day; correct the document's "
                "date line, e.g. 'Dato: 10-09-2024 10:00'"
            ).format(hour=hour, minute=minute),
        )
    return f"{hour:02d}:{minute:02d}"


def _skip_boilerplate(lines: list[Line], index: int, report: Report) -> int:
    """Skip KL's Mission or Vision heading and the paragraph under it."""
    heading = lines[index]
    reason = _("KL boilerplate ({heading})").format(heading=heading.plain)
    report.skip(heading, reason)
    index = _next(lines, index + 1)
    while index < len(lines) and not lines[index].blank:
        report.skip(lines[index], reason)
        index += 1
    report.notes.append(
        _(
            "lines {first}-{last}: skipped KL's {heading} boilerplate (printed in every KL "
            "document; not part of the meeting)"
        ).format(first=heading.no, last=lines[index - 1].no, heading=heading.plain)
    )
    return index


def _next(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index].blank:
        index += 1
    return index
