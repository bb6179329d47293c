"""Items link topics, bodies, people, contracts, commitments and matters, as the sources say."""

from __future__ import annotations

import re
from datetime import date

import pytest
from kkr.site.links import ItemInfo
from test_knowledge import (
    MEETING_DOCUMENTS,
    MONTHS,
    _meeting_date,
    _toc,
    original,
    records,
    source,
)

from schema.contract import Contract
from schema.matter import Matter
from schema.meeting import Item, Meeting
from schema.organization import Organization
from schema.person import Person
from schema.workplan import WorkPlan

SECTIONS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
PROCEDURAL = re.compile(r"^(Godkendelse af referat|Eventuelt$)")
# Items the sources place outside the six subject areas: the 2021 evaluation names
# integration beside them (see test_integration_is_named_beside_the_subject_areas), and
# the council's evaluation of itself concerns no subject area.
OUTSIDE_THE_AREAS = {"2021-06-09/3.6": "Fordeling af flygtninge", "2021-06-09/4.1": "Evaluering"}
# Bodies an item describes instead of naming, with the description as printed.
DESCRIBED = {
    "2023-11-21/2.5": (
        "de to fælleskommunale sekretariater for social- og sundhedsområdet",
        {"faelleskommunalt-socialsekretariat", "faelleskommunalt-sundhedssekretariat"},
    ),
}
PRESENTING = re.compile(r"oplæg|orienterer|præsentere|fortæller")


def meetings() -> dict[str, Meeting]:
    """The three meetings that have documents, by id."""
    found = {}
    for document in MEETING_DOCUMENTS:
        meeting = records("meetings")[_meeting_date(document).isoformat()]
        assert isinstance(meeting, Meeting)
        found[meeting.id] = meeting
    return found


def all_items() -> list[tuple[str, Item]]:
    """Every item of the three meetings as (reference, item)."""
    return [(f"{m.id}/{item.number}", item) for m in meetings().values() for item in m.items]


def procedural(ref: str) -> bool:
    """Whether the item stands under a standing agenda section (the site's one rule)."""
    meeting = meetings()[ref[:10]]
    number = ref[11:]
    return ItemInfo(ref, meeting, next(i for i in meeting.items if i.number == number)).procedural


def text_of(item: Item) -> str:
    """The item's printed text: titles, sections and table cells."""
    parts = [item.title, item.toc_title or ""]
    parts += [getattr(item, name) or "" for name in SECTIONS]
    parts += [cell for table in item.tables for row in table.rows for cell in row]
    return "\n".join(parts)


def named(name: str, text: str) -> bool:
    """Whether ``name`` stands in ``text`` as a word, possibly in the genitive."""
    pattern = r"(?<![\w-])" + re.escape(name) + r"(?:s|'s)?(?![\w-])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def names_of(record: Organization | Person) -> list[str]:
    """Every name a record is printed under."""
    extra = record.abbreviations if isinstance(record, Organization) else []
    return [n for n in [record.name, *record.aliases, *extra] if n]


def _people_in(text: str) -> set[str]:
    people = original("people").values()
    return {p.id for p in people if any(named(n, text) for n in names_of(p))}


def test_every_item_in_the_contents_is_linked_to_a_topic() -> None:
    found = dict(all_items())
    for document in MEETING_DOCUMENTS:
        day = _meeting_date(document).isoformat()
        for number, title in _toc(document).items():
            ref = f"{day}/{number}"
            item = found[ref]
            if PROCEDURAL.match(title):
                assert not item.topics, ref
            elif ref in OUTSIDE_THE_AREAS:
                assert OUTSIDE_THE_AREAS[ref] in title
                assert not item.topics and item.organizations, ref
            else:
                assert item.topics, f"{ref} {title!r} has no topic"


def test_integration_is_named_beside_the_subject_areas() -> None:
    (item,) = [i for ref, i in all_items() if ref == "2021-06-09/4.1"]
    assert "integration" in (item.sagsfremstilling or "")
    assert "integration" not in " ".join(t.name.lower() for t in records("topics").values())


