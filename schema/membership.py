"""Memberships and appointments: who sits where, in which role, and from when."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schema.base import Period, Record
from schema.markdown import Markdown
from schema.types import ItemRef, MembershipRef, OrganizationRef, PersonRef, Slug, Text


class Role(StrEnum):
    """The capacity in which a person sits in a body."""

    chair = "chair"
    vice_chair = "vice-chair"
    member = "member"
    board_member = "board-member"
    representative = "representative"
    staff = "staff"


class Membership(Record):
    """A person's seat in an organization, with its source and what it replaced."""

    id: Slug = Field(
        description="Stable id from body, person and year, e.g. fgu-danmark-flemming-neperus"
    )
    person: PersonRef = Field(description="Who holds the seat, e.g. flemming-neperus")
    organization: OrganizationRef = Field(description="The body the seat is in, e.g. fgu-danmark")
    role: Role = Field(description="The capacity of the seat, e.g. representative")
    appointed_by: OrganizationRef | None = Field(
        None, description="The body that appointed the person, e.g. kkr-syddanmark"
    )
    title: Text | None = Field(None, description="Title in the body as printed")
    period: Period = Field(
        default_factory=Period, description="When the seat was held, as far as the sources say"
    )
    decided_by: ItemRef | None = Field(None, description="The item that decided or reported it")
    replaces: MembershipRef | None = Field(None, description="The membership this one succeeded")
    note: Markdown | None = Field(
        None, description="Anything else the sources say about the appointment"
    )
