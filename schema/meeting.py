"""Meetings and their agenda items."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from schema.base import Record, Strict
from schema.markdown import Markdown
from schema.types import (
    DANISH,
    BodyRef,
    CaseNumber,
    CommitmentRef,
    ContractRef,
    HandlerRef,
    IsoDate,
    ItemNumber,
    ItemRef,
    MatterRef,
    MeetingId,
    MeetingRef,
    OrganizationRef,
    PersonRef,
    SectionNumber,
    Slug,
    StartTime,
    Text,
    TopicRef,
    danish_schema,
    from_danish,
)

# "place", "items[2.1].beslutning": the fields kkr import sets; a 12-digit hash of each value.
ImportedField = Annotated[str, StringConstraints(pattern=r"^(items\[\d+\.\d+\]\.)?[a-z_]+$")]
ImportHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]


class DocumentKind(StrEnum):
    """Which document of a meeting the record was taken from."""

    agenda = "agenda"
    minutes = "minutes"


DANISH[DocumentKind] = {
    "dagsorden": "agenda",
    "referat": "minutes",
}
DocumentName = Annotated[DocumentKind, from_danish(DocumentKind), danish_schema(DocumentKind)]
"""A DocumentKind value, or its Danish name."""


class MeetingStatus(StrEnum):
    """How far a meeting has come."""

    planned = "planned"
    agenda_published = "agenda-published"
    minutes_approved = "minutes-approved"
    held = "held"


DANISH[MeetingStatus] = {
    "planlagt": "planned",
    "dagsorden-udsendt": "agenda-published",
    "referat-godkendt": "minutes-approved",
    "afholdt": "held",
}
MeetingStatusName = Annotated[
    MeetingStatus, from_danish(MeetingStatus), danish_schema(MeetingStatus)
]
"""A MeetingStatus value, or its Danish name."""


class Section(Strict):
    """A numbered section of the agenda, e.g. 3. Regionalpolitiske sager."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Et nummereret afsnit af dagsordenen, fx 3. Regionalpolitiske sager."
        }
    )

    number: SectionNumber = Field(
        title="nummer", description="Afsnittets nummer, i anførselstegn, fx '3'"
    )
    title: Text = Field(
        title="titel", description="Afsnittets titel, som den står, fx Regionalpolitiske sager"
    )
    page: int | None = Field(
        None, ge=1, title="side", description="Side i indholdsfortegnelsen, fx 11"
    )


class Attachment(Strict):
    """An attachment marker (./. or ./..) in the source, with the text it stands beside."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "En bilagsmarkør (./. eller ./..) i kilden, med teksten ved siden af."
        }
    )

    marker: str = Field(
        pattern=r"^\./\.{0,2}$", title="markør", description="Som den står: ./. eller ./.. eller ./"
    )
    section: Text = Field(
        title="afsnit", description="Punktets afsnit, den står i, fx sagsfremstilling"
    )
    text: Text | None = Field(None, title="tekst", description="Afsnittet, markøren står ved")


class Table(Strict):
    """A table given as rows and columns of text, exactly as printed."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "En tabel som rækker og kolonner af tekst, præcis som den står."
        }
    )

    id: Slug = Field(title="id", description="Nævnes fra teksten med en linje [[tabel:ID]]")
    caption: Text | None = Field(
        None, title="overskrift", description="Tabellens overskrift, hvor kilden har en"
    )
    columns: list[str] = Field(
        min_length=1,
        title="kolonner",
        description="Kolonneoverskrifter, som de står; '' hvor en kolonne ingen har",
    )
    rows: list[list[str]] = Field(
        min_length=1,
        title="rækker",
        description="Rækkerne, hver en liste af celler, som de står, fx [Middelfart, '3']",
    )