def test_linked_bodies_and_people_are_named_in_the_item() -> None:
    organizations = records("organizations")
    people = records("people")
    contracts = records("contracts")
    for ref, item in all_items():
        text = text_of(item)
        parties = {p for c in item.contracts for p in contracts[c].parties}
        if ref in DESCRIBED:
            assert DESCRIBED[ref][0] in text
            parties |= DESCRIBED[ref][1]
        for org in item.organizations:
            printed = any(named(n, text) for n in names_of(organizations[org]))
            assert printed or org in parties, f"{ref}: {org} is not named in the item"
        for person in item.people:
            assert any(named(n, text) for n in names_of(people[person])), (ref, person)


def test_presenters_are_the_people_the_text_says_present() -> None:
    links = 0
    for ref, item in all_items():
        assert not set(item.presenters) & set(item.people), ref
        for sentence in re.split(r"(?<=[.:])\s+|\n", text_of(item)):
            mentioned = _people_in(sentence)
            if PRESENTING.search(sentence) and mentioned:
                assert mentioned & set(item.presenters), (ref, sentence)
                links += 1
    assert links >= 8


def test_each_person_presenting_in_a_forum_list_is_a_presenter() -> None:
    for ref, item in all_items():
        for line in text_of(item).splitlines():
            if re.match(r"^- .+ ved .+, ", line):
                person = _people_in(line.split(" ved ", 1)[1])
                assert person and person <= set(item.presenters), (ref, line)


def test_item_and_contract_links_agree() -> None:
    contracts = records("contracts")
    linked = {(ref, c) for ref, item in all_items() for c in item.contracts}
    listed = {(ref, c.id) for c in contracts.values() for ref in c.items if ref[:10] in meetings()}
    assert linked == listed
    assert linked


def test_sdeo_extension_item_links_the_contract() -> None:
    number = next(n for n, title in _toc(MEETING_DOCUMENTS[2]).items() if "SDEO" in title)
    ref = f"{_meeting_date(MEETING_DOCUMENTS[2]).isoformat()}/{number}"
    (item,) = [i for r, i in all_items() if r == ref]
    extended = [
        c
        for c in records("contracts").values()
        if isinstance(c, Contract) and any(e.decided_by == ref for e in c.extensions)
    ]
    assert len(extended) == 1
    assert extended[0].id in item.contracts
    assert "syddansk-eu-kontor" in item.organizations


def _plan() -> WorkPlan:
    (plan,) = original("workplans").values()
    assert isinstance(plan, WorkPlan)
    return plan


def _commitments() -> dict[str, tuple[str, list[str]]]:
    """Commitment reference -> (text, topics of its area)."""
    plan = _plan()
    return {
        f"{plan.id}/{c.id}": (c.text, area.topics) for area in plan.areas for c in area.commitments
    }


def test_commitment_links_are_after_the_plan_and_share_a_topic() -> None:
    plan, commitments = _plan(), _commitments()
    count = 0
    for ref, item in all_items():
        if date.fromisoformat(ref[:10]) < plan.date or procedural(ref):
            assert not item.commitments, ref
        for commitment in item.commitments:
            assert set(commitments[commitment][1]) & set(item.topics), (ref, commitment)
            count += 1
    assert count >= 5


@pytest.mark.parametrize(
    ("in_item", "in_commitment"),
    [
        ("resultatkontrakt", "resultatkontrakt"),
        ("specialiserede socialområde", "udgiftsudviklingen"),
        ("UC SYD", "uddannelsesinstitutionerne"),
    ],
)
def test_later_items_link_the_commitments_their_text_matches(
    in_item: str, in_commitment: str
) -> None:
    commitments = _commitments()
    matching = {ref for ref, (text, _) in commitments.items() if in_commitment in text}
    assert matching
    hits = 0
    for ref, item in all_items():
        later = date.fromisoformat(ref[:10]) >= _plan().date
        if later and not procedural(ref) and in_item in text_of(item):
            assert matching & set(item.commitments), (ref, in_item)
            hits += 1
    assert hits


def _matter_with(refs: list[str]) -> Matter:
    found = [m for m in records("matters").values() if set(refs) <= set(m.items)]
    assert len(found) == 1, (refs, [m.id for m in found])
    assert isinstance(found[0], Matter)
    return found[0]


def _by_title(pattern: str) -> list[str]:
    refs = []
    for document in MEETING_DOCUMENTS:
        day = _meeting_date(document).isoformat()
        refs += [f"{day}/{n}" for n, t in _toc(document).items() if re.search(pattern, t)]
    return refs


