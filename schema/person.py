"""People: politicians, secretariat staff and external speakers."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import Email, Initials, OrganizationRef, Party, Phone, Slug, Text


class PersonKind(StrEnum):
    """The capacity in which a person appears in the sources."""

    politician = "politician"
    staff = "staff"
    external = "external"


class Person(Record):
    """A person named in the sources."""

    id: Slug = Field(
        description="Id from the name, e.g. bo-hansen, or the initials of staff known only by them"
    )
    name: Text | None = Field(
        None,
        description="Full name as printed, e.g. Johannes Lundsryd Jensen; "
        "only staff known solely by their initials may leave it out",
    )
    kind: PersonKind = Field(description="The capacity the person appears in, e.g. politician")
    family_name: Text | None = Field(
        None,
        description="Only where the last word of name is not the family name: the end of name "
        "that is, e.g. Lundsryd Jensen; the exports split names by the rule in docs/oparl.md",
    )
    aliases: list[Text] = Field(
        default_factory=list, description="Other spellings the sources use for the same person"
    )
    party: Party | None = Field(None, description="Party letter, politicians only, e.g. A")
    party_name: Text | None = Field(
        None, description="The party as printed where the sources give no letter, e.g. SF"
    )
    municipality: OrganizationRef | None = Field(
        None, description="The municipality a politician sits for, e.g. middelfart-kommune"
    )
    title: Text | None = Field(None, description="Title as printed, e.g. borgmester")
    organization: OrganizationRef | None = Field(
        None, description="Employer of staff and external speakers, e.g. kl"
    )
    role: Text | None = Field(None, description="Role of an external speaker, e.g. rektor")
    initials: Initials | None = Field(
        None, description="Case-handler initials of secretariat staff, e.g. bel"
    )
    phone: Phone | None = Field(
        None, description="Telephone number as printed, quoted, e.g. '5376 3683'"
    )
    email: Email | None = Field(None, description="E-mail address as printed, e.g. bel@kl.dk")
    note: Markdown | None = Field(
        None, description="Anything else the sources say about the person"
    )
