"""The political work plan (politisk arbejdsgrundlag) for an election term."""

from __future__ import annotations

from pydantic import Field

from schema.base import Record, Strict
from schema.markdown import Markdown
from schema.types import CaseNumber, IsoDate, Slug, TermRef, Text, TopicRef


class Commitment(Strict):
    """One "Vi vil i KKR Syddanmark" commitment."""

    id: Slug = Field(description="Stable id, unique in the work plan, e.g. sundhed-1")
    text: Markdown = Field(description="The commitment as printed, as Markdown")
    note: Markdown | None = Field(
        None,
        description="Judgement calls on which items advance it, e.g. why an item is not linked",
    )


class Task(Strict):
    """A concrete task for the term."""

    id: Slug = Field(description="Stable id, unique in the work plan, e.g. sundhed-opgave-1")
    text: Markdown = Field(description="The task as printed, as Markdown")


class Area(Strict):
    """One of the work plan's areas, e.g. Sundhed."""

    id: Slug = Field(description="Stable id, e.g. sundhed")
    title: Text = Field(
        description="The area's heading as printed, e.g. Det specialiserede socialområde"
    )
    text: Markdown = Field(description="The area's text with its sub-sections as headings")
    commitments: list[Commitment] = Field(
        default_factory=list,
        description="The area's 'Vi vil i KKR Syddanmark' commitments, in order",
    )
    tasks: list[Task] = Field(
        default_factory=list, description="The area's concrete tasks for the term, in order"
    )
    topics: list[TopicRef] = Field(
        default_factory=list, description="Subject areas the area belongs to, e.g. [sundhed]"
    )


class WorkPlan(Record):
    """The council's political work plan for one election term."""

    id: Slug = Field(description="The term, e.g. 2022-2026")
    title: Text = Field(
        description="The title as printed, e.g. KKR Syddanmarks politiske arbejdsgrundlag"
    )
    case: CaseNumber = Field(description="Its case number, e.g. SAG-2022-00199")
    date: IsoDate = Field(description="Its date, e.g. 2022-03-30")
    term: TermRef = Field(description="The body term it covers, e.g. 2022-2026")
    introduction: Markdown = Field(description="The introduction (Indledning), as Markdown")
    areas: list[Area] = Field(
        min_length=1, description="The areas in the order printed, e.g. Sundhed first"
    )
