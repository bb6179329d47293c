"""The council itself: its election terms, presidency and secretariat."""

from __future__ import annotations

from pydantic import Field

from schema.base import Period, Record, Strict
from schema.markdown import Markdown
from schema.types import OrganizationRef, PersonRef, Slug, Text


class Term(Strict):
    """One election term (valgperiode) of the council."""

    id: Slug = Field(description="e.g. 2022-2026")
    name: Text = Field(description="As the sources say it, e.g. valgperioden 2022-2026")
    period: Period
    chair: PersonRef | None = None
    vice_chair: PersonRef | None = None
    member_count: int | None = Field(
        None, ge=1, description="Members, where a source says, e.g. 43"
    )
    note: Markdown | None = None


class Body(Record):
    """The council (KKR) whose meetings the archive holds."""

    id: Slug
    name: Text
    organization: OrganizationRef = Field(description="The council's organization record")
    secretariat: OrganizationRef | None = None
    municipalities: list[OrganizationRef] = Field(
        default_factory=list, description="The member municipalities"
    )
    terms: list[Term] = Field(default_factory=list)
    description: Markdown | None = None
