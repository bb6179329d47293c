"""The participant list of minutes: Deltagere and Afbud, with party and municipality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kkr.diagnostics import Code
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver
from kkr.importer.text import Line, plain, slug

_ENTRY = re.compile(r"^(?P<name>\S.*?)\s+\((?P<party>[A-ZÆØÅ])\)\s+(?P<place>\S.*)$")
_LISTS = {"deltagere": "present", "afbud": "absent"}


@dataclass
class Participants:
    """Resolved participant ids and the person records to create."""

    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    new_people: dict[str, dict[str, Any]] = field(default_factory=dict)


def parse_participants(
    lines: list[Line], resolver: Resolver, document: str, report: Report
) -> Participants:
    """Resolve each 'Name (P) Municipality' line; unknown people become new records."""
    result = Participants()
    target: list[str] | None = None
    for line in lines:
        text = plain(line.text)
        key = text.lower()
        if key == "deltagerfortegnelse":
            report.cover(line, "present, absent")
            continue
        if key in _LISTS:
            target = result.present if _LISTS[key] == "present" else result.absent
            report.cover(line, _LISTS[key])
            continue
        match = _ENTRY.match(text)
        if target is None or match is None:
            continue  # left uncovered: reported as not understood
        person = _person(match, line, resolver, document=document, result=result, report=report)
        if person is None:
            continue
        if person in result.present or person in result.absent:
            report.warning(line.no, Code.PRESENT_AND_ABSENT, f"{text!r} is listed twice")
            report.cover(line, "present, absent")
            continue
        target.append(person)
        report.cover(line, "present" if target is result.present else "absent")
    return result


def _person(
    match: re.Match[str],
    line: Line,
    resolver: Resolver,
    *,
    document: str,
    result: Participants,
    report: Report,
) -> str | None:
    name, party, place = match.group("name"), match.group("party"), match.group("place")
    found = resolver.person(name)
    if found is not None:
        return found
    person_id = slug(name)
    if person_id in resolver.people.ids:
        report.warning(
            line.no,
            Code.UNRESOLVED_REFERENCE,
            f"{name!r} matches no person record by name or alias, and the id {person_id!r} "
            "is taken by someone else; add the spelling as an alias",
        )
        return None
    record: dict[str, Any] = {"id": person_id, "name": name, "kind": "politician", "party": party}
    municipality = resolver.municipality(place)
    if municipality is not None:
        record["municipality"] = municipality
    else:
        report.warning(
            line.no,
            Code.UNRESOLVED_REFERENCE,
            f"the municipality {place!r} matches no organization record; "
            f"{name}'s new record has no municipality",
        )
    record["sources"] = [{"document": document, "lines": str(line.no)}]
    result.new_people[person_id] = record
    report.warning(
        line.no,
        Code.RECORD_CREATED,
        f"{name!r} matches no person record; a new record people/{person_id}.yaml is written",
    )
    return person_id
