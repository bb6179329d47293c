"""People: politicians, secretariat staff and external speakers."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import (
    DANISH,
    Email,
    Initials,
    OrganizationRef,
    Party,
    Phone,
    Slug,
    Text,
    danish_schema,
    from_danish,
)


class PersonKind(StrEnum):
    """The capacity in which a person appears in the sources."""

    politician = "politician"
    staff = "staff"
    external = "external"


DANISH[PersonKind] = {
    "politiker": "politician",
    "medarbejder": "staff",
    "ekstern": "external",
}
PersonKindName = Annotated[PersonKind, from_danish(PersonKind), danish_schema(PersonKind)]
"""A PersonKind value, or its Danish name."""


class Person(Record):
    """A person named in the sources."""

    model_config = ConfigDict(json_schema_extra={"description": "En person, som kilderne nævner."})

    id: Slug = Field(
        title="id",
        description="Id ud fra navnet, fx bo-hansen, eller initialerne for medarbejdere, der kun "
        "kendes på dem",
    )
    name: Text | None = Field(
        None,
        title="navn",
        description="Det fulde navn, som det står, fx Johannes Lundsryd Jensen; kun "
        "medarbejdere, der kun kendes på deres initialer, må udelade det",
    )
    kind: PersonKindName = Field(
        title="slags", description="I hvilken egenskab personen optræder, fx politician"
    )
    family_name: Text | None = Field(
        None,
        title="efternavn",
        description="Kun hvor navnets sidste ord ikke er hele efternavnet: den ende af navnet, "
        "der er efternavnet, fx Lundsryd Jensen; eksporterne deler navne efter reglen i "
        "docs/oparl.md",
    )
    aliases: list[Text] = Field(
        default_factory=list,
        title="andre navne",
        description="Andre stavemåder, kilderne bruger for den samme person",
    )
    party: Party | None = Field(
        None, title="parti", description="Partibogstav, kun for politikere, fx A"
    )
    party_name: Text | None = Field(
        None,
        title="partinavn",
        description="Partiet, som det står, hvor kilderne ikke giver et bogstav, fx SF",
    )
    municipality: OrganizationRef | None = Field(
        None,
        title="kommune",
        description="Kommunen, en politiker sidder for, fx middelfart-kommune",
    )
    title: Text | None = Field(
        None, title="titel", description="Titel, som den står, fx borgmester"
    )
    organization: OrganizationRef | None = Field(
        None,
        title="organisation",
        description="Arbejdsgiver for medarbejdere og eksterne oplægsholdere, fx kl",
    )
    role: Text | None = Field(
        None, title="rolle", description="En ekstern oplægsholders rolle, fx rektor"
    )
    initials: Initials | None = Field(
        None,
        title="initialer",
        description="Sekretariatsmedarbejderes sagsbehandlerinitialer, fx bel",
    )
    phone: Phone | None = Field(
        None,
        title="telefon",
        description="Telefonnummer, som det står, i anførselstegn, fx '5376 3683'",
    )
    email: Email | None = Field(
        None, title="e-mail", description="E-mailadresse, som den står, fx bel@kl.dk"
    )
    note: Markdown | None = Field(
        None, title="note", description="Andet, kilderne siger om personen"
    )
