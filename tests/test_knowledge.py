"""The records hold what the five source documents say; expectations are parsed from the sources."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from kkr.danish import MONTHS as DANISH_MONTHS
from kkr.loading.loader import load
from sources import FOLDER, MEETING_DOCUMENTS, ORIGINAL, SOURCES, WORKPLAN

from schema.base import Record
from schema.body import Body
from schema.contract import Contract
from schema.meeting import Meeting, MeetingStatus
from schema.membership import Membership
from schema.organization import Organization, OrganizationKind
from schema.person import Person, PersonKind
from schema.registry import KINDS
from schema.topic import Topic
from schema.workplan import WorkPlan

REPO = Path(__file__).resolve().parent.parent
RECORDS = REPO / "records"
AGENDA_2020, AGENDA_2021, MINUTES_2023 = MEETING_DOCUMENTS
MONTHS = {name: number for number, name in enumerate(DANISH_MONTHS, start=1)}
PERSON_LINE = re.compile(r"(.+) \(([A-ZÆØÅ])\) (.+)")


@cache
def source(name: str) -> list[str]:
    """The lines of a source document."""
    return (SOURCES / name).read_text(encoding="utf-8").splitlines()


@cache
def records(directory: str) -> dict[str, Any]:
    """Every record of a kind directory, read with the project's loader and validated strictly."""
    model = KINDS[directory].model
    found: dict[str, Record] = {}
    for path in sorted((RECORDS / directory).rglob("*.yaml")):
        document = load(path)
        assert document.ok, [str(d) for d in document.diagnostics]
        record = model.model_validate_json(json.dumps(document.data), strict=True)
        found[record.id] = record
    return found


def original(directory: str) -> dict[str, Any]:
    """The records of a kind directory that cite one of the five original documents."""
    return {
        key: record
        for key, record in records(directory).items()
        if any(cited.document in ORIGINAL for cited in record.sources)
    }


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def _people_named(name: str) -> list[Person]:
    return [p for p in records("people").values() if name == p.name or name in p.aliases]


def _municipality_named(short: str) -> Organization:
    for org in records("organizations").values():
        names = [org.name, *org.aliases]
        if org.kind is OrganizationKind.municipality and (
            short in names or f"{short} Kommune" in names
        ):
            assert isinstance(org, Organization)
            return org
    raise AssertionError(f"no municipality record for {short!r}")


def _block(lines: list[str], start: str, stop: str) -> list[str]:
    """The non-empty lines strictly between the line ``start`` and the next line ``stop``."""
    first = lines.index(start)
    last = lines.index(stop, first + 1)
    return [line.strip() for line in lines[first + 1 : last] if line.strip()]


def _toc(document: str) -> dict[str, str]:
    """Item number -> title, from the table of contents at the top of a meeting document."""
    toc = {}
    for line in source(document)[:45]:
        match = re.match(r"^(\d+\.\d+)\.\s+(.+?)(?:\.{3,})?\s+\d+$", line.strip())
        if match:
            toc[match.group(1)] = match.group(2).strip()
    return toc


def _meeting_date(document: str) -> date:
    for line in source(document)[:12]:
        match = re.search(r"Dato:\*{0,2} (\d{2})-(\d{2})-(\d{4})", line)
        if match:
            day, month, year = map(int, match.groups())
            return date(year, month, day)
    raise AssertionError(f"no date in {document}")


def test_the_22_municipalities_of_the_refugee_table() -> None:
    rows = _block(source(AGENDA_2021), "Region Syddanmark\tAntal", "Region Syddanmark i alt\t113")
    names = [row.split("\t")[0] for row in rows]
    assert len(names) == 22
    body = records("body")["kkr-syddanmark"]
    assert isinstance(body, Body)
    expected = {_municipality_named(name).id for name in names}
    assert set(body.municipalities) == expected
    assert len(body.municipalities) == 22


