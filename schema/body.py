"""The council itself: its election terms, presidency and secretariat."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from schema.base import Period, Record, Strict
from schema.markdown import Markdown
from schema.types import OrganizationRef, PersonRef, Slug, Text


class Term(Strict):
    """One election term (valgperiode) of the council."""

    model_config = ConfigDict(json_schema_extra={"description": "En valgperiode for rådet."})

    id: Slug = Field(title="id", description="fx 2022-2026")
    name: Text = Field(
        title="navn", description="Som kilderne skriver det, fx valgperioden 2022-2026"
    )
    period: Period = Field(
        title="periode", description="Hvornår valgperioden løber, fx {start: '2022', end: '2026'}"
    )
    chair: PersonRef | None = Field(
        None, title="formand", description="Formanden i valgperioden, fx johannes-lundsryd-jensen"
    )
    vice_chair: PersonRef | None = Field(
        None, title="næstformand", description="Næstformanden, fx soeren-steen-andersen"
    )
    member_count: int | None = Field(
        None,
        ge=1,
        title="antal medlemmer",
        description="Antal medlemmer, hvor en kilde oplyser det, fx 43",
    )
    note: Markdown | None = Field(
        None, title="note", description="Andet, kilderne siger om valgperioden"
    )


class Body(Record):
    """The council (KKR) whose meetings the archive holds."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Rådet (KKR), hvis møder arkivet rummer."}
    )

    id: Slug = Field(title="id", description="Rådets id, fx kkr-syddanmark")
    name: Text = Field(title="navn", description="Rådets navn, fx KKR Syddanmark")
    organization: OrganizationRef = Field(
        title="organisation", description="Rådets organisationspost"
    )
    secretariat: OrganizationRef | None = Field(
        None,
        title="sekretariat",
        description="Organisationen, der betjener rådet, fx kkr-sekretariat-syddanmark",
    )
    municipalities: list[OrganizationRef] = Field(
        default_factory=list, title="kommuner", description="Medlemskommunerne"
    )
    terms: list[Term] = Field(
        default_factory=list,
        title="valgperioder",
        description="De valgperioder, kilderne nævner, ældste først",
    )
    description: Markdown | None = Field(
        None, title="beskrivelse", description="Hvad rådet er og gør, på dansk i Markdown"
    )
