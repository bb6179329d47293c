"""The political work plan (politisk arbejdsgrundlag) for an election term."""

from __future__ import annotations

from pydantic import Field

from schema.base import Record, Strict
from schema.markdown import Markdown
from schema.types import CaseNumber, IsoDate, Slug, TermRef, Text, TopicRef


class Commitment(Strict):
    """One "Vi vil i KKR Syddanmark" commitment."""

    id: Slug = Field(description="Stable id, unique in the work plan, e.g. sundhed-1")
    text: Markdown


class Task(Strict):
    """A concrete task for the term."""

    id: Slug = Field(description="Stable id, unique in the work plan, e.g. sundhed-opgave-1")
    text: Markdown


class Area(Strict):
    """One of the work plan's areas, e.g. Sundhed."""

    id: Slug
    title: Text
    text: Markdown = Field(description="The area's text with its sub-sections as headings")
    commitments: list[Commitment] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    topics: list[TopicRef] = Field(default_factory=list)


class WorkPlan(Record):
    """The council's political work plan for one election term."""

    id: Slug = Field(description="The term, e.g. 2022-2026")
    title: Text
    case: CaseNumber
    date: IsoDate
    term: TermRef = Field(description="The body term it covers, e.g. 2022-2026")
    introduction: Markdown
    areas: list[Area] = Field(min_length=1)
