"""The participant list of minutes: Deltagere and Afbud, with party and municipality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kkr.diagnostics import Code, clipped
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver
from kkr.importer.text import Line, slug

# " (A) " between a name and a municipality; found by a fixed-width search, never backtracking.
_PARTY = re.compile(r" \(([A-ZÆØÅ])\) ")
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
    listed: set[str] = set()
    target: list[str] | None = None
    for line in lines:
        text = line.plain
        key = text.lower()
        if key == "deltagerfortegnelse":
            report.cover(line, "present, absent")
            continue
        if key in _LISTS:
            target = result.present if _LISTS[key] == "present" else result.absent
            report.cover(line, _LISTS[key])
            continue
        match = _entry(text)
        if target is None or match is None:
            continue  # left uncovered: reported as not understood
        person = _person(match, line, resolver, document=document, result=result, report=report)
        if person is None:
            continue
        if person in listed:
            report.warning(
                line.no,
                Code.PRESENT_AND_ABSENT,
                _("{text!r} is listed twice").format(text=clipped(text)),
            )
            report.cover(line, "present, absent")
            continue
        target.append(person)
        listed.add(person)
        report.cover(line, "present" if target is result.present else "absent")
    return result


def _entry(text: str) -> dict[str, str] | None:
    """Split 'Name (P) Municipality' into its parts."""
    found = _PARTY.search(text)
    if found is None or found.start() == 0 or found.end() == len(text):
        return None
    return {"name": text[: found.start()], "party": found.group(1), "place": text[found.end() :]}


def _person(
    match: dict[str, str],
    line: Line,
    resolver: Resolver,
    *,
    document: str,
    result: Participants,
    report: Report,
) -> str | None:
    name, party, place = match["name"], match["party"], match["place"]
    found = resolver.person(name)
    if found is not None:
        return found
    person_id = slug(name)
    if person_id in resolver.people.ids:
        report.warning(
            line.no,
            Code.UNRESOLVED_REFERENCE,
            _(
                "{name!r} matches no person record by name or alias, and the id {id!r} is "
                "taken by someone else; add the spelling as an alias"
            ).format(name=clipped(name), id=person_id),
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
            _(
                "the municipality {place!r} matches no organization record; {name}'s new "
                "record has no municipality"
            ).format(place=clipped(place), name=clipped(name)),
        )
    quote = " ".join(line.text.split())[:200]
    record["sources"] = [{"document": document, "lines": str(line.no), "quote": quote}]
    result.new_people[person_id] = record
    report.warning(
        line.no,
        Code.RECORD_CREATED,
        _("{name!r} matches no person record; a new record people/{id}.yaml is written").format(
            name=clipped(name), id=person_id
        ),
    )
    return person_id
