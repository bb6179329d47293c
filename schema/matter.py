"""Matters: subjects the council follows across meetings."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import (
    DANISH,
    CommitmentRef,
    ContractRef,
    ItemRef,
    Slug,
    Text,
    TopicRef,
    danish_schema,
    from_danish,
)


class MatterStatus(StrEnum):
    """Where a matter stands in the latest source."""

    open = "open"
    recurring = "recurring"
    concluded = "concluded"


DANISH[MatterStatus] = {
    "åben": "open",
    "tilbagevendende": "recurring",
    "afsluttet": "concluded",
}
MatterStatusName = Annotated[MatterStatus, from_danish(MatterStatus), danish_schema(MatterStatus)]
"""A MatterStatus value, or its Danish name."""


class Matter(Record):
    """A subject followed across meetings, with its items in time order."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Et forløb, der følges på tværs af møder, med dets punkter i tidsorden."
        }
    )

    id: Slug = Field(title="id", description="Fast id, fx sdeo-resultatkontrakt")
    title: Text = Field(title="titel", description="Emnet på dansk, fx Resultatkontrakten med SDEO")
    status: MatterStatusName = Field(
        title="status", description="Hvor forløbet står i den seneste kilde, fx open"
    )
    summary: Markdown | None = Field(
        None, title="resumé", description="Forløbet i nogle få danske sætninger"
    )
    items: list[ItemRef] = Field(
        min_length=1, title="punkter", description="Punkterne, i tidsorden"
    )
    topics: list[TopicRef] = Field(
        default_factory=list, title="emner", description="Forløbets emner, fx [klima-og-miljoe]"
    )
    contracts: list[ContractRef] = Field(
        default_factory=list,
        title="aftaler",
        description="Aftaler, forløbet handler om, fx [dk2020-partnerskab]",
    )
    commitments: list[CommitmentRef] = Field(
        default_factory=list,
        title="målsætninger",
        description="Målsætninger i arbejdsgrundlaget, forløbet fremmer, fx [2022-2026/klima-1]",
    )
