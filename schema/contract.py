"""Contracts and agreements the council is party to or follows."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from schema.base import Period, Record, Strict
from schema.markdown import Markdown
from schema.types import (
    DANISH,
    Amount,
    ContractRef,
    ItemRef,
    OrganizationRef,
    PartialDate,
    Slug,
    Text,
    danish_schema,
    from_danish,
)


class ContractKind(StrEnum):
    """What kind of agreement a contract is."""

    performance_contract = "performance-contract"
    framework_agreement = "framework-agreement"
    partnership = "partnership"
    cooperation_agreement = "cooperation-agreement"
    health_agreement = "health-agreement"


DANISH[ContractKind] = {
    "resultatkontrakt": "performance-contract",
    "rammeaftale": "framework-agreement",
    "partnerskab": "partnership",
    "samarbejdsaftale": "cooperation-agreement",
    "sundhedsaftale": "health-agreement",
}
ContractKindName = Annotated[ContractKind, from_danish(ContractKind), danish_schema(ContractKind)]
"""A ContractKind value, or its Danish name."""


class Cadence(StrEnum):
    """How often the agreement is renewed."""

    once = "once"
    yearly = "yearly"
    biennial = "biennial"
    per_term = "per-term"


DANISH[Cadence] = {
    "engangsaftale": "once",
    "årlig": "yearly",
    "hvert-andet-år": "biennial",
    "hver-valgperiode": "per-term",
}
CadenceName = Annotated[Cadence, from_danish(Cadence), danish_schema(Cadence)]
"""A Cadence value, or its Danish name."""


class ContractStatus(StrEnum):
    """Where the agreement stood in the latest source."""

    planned = "planned"
    active = "active"
    extended = "extended"
    expired = "expired"


DANISH[ContractStatus] = {
    "planlagt": "planned",
    "gældende": "active",
    "forlænget": "extended",
    "udløbet": "expired",
}
ContractStatusName = Annotated[
    ContractStatus, from_danish(ContractStatus), danish_schema(ContractStatus)
]
"""A ContractStatus value, or its Danish name."""


class Extension(Strict):
    """An extension of the agreement's period."""

    model_config = ConfigDict(
        json_schema_extra={"description": "En forlængelse af aftalens periode."}
    )

    until: PartialDate = Field(title="indtil", description="Den nye slutning, fx 2024")
    decided_by: ItemRef | None = Field(
        None, title="besluttet i", description="Punktet, der besluttede den, fx 2023-11-21/2.4"
    )
    note: Markdown | None = Field(
        None, title="note", description="Andet, kilderne siger om forlængelsen"
    )


class Payment(Strict):
    """An amount in DKK stated for the agreement."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Et beløb i kroner, der er oplyst for aftalen."}
    )

    amount: Amount = Field(title="beløb", description="Hele kroner, fx 4753564")
    year: PartialDate | None = Field(None, title="år", description="Året, beløbet gælder, fx 2020")
    payer: OrganizationRef | None = Field(
        None,
        title="betaler",
        description="Hvem der betaler, fx region-syddanmark; udelad for kommunerne i fællesskab",
    )
    description: Text = Field(
        title="beskrivelse",
        description="Hvad beløbet er, som kilden siger, fx Fastsat medlemskontingent",
    )


class Contract(Record):
    """An agreement, with its parties, period and the items that dealt with it."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "En aftale, med parter, periode og de punkter, der behandlede den."
        }
    )

    id: Slug = Field(title="id", description="Fast id, fx sdeo-resultatkontrakt-2022-2023")
    title: Text = Field(
        title="titel", description="Aftalens navn på dansk, fx Resultatkontrakt med SDEO 2022-2023"
    )
    kind: ContractKindName = Field(
        title="slags", description="Hvilken slags aftale det er, fx performance-contract"
    )
    parties: list[OrganizationRef] = Field(
        min_length=1,
        title="parter",
        description="Parterne, fx [kkr-syddanmark, region-syddanmark, syddansk-eu-kontor]",
    )
    period: Period = Field(
        title="periode", description="Hvornår den løber, fx {start: '2022', end: '2023'}"
    )
    cadence: CadenceName = Field(title="hyppighed", description="Hvor ofte den fornyes, fx yearly")
    status: ContractStatusName = Field(
        title="status", description="Hvor den stod i den seneste kilde, fx extended"
    )
    extensions: list[Extension] = Field(
        default_factory=list,
        title="forlængelser",
        description="Forlængelser af perioden, ældste først",
    )
    payments: list[Payment] = Field(
        default_factory=list,
        title="betalinger",
        description="Beløb i kroner, kilderne oplyser for den",
    )
    predecessor: ContractRef | None = Field(
        None,
        title="forgænger",
        description="Aftalen, denne følger efter, fx sdeo-resultatkontrakt-2020-2021",
    )
    items: list[ItemRef] = Field(
        default_factory=list, title="punkter", description="Punkter, der behandlede den"
    )
    summary: Markdown | None = Field(
        None, title="resumé", description="Hvad aftalen dækker, i nogle få danske sætninger"
    )
