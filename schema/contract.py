"""Contracts and agreements the council is party to or follows."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schema.base import Period, Record, Strict
from schema.markdown import Markdown
from schema.types import Amount, ContractRef, ItemRef, OrganizationRef, PartialDate, Slug, Text


class ContractKind(StrEnum):
    """What kind of agreement a contract is."""

    performance_contract = "performance-contract"
    framework_agreement = "framework-agreement"
    partnership = "partnership"
    cooperation_agreement = "cooperation-agreement"
    health_agreement = "health-agreement"


class Cadence(StrEnum):
    """How often the agreement is renewed."""

    once = "once"
    yearly = "yearly"
    biennial = "biennial"
    per_term = "per-term"


class ContractStatus(StrEnum):
    """Where the agreement stood in the latest source."""

    planned = "planned"
    active = "active"
    extended = "extended"
    expired = "expired"


class Extension(Strict):
    """An extension of the agreement's period."""

    until: PartialDate = Field(description="The new end, e.g. 2024")
    decided_by: ItemRef | None = Field(
        None, description="The item that decided it, e.g. 2023-11-21/2.4"
    )
    note: Markdown | None = Field(
        None, description="Anything else the sources say about the extension"
    )


class Payment(Strict):
    """An amount in DKK stated for the agreement."""

    amount: Amount = Field(description="Whole kroner, e.g. 4753564")
    year: PartialDate | None = Field(None, description="The year the amount is for, e.g. 2020")
    payer: OrganizationRef | None = Field(
        None,
        description="Who pays, e.g. region-syddanmark; leave out for the municipalities together",
    )
    description: Text = Field(
        description="What the amount is, as the source says, e.g. Fastsat medlemskontingent"
    )


class Contract(Record):
    """An agreement, with its parties, period and the items that dealt with it."""

    id: Slug = Field(description="Stable id, e.g. sdeo-resultatkontrakt-2022-2023")
    title: Text = Field(
        description="The agreement's name in Danish, e.g. Resultatkontrakt med SDEO 2022-2023"
    )
    kind: ContractKind = Field(
        description="What kind of agreement it is, e.g. performance-contract"
    )
    parties: list[OrganizationRef] = Field(
        min_length=1,
        description="The parties, e.g. [kkr-syddanmark, region-syddanmark, syddansk-eu-kontor]",
    )
    period: Period = Field(description="When it runs, e.g. {start: '2022', end: '2023'}")
    cadence: Cadence = Field(description="How often it is renewed, e.g. yearly")
    status: ContractStatus = Field(description="Where it stood in the latest source, e.g. extended")
    extensions: list[Extension] = Field(
        default_factory=list, description="Extensions of the period, oldest first"
    )
    payments: list[Payment] = Field(
        default_factory=list, description="Amounts in DKK the sources state for it"
    )
    predecessor: ContractRef | None = Field(
        None, description="The agreement this one follows, e.g. sdeo-resultatkontrakt-2020-2021"
    )
    items: list[ItemRef] = Field(default_factory=list, description="Items that dealt with it")
    summary: Markdown | None = Field(
        None, description="What the agreement covers, in a few Danish sentences"
    )
