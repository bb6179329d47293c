"""Organizations: municipalities, the region, bodies, fora and authorities."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import (
    DANISH,
    OrganizationRef,
    Slug,
    Text,
    TopicRef,
    Url,
    danish_schema,
    from_danish,
)


class OrganizationKind(StrEnum):
    """What kind of body an organization is."""

    council = "council"
    municipality = "municipality"
    region = "region"
    business_hub = "business-hub"
    eu_office = "eu-office"
    secretariat = "secretariat"
    director_forum = "director-forum"
    regional_council = "regional-council"
    committee = "committee"
    board = "board"
    educational_institution = "educational-institution"
    transport_company = "transport-company"
    ministry = "ministry"
    national_body = "national-body"
    association = "association"
    cluster = "cluster"
    company = "company"
    other = "other"


DANISH[OrganizationKind] = {
    "råd": "council",
    "kommune": "municipality",
    "erhvervshus": "business-hub",
    "eu-kontor": "eu-office",
    "sekretariat": "secretariat",
    "direktørforum": "director-forum",
    "regionalt-råd": "regional-council",
    "udvalg": "committee",
    "bestyrelse": "board",
    "uddannelsesinstitution": "educational-institution",
    "trafikselskab": "transport-company",
    "ministerium": "ministry",
    "landsdækkende-organ": "national-body",
    "forening": "association",
    "klynge": "cluster",
    "virksomhed": "company",
    "andet": "other",
}
OrganizationKindName = Annotated[
    OrganizationKind, from_danish(OrganizationKind), danish_schema(OrganizationKind)
]
"""An OrganizationKind value, or its Danish name."""


class Organization(Record):
    """A body named in the sources."""

    model_config = ConfigDict(
        json_schema_extra={"description": "En organisation, som kilderne nævner."}
    )

    id: Slug = Field(title="id", description="Fast id, fx region-syddanmark")
    name: Text = Field(
        title="navn", description="Det fulde navn, som det står, fx Syddansk EU-kontor"
    )
    kind: OrganizationKindName = Field(
        title="slags", description="Hvilken slags organisation det er, fx municipality"
    )
    abbreviations: list[Text] = Field(
        default_factory=list, title="forkortelser", description="Forkortelser, fx SDEO, RAR, K22"
    )
    aliases: list[Text] = Field(
        default_factory=list,
        title="andre navne",
        description="Andre navne, kilderne bruger for den samme organisation",
    )
    parent: OrganizationRef | None = Field(
        None, title="overordnet organisation", description="Den organisation, denne hører under"
    )
    website: Url | None = Field(
        None,
        title="hjemmeside",
        description="Organisationens webadresse, hvor en kilde oplyser den",
    )
    description: Markdown | None = Field(
        None,
        title="beskrivelse",
        description="Hvad kilderne siger, organisationen er eller gør, på dansk i Markdown",
    )
    topics: list[TopicRef] = Field(
        default_factory=list,
        title="emner",
        description="Emner, organisationen arbejder med, fx [sundhed]",
    )
