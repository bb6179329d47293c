"""Backlinks: which records point at which, computed once per build from the corpus."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kkr.loading.corpus import Corpus
from schema.contract import Contract
from schema.matter import Matter
from schema.meeting import Item, Meeting, Promise
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person
from schema.topic import Topic
from schema.workplan import WorkPlan

# The standing sections of every KKR agenda. An item under one of them is procedural: it
# approves minutes, passes on news or lists coming points, and is no decision on a matter and
# no progress on the work plan. Matched on the section title as printed, case-insensitively,
# so a new meeting is judged by the same rule without anyone listing its items.
PROCEDURAL_SECTIONS = (
    "godkendelse af dagsorden",
    "godkendelse af referat",
    "siden sidst",
    "meddelelser",
    "punkter til næste møde",
    "eventuelt",
)
EXCERPT = 160


def first_sentence(markdown: str) -> str:
    """The first sentence of a record's Markdown as plain text, cut at EXCERPT characters."""
    line = next((ln.strip() for ln in markdown.splitlines() if ln.strip()), "")
    plain = line.lstrip("#>-*+ ").replace("**", "").replace("*", "").replace("_", " ").strip()
    end = plain.find(". ", 20)
    if end != -1:
        plain = plain[: end + 1]
    if len(plain) > EXCERPT:
        plain = plain[: EXCERPT - 1].rsplit(" ", 1)[0] + " …"
    return plain


@dataclass(frozen=True)
class ItemInfo:
    """An item together with its meeting."""

    ref: str
    meeting: Meeting
    item: Item

    @property
    def date(self) -> date:
        """The meeting date."""
        return self.meeting.date

    @property
    def label(self) -> str:
        """E.g. "2.4 Fordeling af flygtninge"."""
        return f"{self.item.number} {display_title(self.item)}"

    @property
    def procedural(self) -> bool:
        """Whether the item stands under a standing section (PROCEDURAL_SECTIONS)."""
        number = self.item.number.split(".")[0]
        titles = [s.title for s in self.meeting.sections if s.number == number]
        heading = (titles[0] if titles else self.item.title).casefold()
        return heading.startswith(PROCEDURAL_SECTIONS)

    @property
    def decided(self) -> bool:
        """Whether the records hold a decision text for the item."""
        return bool(self.item.beslutning and self.item.beslutning.strip())

    @property
    def outcome(self) -> str:
        """The decision's first sentence, or "dagsorden" when only the agenda is known."""
        if self.decided:
            return first_sentence(self.item.beslutning or "")
        return "dagsorden" if self.item.beslutning is None else "ingen beslutning anført"


@dataclass(frozen=True)
class TableRow:
    """One row of a table in an item, with the table's caption and columns."""

    info: ItemInfo
    caption: str
    columns: tuple[str, ...]
    cells: tuple[str, ...]
    number: int = 1  # the table's place among the item's tables, for a table without caption


def _multi() -> defaultdict[str, list[Any]]:
    return defaultdict(list)


@dataclass
class Links:
    """Every reverse relation the pages show."""

    items: dict[str, ItemInfo] = field(default_factory=dict)
    by_case: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    meetings_by_case: defaultdict[str, list[Meeting]] = field(default_factory=_multi)
    plans_by_case: defaultdict[str, list[WorkPlan]] = field(default_factory=_multi)
    presented: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    concerns: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    handled: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    by_org: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    by_contract: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    by_topic: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    by_commitment: defaultdict[str, list[ItemInfo]] = field(default_factory=_multi)
    attended: defaultdict[str, list[Meeting]] = field(default_factory=_multi)
    missed: defaultdict[str, list[Meeting]] = field(default_factory=_multi)
    seats: defaultdict[str, list[Membership]] = field(default_factory=_multi)
    members: defaultdict[str, list[Membership]] = field(default_factory=_multi)
    appointed: defaultdict[str, list[Membership]] = field(default_factory=_multi)
    replaced_by: dict[str, Membership] = field(default_factory=dict)
    seats_by_item: defaultdict[str, list[Membership]] = field(default_factory=_multi)
    promised_for: defaultdict[str, list[tuple[ItemInfo, Promise]]] = field(default_factory=_multi)
    bodies: set[str] = field(default_factory=set)
    # Table rows by their first cell, casefolded: how a municipality page finds "Vejle" rows.
    rows_by_label: defaultdict[str, list[TableRow]] = field(default_factory=_multi)
    mentions: defaultdict[str, list[Membership]] = field(default_factory=_multi)
    matters_by_item: defaultdict[str, list[Matter]] = field(default_factory=_multi)
    matters_by_topic: defaultdict[str, list[Matter]] = field(default_factory=_multi)
    matters_by_contract: defaultdict[str, list[Matter]] = field(default_factory=_multi)
    contracts_by_party: defaultdict[str, list[Contract]] = field(default_factory=_multi)
    successors: defaultdict[str, list[Contract]] = field(default_factory=_multi)
    people_by_org: defaultdict[str, list[Person]] = field(default_factory=_multi)
    children: defaultdict[str, list[Organization]] = field(default_factory=_multi)
    orgs_by_topic: defaultdict[str, list[Organization]] = field(default_factory=_multi)
    initials: dict[str, Person] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    def advancing(self, plan: WorkPlan, commitment: str) -> list[ItemInfo]:
        """Items that advance a commitment: linked to it, on or after the plan, not procedural."""
        return [
            info
            for info in self.by_commitment.get(f"{plan.id}/{commitment}", [])
            if info.date >= plan.date and not info.procedural
        ]


