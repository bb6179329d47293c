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

    id: Slug
    title: Text
    status: MatterStatus
    summary: Markdown | None = None
    items: list[ItemRef] = Field(min_length=1, description="In time order")
    topics: list[TopicRef] = Field(default_factory=list)
    contracts: list[ContractRef] = Field(default_factory=list)
    commitments: list[CommitmentRef] = Field(default_factory=list)