@pytest.mark.parametrize("heading", ["Deltagere", "Afbud"])
def test_every_2023_participant_and_absentee(heading: str) -> None:
    lines = source(MINUTES_2023)
    stop = "Afbud" if heading == "Deltagere" else "1. Godkendelse af referat"
    entries = _block(lines, heading, stop)
    assert entries
    for entry in entries:
        match = PERSON_LINE.fullmatch(entry)
        assert match, entry
        name, party, municipality = match.groups()
        people = _people_named(name)
        assert len(people) == 1, f"{name}: {len(people)} person records"
        person = people[0]
        assert person.kind is PersonKind.politician
        assert person.party == party, name
        assert person.municipality == _municipality_named(municipality).id, name


def test_presidency_and_member_count() -> None:
    folder = source(FOLDER)
    chair = PERSON_LINE.fullmatch(folder[folder.index("Formand") - 1] + " x")
    vice = PERSON_LINE.fullmatch(folder[folder.index("Næstformand") - 1] + " x")
    assert chair and vice
    body = records("body")["kkr-syddanmark"]
    term = next(t for t in body.terms if t.id == "2022-2026")
    assert records("people")[term.chair].name == chair.group(1)
    assert records("people")[term.vice_chair].name == vice.group(1)
    count = re.search(r"KKR Syddanmark har i alt (\d+) medlemmer", "\n".join(source(AGENDA_2021)))
    assert count
    assert int(count.group(1)) in [t.member_count for t in body.terms]


def test_secretariat_contacts_as_printed() -> None:
    lines = _block(source(FOLDER), "Kontaktpersoner:", "KL")
    assert len(lines) == 4
    for title_line, contact_line in zip(lines[::2], lines[1::2], strict=True):
        name, title = title_line.split(", ")
        phone, email = re.fullmatch(r"Tlf\. ([\d ]+), (\S+)", contact_line).groups()  # type: ignore[union-attr]
        (person,) = _people_named(name)
        assert (person.kind, person.title, person.phone, person.email) == (
            PersonKind.staff,
            title,
            phone,
            email,
        )
        assert person.initials == email.split("@")[0].lower()


def test_every_handler_initial_has_a_staff_record() -> None:
    initials = {p.initials for p in records("people").values() if p.initials}
    for document in MEETING_DOCUMENTS:
        for line in source(document):
            match = re.fullmatch(r"SAG-\d{4}-\d{5} ([a-z/]+)", line.strip())
            if match:
                assert set(match.group(1).split("/")) <= initials, line


def test_the_six_subject_areas() -> None:
    lines = source(FOLDER)
    start = lines.index("03 / KKR SYDDANMARKS FAGOMRÅDER")
    end = lines.index("04 / KKR'S OPBYGNING")
    names = [m.group(1) for line in lines[start:end] if (m := re.fullmatch(r"\d\. (.+)", line))]
    assert len(names) == 6
    topics = original("topics").values()
    assert sorted(t.name for t in topics if isinstance(t, Topic)) == sorted(names)


def _workplan() -> WorkPlan:
    plan = original("workplans")["2022-2026"]
    assert isinstance(plan, WorkPlan)
    return plan


def test_every_workplan_commitment() -> None:
    lines = source(WORKPLAN)
    blocks: list[list[str]] = []
    for index, line in enumerate(lines):
        if line.startswith("Vi vil i KKR Syddanmark"):
            bullets: list[str] = []
            for following in lines[index + 1 :]:
                if following.startswith("- "):
                    bullets.append(following[2:])
                elif following.strip():
                    break
            blocks.append(bullets)
    plan = _workplan()
    assert len(blocks) == len(plan.areas) == 5
    for area, bullets in zip(plan.areas, blocks, strict=True):
        assert [_clean(c.text) for c in area.commitments] == [_clean(b) for b in bullets], area.id
    assert sum(len(a.commitments) for a in plan.areas) == sum(len(b) for b in blocks)


def test_every_workplan_task() -> None:
    lines = source(WORKPLAN)
    plan = _workplan()
    titles = {area.title for area in plan.areas}
    starts = [i for i, line in enumerate(lines) if line == "Konkrete opgaver i valgperioden"]
    assert len(starts) == len(plan.areas)
    for area, start in zip(plan.areas, starts, strict=True):
        tasks = []
        for line in lines[start + 1 :]:
            if line in titles or line.startswith("Dato:"):
                break
            if line.strip():
                tasks.append(_clean(line))
        assert [_clean(t.text) for t in area.tasks] == tasks, area.id
    assert plan.areas[0].title == "Sundhed"
    assert plan.case in "\n".join(lines)


