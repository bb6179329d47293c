"""Matters: subjects the council follows across meetings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import CommitmentRef, ContractRef, ItemRef, Slug, Text, TopicRef


class MatterStatus(StrEnum):
    """Where a matter stands in the latest source."""

    open = "open"
    recurring = "recurring"
    concluded = "concluded"


class Matter(Record):
    """A subject followed across meetings, with its items in time order."""

    id: Slug = Field(description="Stable id, e.g. sdeo-resultatkontrakt")
    title: Text = Field(description="The subject in Danish, e.g. Resultatkontrakten med SDEO")
    status: MatterStatus = Field(
        description="Where the matter stands in the latest source, e.g. open"
    )
    summary: Markdown | None = Field(
        None, description="The course of the matter in a few Danish sentences"
    )
    items: list[ItemRef] = Field(min_length=1, description="In time order")
    topics: list[TopicRef] = Field(
        default_factory=list, description="Subject areas of the matter, e.g. [klima-og-miljoe]"
    )
    contracts: list[ContractRef] = Field(
        default_factory=list,
        description="Agreements the matter concerns, e.g. [dk2020-partnerskab]",
    )
    commitments: list[CommitmentRef] = Field(
        default_factory=list,
        description="Work-plan commitments it advances, e.g. [2022-2026/klima-1]",
    )
