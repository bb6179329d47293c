"""Meetings and their agenda items."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from schema.base import Record, Strict
from schema.markdown import Markdown
from schema.types import (
    BodyRef,
    CaseNumber,
    CommitmentRef,
    ContractRef,
    HandlerRef,
    IsoDate,
    ItemNumber,
    ItemRef,
    MatterRef,
    MeetingId,
    MeetingRef,
    OrganizationRef,
    PersonRef,
    SectionNumber,
    Slug,
    StartTime,
    Text,
    TopicRef,
)

# "place", "items[2.1].beslutning": the fields kkr import sets; a 12-digit hash of each value.
ImportedField = Annotated[str, StringConstraints(pattern=r"^(items\[\d+\.\d+\]\.)?[a-z_]+$")]
ImportHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]


class DocumentKind(StrEnum):
    """Which document of a meeting the record was taken from."""

    agenda = "agenda"
    minutes = "minutes"


class MeetingStatus(StrEnum):
    """How far a meeting has come."""

    planned = "planned"
    agenda_published = "agenda-published"
    minutes_approved = "minutes-approved"
    held = "held"


class Section(Strict):
    """A numbered section of the agenda, e.g. 3. Regionalpolitiske sager."""

    number: SectionNumber = Field(description="The section number, quoted, e.g. '3'")
    title: Text = Field(description="The section title as printed, e.g. Regionalpolitiske sager")
    page: int | None = Field(None, ge=1, description="Page in the table of contents, e.g. 11")


class Attachment(Strict):
    """An attachment marker (./. or ./..) in the source, with the text it stands beside."""

    marker: str = Field(pattern=r"^\./\.{0,2}$", description="As printed: ./. or ./.. or ./")
    section: Text = Field(description="The item section it appears in, e.g. sagsfremstilling")
    text: Text | None = Field(None, description="The paragraph the marker stands beside")


class Table(Strict):
    """A table given as rows and columns of text, exactly as printed."""

    id: Slug = Field(description="Referenced from the text as a line [[tabel:ID]]")
    caption: Text | None = Field(
        None, description="The table's heading, where the source prints one"
    )
    columns: list[str] = Field(
        min_length=1, description="Column headings as printed; '' where a column has none"
    )
    rows: list[list[str]] = Field(
        min_length=1,
        description="The rows, each a list of cells as printed, e.g. [Middelfart, '3']",
    )


class Promise(Strict):
    """A point promised for a coming meeting, and what it became where the sources show it."""

    text: Text = Field(description="The point as printed, e.g. Status på DK2020")
    meeting: MeetingRef | None = Field(
        None, description="The meeting it was promised for, e.g. 2021-02-05"
    )
    matter: MatterRef | None = Field(
        None, description="The matter it belongs to or became, e.g. dk2020-og-klimasamarbejdet"
    )
    item: ItemRef | None = Field(
        None, description="The item it became at that meeting, e.g. 2024-02-05/2.1"
    )


class Item(Strict):
    """A numbered agenda item."""

    number: ItemNumber = Field(description="Section and item number, quoted, e.g. '3.6'")
    title: Text = Field(description="The item's own heading, as printed")
    toc_title: Text | None = Field(
        None, description="The title in the table of contents, where it differs"
    )
    page: int | None = Field(None, ge=1, description="Page in the table of contents, e.g. 11")
    case: CaseNumber | None = Field(
        None, description="The case number printed under the heading, e.g. SAG-2021-02179"
    )
    handlers: list[HandlerRef] = Field(
        default_factory=list, description="Case-handler initials, e.g. [rura, bel]"
    )
    baggrund: Markdown | None = Field(None, description="The Baggrund section, as Markdown")
    indstilling: Markdown | None = Field(
        None, description="The Indstilling (recommendation), as Markdown"
    )
    sagsfremstilling: Markdown | None = Field(
        None, description="The Sagsfremstilling with its sub-headings as ####, as Markdown"
    )
    beslutning: Markdown | None = Field(
        None, description="The decision; required in minutes (may be empty if printed empty)"
    )
    presenters: list[PersonRef] = Field(
        default_factory=list, description="People who present the item, e.g. [rasmus-anker-moeller]"
    )
    attachments: list[Attachment] = Field(
        default_factory=list, description="The attachment markers (./.) in the item, in order"
    )
    tables: list[Table] = Field(
        default_factory=list,
        description="Tables in the item, each placed in the text by a line [[tabel:ID]]",
    )
    topics: list[TopicRef] = Field(
        default_factory=list, description="Subject areas the item concerns, e.g. [sundhed]"
    )
    organizations: list[OrganizationRef] = Field(
        default_factory=list, description="Bodies the item concerns, e.g. [syddansk-eu-kontor]"
    )
    people: list[PersonRef] = Field(
        default_factory=list,
        description="People the item concerns, other than its presenters, e.g. [lone-myrhoej]",
    )
    contracts: list[ContractRef] = Field(
        default_factory=list,
        description="Agreements the item acts on, e.g. [sdeo-resultatkontrakt-2022-2023]",
    )
    commitments: list[CommitmentRef] = Field(
        default_factory=list,
        description="Work-plan commitments it advances, e.g. 2022-2026/erhverv-1",
    )
    promised: list[Promise] = Field(
        default_factory=list,
        description="Points promised for the next meeting, e.g. under Punkter til næste møde",
    )


class Meeting(Record):
    """A meeting of the council, from its agenda or its minutes."""

    id: MeetingId = Field(description="The meeting date, e.g. 2023-11-21; also the file name")
    body: BodyRef = Field(description="The council, e.g. kkr-syddanmark")
    date: IsoDate = Field(description="The meeting date, e.g. 2023-11-21; must equal the id")
    start_time: StartTime | None = Field(None, description="Quoted, e.g. '10:00'")
    place: Text | None = Field(
        None, description="Where the meeting is held, as printed, e.g. Virtuelt via Teams"
    )
    document: DocumentKind | None = Field(
        None, description="The document the record was taken from, if any"
    )
    status: MeetingStatus = Field(description="How far the meeting has come, e.g. held")
    case: CaseNumber | None = Field(None, description="The meeting's case file")
    present: list[PersonRef] = Field(default_factory=list, description="Deltagere")
    absent: list[PersonRef] = Field(default_factory=list, description="Afbud")
    previous: MeetingRef | None = Field(
        None, description="The meeting before this one, e.g. 2023-09-04"
    )
    next: MeetingRef | None = Field(None, description="The meeting after this one, e.g. 2024-02-05")
    sections: list[Section] = Field(
        default_factory=list, description="The agenda's numbered sections, in order"
    )
    items: list[Item] = Field(default_factory=list, description="The agenda items, in agenda order")
    imported: dict[ImportedField, ImportHash] = Field(
        default_factory=dict,
        description="What kkr import wrote last: a hash per field it set, so that a later "
        "import keeps hand edits; written by kkr import, never by hand",
    )