def test_workplan_subsections_are_headings() -> None:
    sundhed = _workplan().areas[0]
    for heading in ("Model for opgaveoverdragelse", "Kommunal medfinansiering"):
        assert heading in source(WORKPLAN)
        assert f"### {heading}" in sundhed.text


def test_sdeo_extension_and_the_item_that_decided_it() -> None:
    number = next(n for n, title in _toc(MINUTES_2023).items() if "SDEO" in title)
    decided = "\n".join(source(MINUTES_2023))
    until = re.search(
        r"godkendte, at kontrakten med SDEO forlænges til udgangen af (\d{4})", decided
    )
    assert until
    contracts = [c for c in records("contracts").values() if "syddansk-eu-kontor" in c.parties]
    extended = [
        (c, e) for c in contracts for e in c.extensions if e.decided_by == f"2023-11-21/{number}"
    ]
    assert len(extended) == 1
    contract, extension = extended[0]
    assert extension.until.startswith(until.group(1))
    assert f"2023-11-21/{number}" in contract.items


def test_sdeo_membership_fee_2020() -> None:
    text = "\n".join(source(AGENDA_2021))
    match = re.search(r"medlemskontingent er i 2020 på ([\d.]+) kr\.", text)
    assert match
    amount = int(match.group(1).replace(".", ""))
    payments = [
        p for c in original("contracts").values() if isinstance(c, Contract) for p in c.payments
    ]
    fees = [p for p in payments if p.amount == amount and p.year == "2020"]
    assert len(fees) == 2
    assert "region-syddanmark" in {p.payer for p in fees}


def _appointee_lines(document: str, start: str) -> list[str]:
    lines = source(document)
    first = next(i for i, line in enumerate(lines) if line.strip().startswith(start))
    entries: list[str] = []
    for line in lines[first + 1 :]:
        if not line.strip():
            if entries:
                break
            continue
        if not line.startswith("- "):
            break
        # The 2023 minutes split some entries over two bullets; the second holds no " ved ".
        if " ved " in line or not entries:
            entries.append(line[2:])
        else:
            entries[-1] = entries[-1] + " " + line[2:]
    return entries


@pytest.mark.parametrize(
    ("document", "start", "item"),
    [
        (AGENDA_2020, "*Meddelelser fra KKR-udpegede", "2020-11-11/3.1"),
        (AGENDA_2021, "Meddelelser fra KKR-udpegede", "2021-06-09/2.1"),
        (MINUTES_2023, "Desuden orienterer medlemmer", "2023-11-21/3.1"),
    ],
)
def test_every_appointee_in_the_lists(document: str, start: str, item: str) -> None:
    entries = _appointee_lines(document, start)
    assert len(entries) >= 9
    memberships = [
        m
        for m in original("memberships").values()
        if item in {m.decided_by, *m.mentioned_in} and m.appointed_by == "kkr-syddanmark"
    ]
    assert len(memberships) == len(entries)
    for entry in entries:
        forum, rest = entry.rstrip(".").split(" ved ")
        name = rest.split(", ")[0]
        (person,) = _people_named(name)
        held = [m for m in memberships if m.person == person.id]
        assert held, entry
        organizations = [records("organizations")[m.organization] for m in held]
        assert any(
            any(label in forum for label in [o.name, *o.abbreviations, *o.aliases])
            for o in organizations
        ), entry


def _membership_of(name: str, item: str) -> Membership:
    (person,) = _people_named(name)
    (found,) = [
        m for m in records("memberships").values() if m.person == person.id and m.decided_by == item
    ]
    assert isinstance(found, Membership)
    return found


def test_fgu_danmark_change_2023() -> None:
    number = next(n for n, title in _toc(MINUTES_2023).items() if "FGU Danmark" in title)
    item = f"2023-11-21/{number}"
    text = "\n".join(source(MINUTES_2023))
    left = re.search(r"udpeget byrådsmedlem (.+?) \(", text)
    came = re.search(r"erstattet af byrådsmedlem (.+?) \(", text)
    assert left and came
    assert _membership_of(came.group(1), item).replaces == _membership_of(left.group(1), item).id


