"""Memberships and appointments: who sits where, in which role, and from when."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

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


def _role(value: object) -> object:
    return DANISH[Role].get(value, value) if isinstance(value, str) else value


RoleName = Annotated[
    Role,
    BeforeValidator(_role),
    WithJsonSchema({"type": "string", "enum": [*Role, *DANISH[Role]]}),
]
"""A role, in English as stored (chair) or in Danish as staff say it (formand)."""


class Membership(Record):
    """A person's seat in an organization, once, with the items that decided or mention it."""

    id: Slug = Field(
        description="Stable id from body and person, one per seat, e.g. fgu-danmark-lone-myrhoej"
    )
    person: PersonRef = Field(description="Who holds the seat, e.g. flemming-neperus")
    organization: OrganizationRef = Field(description="The body the seat is in, e.g. fgu-danmark")
    role: RoleName = Field(description="The capacity of the seat, e.g. representative")
    appointed_by: OrganizationRef | None = Field(
        None, description="The body that appointed the person, e.g. kkr-syddanmark"
    )
    title: Text | None = Field(None, description="Title in the body as printed")
    period: Period = Field(
        default_factory=Period, description="When the seat was held, as far as the sources say"
    )
    decided_by: ItemRef | None = Field(
        None,
        description="The item that decided the seat or reported the change, e.g. 2023-11-21/4.1; "
        "not an item that only mentions the seat",
    )
    mentioned_in: list[ItemRef] = Field(
        default_factory=list,
        description="Items that only mention the seat, as evidence, oldest first, "
        "e.g. [2020-11-11/3.1, 2021-06-09/2.1]",
    )
    replaces: MembershipRef | None = Field(None, description="The membership this one succeeded")
    note: Markdown | None = Field(
        None, description="Anything else the sources say about the appointment"
    )
