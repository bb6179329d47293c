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
    period: Period = Field(description="When the term runs, e.g. {start: '2022', end: '2026'}")
    chair: PersonRef | None = Field(
        None, description="The chair (formand) for the term, e.g. johannes-lundsryd-jensen"
    )
    vice_chair: PersonRef | None = Field(
        None, description="The vice-chair (næstformand), e.g. soeren-steen-andersen"
    )
    member_count: int | None = Field(
        None, ge=1, description="Members, where a source says, e.g. 43"
    )
    note: Markdown | None = Field(None, description="Anything else the sources say about the term")


class Body(Record):
    """The council (KKR) whose meetings the archive holds."""

    id: Slug = Field(description="The council's id, e.g. kkr-syddanmark")
    name: Text = Field(description="The council's name, e.g. KKR Syddanmark")
    organization: OrganizationRef = Field(description="The council's organization record")
    secretariat: OrganizationRef | None = Field(
        None,
        description="The organization that serves the council, e.g. kkr-sekretariat-syddanmark",
    )
    municipalities: list[OrganizationRef] = Field(
        default_factory=list, description="The member municipalities"
    )
    terms: list[Term] = Field(
        default_factory=list,
        description="The election terms (valgperioder) the sources name, oldest first",
    )
    description: Markdown | None = Field(
        None, description="What the council is and does, in Danish Markdown"
    )
