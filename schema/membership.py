"""Memberships and appointments: who sits where, in which role, and from when."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from schema.base import Period, Record
from schema.markdown import Markdown
from schema.types import (
    DANISH,
    ItemRef,
    MembershipRef,
    OrganizationRef,
    PersonRef,
    Slug,
    Text,
    danish_schema,
    from_danish,
)


class Role(StrEnum):
    """The capacity in which a person sits in a body."""

    chair = "chair"
    vice_chair = "vice-chair"
    member = "member"
    board_member = "board-member"
    representative = "representative"
    staff = "staff"
    substitute = "substitute"


# Staff may write a role in Danish; the record keeps what they wrote, the model the value.
DANISH[Role] = {
    "formand": "chair",
    "næstformand": "vice-chair",
    "medlem": "member",
    "bestyrelsesmedlem": "board-member",
    "repræsentant": "representative",
    "medarbejder": "staff",
    "suppleant": "substitute",
}

RoleName = Annotated[Role, from_danish(Role), danish_schema(Role)]
"""A role, in English as stored (chair) or in Danish as staff say it (formand)."""


class Membership(Record):
    """A person's seat in an organization, once, with the items that decided or mention it."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "En persons plads i en organisation, med de punkter, der besluttede "
            "eller nævner den."
        }
    )

    id: Slug = Field(
        title="id",
        description="Fast id ud fra organisation og person, ét pr. plads, fx "
        "fgu-danmark-lone-myrhoej",
    )
    person: PersonRef = Field(
        title="person", description="Hvem der har pladsen, fx flemming-neperus"
    )
    organization: OrganizationRef = Field(
        title="organisation", description="Organisationen, pladsen er i, fx fgu-danmark"
    )
    role: RoleName = Field(
        title="rolle",
        description="Pladsens rolle, fx representative; eller på dansk, fx repræsentant",
    )
    appointed_by: OrganizationRef | None = Field(
        None,
        title="udpeget af",
        description="Organisationen, der udpegede personen, fx kkr-syddanmark",
    )
    title: Text | None = Field(
        None, title="titel", description="Titlen i organisationen, som den står"
    )
    period: Period = Field(
        default_factory=Period,
        title="periode",
        description="Hvornår pladsen var besat, så vidt kilderne siger",
    )
    decided_by: ItemRef | None = Field(
        None,
        title="besluttet i",
        description="Punktet, der besluttede pladsen eller meddelte ændringen, fx "
        "2023-11-21/4.1; ikke et punkt, der kun nævner pladsen",
    )
    mentioned_in: list[ItemRef] = Field(
        default_factory=list,
        title="nævnt i",
        description="Punkter, der kun nævner pladsen, som belæg, ældste først, fx "
        "[2020-11-11/3.1, 2021-06-09/2.1]",
    )
    replaces: MembershipRef | None = Field(
        None, title="afløser", description="Medlemskabet, dette afløste"
    )
    note: Markdown | None = Field(
        None, title="note", description="Andet, kilderne siger om udpegningen"
    )
