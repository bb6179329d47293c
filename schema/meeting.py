"""Meetings and their agenda items."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

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

    number: SectionNumber
    title: Text
    page: int | None = Field(None, ge=1, description="Page in the table of contents, e.g. 11")


class Attachment(Strict):
    """An attachment marker (./. or ./..) in the source, with the text it stands beside."""

    marker: str = Field(pattern=r"^\./\.{0,2}$", description="As printed: ./. or ./.. or ./")
    section: Text = Field(description="The item section it appears in, e.g. sagsfremstilling")
    text: Text | None = Field(None, description="The paragraph the marker stands beside")


class Table(Strict):
    """A table given as rows and columns of text, exactly as printed."""

    id: Slug = Field(description="Referenced from the text as a line [[tabel:ID]]")
    caption: Text | None = None
    columns: list[str] = Field(min_length=1)
    rows: list[list[str]] = Field(min_length=1)


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

    number: ItemNumber
    title: Text = Field(description="The item's own heading, as printed")
    toc_title: Text | None = Field(
        None, description="The title in the table of contents, where it differs"
    )
    page: int | None = Field(None, ge=1, description="Page in the table of contents, e.g. 11")
    case: CaseNumber | None = None
    handlers: list[HandlerRef] = Field(
        default_factory=list, description="Case-handler initials, e.g. [rura, bel]"
    )
    baggrund: Markdown | None = None
    indstilling: Markdown | None = None
    sagsfremstilling: Markdown | None = None
    beslutning: Markdown | None = Field(
        None, description="The decision; required in minutes (may be empty if printed empty)"
    )
    presenters: list[PersonRef] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    topics: list[TopicRef] = Field(default_factory=list)
    organizations: list[OrganizationRef] = Field(default_factory=list)
    people: list[PersonRef] = Field(default_factory=list)
    contracts: list[ContractRef] = Field(default_factory=list)
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

    id: MeetingId
    body: BodyRef = Field(description="The council, e.g. kkr-syddanmark")
    date: IsoDate
    start_time: StartTime | None = Field(None, description="Quoted, e.g. '10:00'")
    place: Text | None = None
    document: DocumentKind | None = Field(
        None, description="The document the record was taken from, if any"
    )
    status: MeetingStatus
    case: CaseNumber | None = Field(None, description="The meeting's case file")
    present: list[PersonRef] = Field(default_factory=list, description="Deltagere")
    absent: list[PersonRef] = Field(default_factory=list, description="Afbud")
    previous: MeetingRef | None = None
    next: MeetingRef | None = None
    sections: list[Section] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