def _by_heading(pattern: str) -> list[str]:
    return [
        ref
        for ref, item in all_items()
        if re.search(r"^#### .*(" + pattern + ")", text_of(item), re.MULTILINE | re.IGNORECASE)
    ]


def _by_decision(pattern: str) -> list[str]:
    return [ref for ref, item in all_items() if re.search(pattern, item.beslutning or "")]


EXAMPLES = {
    "SDEO": lambda: _by_title(r"SDEO|EU-kontor"),
    "DK2020 and climate": lambda: _by_title(r"DK2020|klima"),
    "specialised social area": lambda: _by_title(r"Rammeaftalen|specialiserede social|Botilbud"),
    "business hubs": lambda: _by_title(r"erhvervshusene") + _by_heading(r"erhvervshus"),
    "joint secretariats": lambda: _by_title(r"sekretariat"),
    "evaluation of KKR": lambda: _by_title(r"Evaluering af KKR") + _by_decision("midtvejsstatus"),
    "appointments": lambda: _by_heading(r"Udpegning til") + _by_title(r"FGU|almen praksis"),
}


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_issue_matter_examples_hold_their_items_in_order(example: str) -> None:
    refs = EXAMPLES[example]()
    meetings_spanned = {ref[:10] for ref in refs}
    assert len(meetings_spanned) >= 2, (example, refs)
    matter = _matter_with(refs)
    assert matter.items == sorted(matter.items, key=_item_key)
    assert matter.summary and matter.sources


def _item_key(ref: str) -> tuple[str, int, int]:
    meeting, number = ref.split("/")
    section, item = number.split(".")
    return meeting, int(section), int(item)


def test_every_matter_recurs_and_its_links_match_its_items() -> None:
    items = {
        f"{meeting.id}/{item.number}": item
        for meeting in records("meetings").values()
        for item in meeting.items
    }
    for matter in records("matters").values():
        assert isinstance(matter, Matter)
        assert len(matter.items) >= 2, matter.id
        linked = {c for ref in matter.items for c in items[ref].contracts}
        assert set(matter.contracts) <= linked | {
            c.predecessor for c in records("contracts").values() if c.id in linked
        }, matter.id
        topics = {t for ref in matter.items for t in items[ref].topics}
        assert set(matter.topics) <= topics, matter.id


def _promised_in_source(document: str, number: str) -> tuple[date, list[str]]:
    """The date of the next meeting and the points listed for it, from the item's source text."""
    lines = source(document)
    heading = re.compile(rf"[#* ]*{re.escape(number)}\.")
    start = next(i for i, line in enumerate(lines) if i > 45 and heading.match(line))
    block: list[str] = []
    for line in lines[start + 1 :]:
        if re.match(r"[#* ]*\d+\.\d*\.? ", line) and not line.startswith("- "):
            break
        block.append(line)
    text = "\n".join(block)
    when = re.search(r"Næste møde i KKR Syddanmark er den (\d+)\. (\w+) (\d{4})", text)
    assert when
    day, month, year = when.groups()
    points = [line[2:].strip().rstrip(".") for line in block if line.startswith("- ")]
    return date(int(year), MONTHS[month], int(day)), points


def test_promised_points_are_linked_as_printed() -> None:
    linked = 0
    for document in MEETING_DOCUMENTS:
        meeting = meetings()[_meeting_date(document).isoformat()]
        numbers = [n for n, t in _toc(document).items() if t.startswith("Punkter til næste møde")]
        assert len(numbers) == 1
        (item,) = [i for i in meeting.items if i.number == numbers[0]]
        when, points = _promised_in_source(document, numbers[0])
        assert points
        texts = [p.text for p in item.promised]
        assert texts[: len(points)] == points
        for promise in item.promised:
            assert promise.meeting == when.isoformat() == meeting.next
            assert promise.text in text_of(item)
            if promise.matter:
                matter = records("matters")[promise.matter]
                assert f"{meeting.id}/{item.number}" in matter.items
                linked += 1
    assert linked >= 6


def test_items_that_decided_appointments_link_the_person_and_the_body() -> None:
    items = dict(all_items())
    checked = 0
    for membership in records("memberships").values():
        for ref in {membership.decided_by, *membership.mentioned_in} - {None}:
            item = items.get(str(ref))
            if item is not None:
                assert membership.person in {*item.people, *item.presenters}, membership.id
                assert membership.organization in item.organizations, membership.id
                checked += 1
    assert checked >= 20