class Promise(Strict):
    """A point promised for a coming meeting, and what it became where the sources show it."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Et punkt, der er lovet til et kommende møde, og hvad det blev, hvor "
            "kilderne viser det."
        }
    )

    text: Text = Field(title="tekst", description="Punktet, som det står, fx Status på DK2020")
    meeting: MeetingRef | None = Field(
        None, title="møde", description="Mødet, det blev lovet til, fx 2021-02-05"
    )
    matter: MatterRef | None = Field(
        None,
        title="forløb",
        description="Forløbet, det hører til eller blev til, fx dk2020-og-klimasamarbejdet",
    )
    item: ItemRef | None = Field(
        None, title="punkt", description="Punktet, det blev til på det møde, fx 2024-02-05/2.1"
    )


class Item(Strict):
    """A numbered agenda item."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Et nummereret punkt på dagsordenen."}
    )

    number: ItemNumber = Field(
        title="nummer", description="Afsnits- og punktnummer, i anførselstegn, fx '3.6'"
    )
    title: Text = Field(title="titel", description="Punktets egen overskrift, som den står")
    toc_title: Text | None = Field(
        None,
        title="titel i indholdsfortegnelsen",
        description="Titlen i indholdsfortegnelsen, hvor den er en anden",
    )
    page: int | None = Field(
        None, ge=1, title="side", description="Side i indholdsfortegnelsen, fx 11"
    )
    case: CaseNumber | None = Field(
        None, title="sagsnummer", description="Sagsnummeret under overskriften, fx SAG-2021-02179"
    )
    handlers: list[HandlerRef] = Field(
        default_factory=list,
        title="sagsbehandlere",
        description="Sagsbehandlernes initialer, fx [rura, bel]",
    )
    baggrund: Markdown | None = Field(
        None, title="baggrund", description="Afsnittet Baggrund, i Markdown"
    )
    indstilling: Markdown | None = Field(
        None, title="indstilling", description="Indstillingen, i Markdown"
    )
    sagsfremstilling: Markdown | None = Field(
        None,
        title="sagsfremstilling",
        description="Sagsfremstillingen med underoverskrifter som ####, i Markdown",
    )
    beslutning: Markdown | None = Field(
        None,
        title="beslutning",
        description="Beslutningen; påkrævet i et referat (må være tom, hvis den står tom)",
    )
    presenters: list[PersonRef] = Field(
        default_factory=list,
        title="fremlæggere",
        description="Personer, der fremlægger punktet, fx [rasmus-anker-moeller]",
    )
    attachments: list[Attachment] = Field(
        default_factory=list,
        title="bilag",
        description="Bilagsmarkørerne (./.) i punktet, i rækkefølge",
    )
    tables: list[Table] = Field(
        default_factory=list,
        title="tabeller",
        description="Tabeller i punktet, hver placeret i teksten med en linje [[tabel:ID]]",
    )
    topics: list[TopicRef] = Field(
        default_factory=list, title="emner", description="Emner, punktet handler om, fx [sundhed]"
    )
    organizations: list[OrganizationRef] = Field(
        default_factory=list,
        title="organisationer",
        description="Organisationer, punktet handler om, fx [syddansk-eu-kontor]",
    )
    people: list[PersonRef] = Field(
        default_factory=list,
        title="personer",
        description="Personer, punktet handler om, ud over fremlæggerne, fx [lone-myrhoej]",
    )
    contracts: list[ContractRef] = Field(
        default_factory=list,
        title="aftaler",
        description="Aftaler, punktet behandler, fx [sdeo-resultatkontrakt-2022-2023]",
    )
    commitments: list[CommitmentRef] = Field(
        default_factory=list,
        title="målsætninger",
        description="Målsætninger i arbejdsgrundlaget, punktet fremmer, fx 2022-2026/erhverv-1",
    )
    promised: list[Promise] = Field(
        default_factory=list,
        title="lovede punkter",
        description="Punkter, der er lovet til næste møde, fx under Punkter til næste møde",
    )


class Meeting(Record):
    """A meeting of the council, from its agenda or its minutes."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Et møde i rådet, fra dets dagsorden eller referat."}
    )

    id: MeetingId = Field(title="id", description="Mødets dato, fx 2023-11-21; også filnavnet")
    body: BodyRef = Field(title="råd", description="Rådet, fx kkr-syddanmark")
    date: IsoDate = Field(
        title="dato", description="Mødets dato, fx 2023-11-21; skal være lig id'et"
    )
    start_time: StartTime | None = Field(
        None, title="starttidspunkt", description="I anførselstegn, fx '10:00'"
    )
    place: Text | None = Field(
        None, title="sted", description="Hvor mødet holdes, som det står, fx Virtuelt via Teams"
    )
    document: DocumentName | None = Field(
        None, title="dokument", description="Dokumentet, posten er taget fra, hvis nogen"
    )
    status: MeetingStatusName = Field(title="status", description="Hvor langt mødet er, fx held")
    case: CaseNumber | None = Field(None, title="sagsnummer", description="Mødets sagsnummer")
    present: list[PersonRef] = Field(
        default_factory=list, title="til stede", description="Deltagere"
    )
    absent: list[PersonRef] = Field(default_factory=list, title="afbud", description="Afbud")
    previous: MeetingRef | None = Field(
        None, title="forrige møde", description="Mødet før dette, fx 2023-09-04"
    )
    next: MeetingRef | None = Field(
        None, title="næste møde", description="Mødet efter dette, fx 2024-02-05"
    )
    sections: list[Section] = Field(
        default_factory=list,
        title="afsnit",
        description="Dagsordenens nummererede afsnit, i rækkefølge",
    )
    items: list[Item] = Field(
        default_factory=list,
        title="punkter",
        description="Dagsordenens punkter, i dagsordenens rækkefølge",
    )
    imported: dict[ImportedField, ImportHash] = Field(
        default_factory=dict,
        title="importeret",
        description="Hvad kkr import sidst skrev: en kontrolsum pr. felt, den satte, så en "
        "senere import bevarer rettelser i hånden; skrives af kkr import, aldrig i "
        "hånden",
    )
