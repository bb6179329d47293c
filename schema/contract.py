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


class ContractStatus(StrEnum):
    """Where the agreement stood in the latest source."""

    planned = "planned"
    active = "active"
    extended = "extended"
    expired = "expired"


class Extension(Strict):
    """An extension of the agreement's period."""

    until: PartialDate
    decided_by: ItemRef | None = None
    note: Markdown | None = None


class Payment(Strict):
    """An amount in DKK stated for the agreement."""

    amount: Amount = Field(description="Whole kroner, e.g. 4753564")
    year: PartialDate | None = None
    payer: OrganizationRef | None = None
    description: Text


class Contract(Record):
    """An agreement, with its parties, period and the items that dealt with it."""

    id: Slug
    title: Text
    kind: ContractKind
    parties: list[OrganizationRef] = Field(min_length=1)
    period: Period
    cadence: Cadence
    status: ContractStatus
    extensions: list[Extension] = Field(default_factory=list)
    payments: list[Payment] = Field(default_factory=list)
    predecessor: ContractRef | None = None
    items: list[ItemRef] = Field(default_factory=list, description="Items that dealt with it")
    summary: Markdown | None = None