def build(corpus: Corpus) -> Links:
    """Compute every reverse relation; lists come out in a stable order."""
    links = Links()
    _names(corpus, links)
    for entry in corpus.entries("meeting"):
        meeting = entry.record
        assert isinstance(meeting, Meeting)
        links.bodies.add(meeting.body)
        if meeting.case:
            links.meetings_by_case[meeting.case].append(meeting)
        for person in meeting.present:
            links.attended[person].append(meeting)
        for person in meeting.absent:
            links.missed[person].append(meeting)
        for item in meeting.items:
            _item(links, ItemInfo(f"{meeting.id}/{item.number}", meeting, item))
    _records(corpus, links)
    return links


def _records(corpus: Corpus, links: Links) -> None:
    for entry in corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        links.plans_by_case[plan.case].append(plan)
    for entry in corpus.entries("membership"):
        seat = entry.record
        assert isinstance(seat, Membership)
        links.seats[seat.person].append(seat)
        links.members[seat.organization].append(seat)
        if seat.appointed_by:
            links.appointed[seat.appointed_by].append(seat)
        if seat.replaces:
            links.replaced_by[seat.replaces] = seat
        if seat.decided_by:
            links.seats_by_item[seat.decided_by].append(seat)
        for item_ref in seat.mentioned_in:
            links.mentions[item_ref].append(seat)
    _agreements(corpus, links)


def _agreements(corpus: Corpus, links: Links) -> None:
    for entry in corpus.entries("matter"):
        matter = entry.record
        assert isinstance(matter, Matter)
        for ref in matter.items:
            links.matters_by_item[ref].append(matter)
        for topic in matter.topics:
            links.matters_by_topic[topic].append(matter)
        for contract in matter.contracts:
            links.matters_by_contract[contract].append(matter)
    _contracts(corpus, links)


def _contracts(corpus: Corpus, links: Links) -> None:
    for entry in corpus.entries("contract"):
        contract = entry.record
        assert isinstance(contract, Contract)
        for party in contract.parties:
            links.contracts_by_party[party].append(contract)
        if contract.predecessor:
            links.successors[contract.predecessor].append(contract)
        for ref in contract.items:
            if ref in links.items and links.items[ref] not in links.by_contract[contract.id]:
                links.by_contract[contract.id].append(links.items[ref])
    for entry in corpus.entries("organization"):
        org = entry.record
        assert isinstance(org, Organization)
        if org.parent:
            links.children[org.parent].append(org)
        for topic in org.topics:
            links.orgs_by_topic[topic].append(org)
    for values in links.by_contract.values():
        values.sort(key=lambda info: (info.date, info.ref))


def _names(corpus: Corpus, links: Links) -> None:
    for kind in ("person", "organization", "topic"):
        for entry in corpus.entries(kind):
            record = entry.record
            assert isinstance(record, Person | Organization | Topic)
            links.names[(kind, record.id)] = record.name or record.id
            if isinstance(record, Person):
                links.names[(kind, record.id)] = person_name(record)
                if record.initials:
                    links.initials[record.initials] = record
                for org in {record.municipality, record.organization} - {None}:
                    links.people_by_org[str(org)].append(record)
    for entry in corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        for area in plan.areas:
            for number, commitment in enumerate(area.commitments, start=1):
                label = f"{area.title}, målsætning {number}"
                links.names[("commitment", f"{plan.id}/{commitment.id}")] = label
    for kind in ("contract", "matter", "workplan"):
        for entry in corpus.entries(kind):
            record = entry.record
            assert isinstance(record, Contract | Matter | WorkPlan)
            links.names[(kind, record.id)] = record.title


def _item(links: Links, info: ItemInfo) -> None:
    item = info.item
    links.items[info.ref] = info
    if item.case:
        links.by_case[item.case].append(info)
    for person in item.presenters:
        links.presented[person].append(info)
    for person in item.people:
        links.concerns[person].append(info)
    for initials in item.handlers:
        links.handled[initials].append(info)
    for org in item.organizations:
        links.by_org[org].append(info)
    for contract in item.contracts:
        links.by_contract[contract].append(info)
    for topic in item.topics:
        links.by_topic[topic].append(info)
    for commitment in item.commitments:
        links.by_commitment[commitment].append(info)
    _contents(links, info)


def _contents(links: Links, info: ItemInfo) -> None:
    for number, table in enumerate(info.item.tables, start=1):
        for row in table.rows:
            if row:
                found = TableRow(
                    info, table.caption or "", tuple(table.columns), tuple(row), number
                )
                links.rows_by_label[row[0].strip().casefold()].append(found)
    for promise in info.item.promised:
        # A point promised without a date is for the meeting's next one.
        target = promise.meeting or info.meeting.next
        if target:
            links.promised_for[target].append((info, promise))


def display_title(item: Item) -> str:
    """The title headings show: the table of contents' reading where the two differ.

    KL's table of contents is the edited list of titles; where an item's own heading differs
    (a typo such as "Tamarække", a hyphen left from a line break) the record keeps both and
    the page shows the heading's reading only as a noted discrepancy.
    """
    return item.toc_title or item.title


def name(links: Links, kind: str, record_id: str) -> str:
    """The display name of a record, or its id when the record is missing."""
    return links.names.get((kind, record_id), record_id)


def person_name(person: Person) -> str:
    """A person's name, or their initials where the sources give no name."""
    return person.name or (f"Sagsbehandler {person.initials}" if person.initials else person.id)
