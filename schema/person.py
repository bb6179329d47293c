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

    id: Slug
    name: Text | None = Field(
        None,
        description="Full name as printed, e.g. Johannes Lundsryd Jensen; "
        "only staff known solely by their initials may leave it out",
    )
    kind: PersonKind
    aliases: list[Text] = Field(
        default_factory=list, description="Other spellings the sources use for the same person"
    )
    party: Party | None = Field(None, description="Party letter, politicians only, e.g. A")
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
    phone: Phone | None = None
    email: Email | None = None
    note: Markdown | None = None