def test_general_practice_committee_change_2023() -> None:
    number = next(n for n, title in _toc(MINUTES_2023).items() if "almen praksis" in title)
    item = f"2023-11-21/{number}"
    text = "\n".join(source(MINUTES_2023))
    start = text.rindex(f"{number}. Samarbejdsudvalg")
    left, came, stays = re.findall(r"yrådsmedlem ([^(]+?) \(", text[start : start + 800])[:3]
    assert _membership_of(came, item).replaces == _membership_of(left, item).id
    assert _membership_of(stays, item).replaces is None


def test_fgu_appointment_2020() -> None:
    text = "\n".join(source(AGENDA_2020))
    match = re.search(r"\. ([^.]+?), SF, (\w+), er udpeget for Syddanmark", text)
    assert match
    (person,) = _people_named(match.group(1))
    assert person.party_name == "SF"
    assert person.municipality == _municipality_named(match.group(2)).id
    held = [m for m in original("memberships").values() if m.person == person.id]
    assert [(m.organization, m.decided_by) for m in held] == [("fgu-danmark", "2020-11-11/3.1")]


def _mentioned_meetings() -> dict[date, bool]:
    """KKR meetings the sources date; True where a source shows the meeting took place."""
    pattern = re.compile(r"møde(?:t)?(?: i KKR Syddanmark)?(?: er)? den (\d{1,2})\. (\w+) (\d{4})")
    found: dict[date, bool] = {}
    for document in MEETING_DOCUMENTS:
        written = _meeting_date(document)
        for line in source(document):
            for match in pattern.finditer(line):
                before = line[max(0, match.start() - 100) : match.end()]
                if "direktør" in before or "formandskab" in before:
                    continue
                if "KKR" not in before and "referat" not in before.lower():
                    continue
                day, month, year = match.groups()
                when = date(int(year), MONTHS[month], int(day))
                found[when] = found.get(when, False) or when < written
    return found


def test_every_mentioned_meeting_has_a_record() -> None:
    meetings = records("meetings")
    mentioned = _mentioned_meetings()
    assert len(mentioned) >= 7
    for when, held in mentioned.items():
        record = meetings.get(when.isoformat())
        assert isinstance(record, Meeting), when
        expected = MeetingStatus.held if held else MeetingStatus.planned
        if record.document is None:
            assert record.status is expected, when


def test_item_references_exist_in_the_tables_of_contents() -> None:
    tocs = {_meeting_date(d).isoformat(): _toc(d) for d in MEETING_DOCUMENTS}
    refs = [ref for c in records("contracts").values() for ref in c.items]
    refs += [e.decided_by for c in records("contracts").values() for e in c.extensions]
    refs += [m.decided_by for m in records("memberships").values()]
    for ref in filter(None, refs):
        meeting, number = ref.split("/")
        if meeting in tocs:  # items of later meetings are checked by kkr validate
            assert number in tocs[meeting], ref


def test_the_original_records_cite_existing_source_lines() -> None:
    """kkr validate checks every citation; here, that the five documents' records cite."""
    for directory in ("body", "organizations", "people", "memberships", "contracts", "topics"):
        cited_here = original(directory)
        assert cited_here, directory
        for record in cited_here.values():
            for cited in record.sources:
                assert (SOURCES / cited.document).is_file(), (record.id, cited.document)
                if cited.lines and cited.document in ORIGINAL:
                    last = int(cited.lines.split("-")[-1])
                    assert last <= len(source(cited.document)), (record.id, cited.lines)


def test_spelling_variants_are_aliases_with_discrepancies() -> None:
    text = "\n".join(source(MINUTES_2023) + source(FOLDER))
    assert "Johannes Lundsfryd Jensen" in text
    (person,) = _people_named("Johannes Lundsfryd Jensen")
    assert person.name == "Johannes Lundsryd Jensen"
    assert any("Johannes Lundsfryd Jensen" in d.readings for d in person.discrepancies)
    hub = records("organizations")["erhvervshus-sydjylland"]
    assert "Erhvervshus Syddjylland" in "\n".join(source(AGENDA_2020))
    assert "Erhvervshus Syddjylland" in hub.aliases
    assert hub.discrepancies
