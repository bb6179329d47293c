"""The political work plan (politisk arbejdsgrundlag) for an election term."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from schema.base import Record, Strict
from schema.markdown import Markdown
from schema.types import CaseNumber, IsoDate, Slug, TermRef, Text, TopicRef


class Commitment(Strict):
    """One "Vi vil i KKR Syddanmark" commitment."""

    model_config = ConfigDict(
        json_schema_extra={"description": 'En målsætning: "Vi vil i KKR Syddanmark".'}
    )

    id: Slug = Field(title="id", description="Fast id, entydigt i arbejdsgrundlaget, fx sundhed-1")
    text: Markdown = Field(title="tekst", description="Målsætningen, som den står, i Markdown")
    note: Markdown | None = Field(
        None,
        title="note",
        description="Vurderinger af, hvilke punkter der fremmer den, fx hvorfor et punkt ikke er "
        "koblet på",
    )


class Task(Strict):
    """A concrete task for the term."""

    model_config = ConfigDict(
        json_schema_extra={"description": "En konkret opgave for valgperioden."}
    )

    id: Slug = Field(
        title="id", description="Fast id, entydigt i arbejdsgrundlaget, fx sundhed-opgave-1"
    )
    text: Markdown = Field(title="tekst", description="Opgaven, som den står, i Markdown")


class Area(Strict):
    """One of the work plan's areas, e.g. Sundhed."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Et af arbejdsgrundlagets områder, fx Sundhed."}
    )

    id: Slug = Field(title="id", description="Fast id, fx sundhed")
    title: Text = Field(
        title="titel",
        description="Områdets overskrift, som den står, fx Det specialiserede socialområde",
    )
    text: Markdown = Field(
        title="tekst", description="Områdets tekst med underafsnit som overskrifter"
    )
    commitments: list[Commitment] = Field(
        default_factory=list,
        title="målsætninger",
        description='Områdets "Vi vil i KKR Syddanmark"-målsætninger, i rækkefølge',
    )
    tasks: list[Task] = Field(
        default_factory=list,
        title="opgaver",
        description="Områdets konkrete opgaver for valgperioden, i rækkefølge",
    )
    topics: list[TopicRef] = Field(
        default_factory=list, title="emner", description="Emner, området hører til, fx [sundhed]"
    )


class WorkPlan(Record):
    """The council's political work plan for one election term."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Rådets politiske arbejdsgrundlag for en valgperiode."}
    )

    id: Slug = Field(title="id", description="Valgperioden, fx 2022-2026")
    title: Text = Field(
        title="titel",
        description="Titlen, som den står, fx KKR Syddanmarks politiske arbejdsgrundlag",
    )
    case: CaseNumber = Field(title="sagsnummer", description="Sagsnummeret, fx SAG-2022-00199")
    date: IsoDate = Field(title="dato", description="Datoen, fx 2022-03-30")
    term: TermRef = Field(title="valgperiode", description="Valgperioden, det dækker, fx 2022-2026")
    introduction: Markdown = Field(title="indledning", description="Indledningen, i Markdown")
    areas: list[Area] = Field(
        min_length=1,
        title="områder",
        description="Områderne i den trykte rækkefølge, fx Sundhed først",
    )
