"""The records as flat tables, one per kind; CSV, the Data Package and SQLite all use these."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kkr.exports.context import ExportContext, item_ref
from kkr.site import party_attendance
from kkr.site.citing import Span
from kkr.site.links import display_title, person_name
from schema.contract import Contract
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person
from schema.workplan import WorkPlan

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column: its name, Frictionless type and Danish description."""

    name: str
    type: str
    description: str


@dataclass
class Table:
    """A table with its key, its foreign keys (column, table, column) and its rows."""

    name: str
    title: str
    columns: list[Column]
    key: list[str]
    foreign: list[tuple[str, str, str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def _c(spec: str, *extra: Column) -> list[Column]:
    # "name:type:description" per line keeps the column lists readable.
    out = []
    for line in spec.strip().splitlines():
        name, kind, description = line.strip().split(":", 2)
        out.append(Column(name, kind, description))
    return [*out, *extra]


def _records(ctx: ExportContext, kind: str) -> list[Any]:
    return [entry.record for entry in ctx.corpus.entries(kind)]


def _plain(value: object) -> object:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or None
    return value


def _row(table: Table, record: object, **extra: object) -> Row:
    """A row of ``record``'s fields named like the columns; ``extra`` gives the others."""
    return {
        c.name: extra[c.name] if c.name in extra else _plain(getattr(record, c.name, None))
        for c in table.columns
    }


SOURCE = Column(
    "source",
    "string",
    "Kilden: adressen på de linjer i kildedokumentet, oplysningen står på, fx "
    "…/arkiv/kilder/kkr-syddanmark-2023-11-21-referat.html#L272-L274; flere adskilt af "
    "semikolon, tom hvor registreringen ikke angiver en kilde",
)


def _sources(ctx: ExportContext, spans: list[Span]) -> str | None:
    return "; ".join(ctx.source_url(span) for span in spans) or None


def meetings(ctx: ExportContext) -> Table:
    """One row per meeting."""
    table = Table(
        "meetings",
        "Møder",
        _c(
            """
            id:string:Mødets id (datoen)
            date:date:Mødedato
            start_time:string:Starttidspunkt som trykt, fx 10:00
            place:string:Mødested som trykt
            document:string:Dokumentet posten bygger på (agenda/minutes)
            status:string:Mødets status (planned, agenda-published, minutes-approved, held)
            case:string:Mødets sagsnummer
            url:string:Mødets side
        """,
            SOURCE,
        ),
        ["id"],
    )
    for m in ctx.meetings():
        table.rows.append(
            _row(
                table,
                m,
                date=m.date.isoformat(),
                url=ctx.page_url("meeting", m.id),
                source=_sources(ctx, ctx.library.meeting_spans(m)),
            )
        )
    return table


def items(ctx: ExportContext) -> Table:
    """One row per agenda item."""
    table = Table(
        "items",
        "Dagsordenspunkter",
        _c(
            """
            id:string:Punktets id, fx 2023-11-21/2.4
            meeting:string:Mødets id
            number:string:Punktnummer
            position:integer:Punktets plads på dagsordenen, fra 0
            title:string:Titel som på siden: indholdsfortegnelsens, hvor overskriften afviger
            case:string:Sagsnummer
            topics:string:Emner, adskilt af semikolon
            decision:string:Beslutning (Markdown), hvor referatet har en
            url:string:Punktets sted på mødesiden
        """,
            SOURCE,
        ),
        ["id"],
        [("meeting", "meetings", "id")],
    )
    for meeting in ctx.meetings():
        for position, item in enumerate(meeting.items):
            table.rows.append(
                _row(
                    table,
                    item,
                    id=item_ref(meeting, item),
                    meeting=meeting.id,
                    position=position,
                    title=display_title(item),
                    decision=item.beslutning,
                    url=ctx.item_url(meeting, item),
                    source=_sources(ctx, ctx.library.item_spans(meeting, item.number)),
                )
            )
    return table


def organizations(ctx: ExportContext) -> Table:
    """One row per organization."""
    table = Table(
        "organizations",
        "Organisationer",
        _c("""
            id:string:Organisationens id
            name:string:Navn som trykt
            kind:string:Slags organisation, fx municipality
            abbreviations:string:Forkortelser, adskilt af semikolon
            parent:string:Overordnet organisation
            website:string:Hjemmeside
            url:string:Organisationens side
        """),
        ["id"],
        [("parent", "organizations", "id")],
    )
    for org in _records(ctx, "organization"):
        assert isinstance(org, Organization)
        table.rows.append(_row(table, org, url=ctx.page_url("organization", org.id)))
    return table


def people(ctx: ExportContext) -> Table:
    """One row per person."""
    table = Table(
        "people",
        "Personer",
        _c("""
            id:string:Personens id
            name:string:Navn (eller initialer)
            kind:string:politician, staff eller external
            party:string:Partibogstav
            party_name:string:Parti som trykt, hvor kilden ikke giver et bogstav
            municipality:string:Kommunen politikeren sidder for
            title:string:Titel som trykt
            organization:string:Arbejdsgiver for medarbejdere og eksterne
            url:string:Personens side
        """),
        ["id"],
        [("municipality", "organizations", "id"), ("organization", "organizations", "id")],
    )
    for who in _records(ctx, "person"):
        assert isinstance(who, Person)
        table.rows.append(
            _row(table, who, name=person_name(who), url=ctx.page_url("person", who.id))
        )
    return table


def memberships(ctx: ExportContext) -> Table:
    """One row per membership or appointment."""
    table = Table(
        "memberships",
        "Medlemskaber og udpegninger",
        _c(
            """
            id:string:Medlemskabets id
            person:string:Personens id
            organization:string:Organisationen, pladsen er i
            role:string:Rolle, fx representative
            title:string:Titel i organisationen som trykt
            appointed_by:string:Organisationen, der udpegede
            start:string:Start (år, år-måned eller dato)
            end:string:Slut (år, år-måned eller dato)
            decided_by:string:Punktet, der besluttede eller meddelte det
            mentioned_in:string:Punkter, der blot nævner det, adskilt af semikolon
        """,
            SOURCE,
        ),
        ["id"],
        [
            ("person", "people", "id"),
            ("organization", "organizations", "id"),
            ("appointed_by", "organizations", "id"),
            ("decided_by", "items", "id"),
        ],
    )
    for seat in _records(ctx, "membership"):
        assert isinstance(seat, Membership)
        table.rows.append(
            _row(
                table,
                seat,
                start=seat.period.start,
                end=seat.period.end,
                source=_sources(ctx, ctx.library.sources(seat.sources)),
            )
        )
    return table


def contracts(ctx: ExportContext) -> Table:
    """One row per contract or agreement."""
    table = Table(
        "contracts",
        "Aftaler",
        _c(
            """
            id:string:Aftalens id
            title:string:Aftalens navn
            kind:string:Slags aftale, fx performance-contract
            status:string:Status som registreret i seneste kilde (siden viser status i dag)
            cadence:string:Hvor ofte den fornyes
            start:string:Start (år, år-måned eller dato)
            end:string:Slut (år, år-måned eller dato)
            extended_until:string:Seneste forlængelse
            predecessor:string:Aftalen, den afløser
            parties:string:Parter, adskilt af semikolon
            url:string:Aftalens side
        """,
            SOURCE,
        ),
        ["id"],
        [("predecessor", "contracts", "id")],
    )
    for deal in _records(ctx, "contract"):
        assert isinstance(deal, Contract)
        table.rows.append(
            _row(
                table,
                deal,
                start=deal.period.start,
                end=deal.period.end,
                extended_until=deal.extensions[-1].until if deal.extensions else None,
                url=ctx.page_url("contract", deal.id),
                source=_sources(ctx, ctx.library.sources(deal.sources)),
            )
        )
    return table


def commitments(ctx: ExportContext) -> Table:
    """One row per work-plan commitment, with the items that advanced it."""
    table = Table(
        "commitments",
        "Tilsagn i arbejdsgrundlaget",
        _c(
            """
            id:string:Tilsagnets id, fx 2022-2026/erhverv-1
            workplan:string:Arbejdsgrundlagets id
            area:string:Områdets overskrift
            text:string:Tilsagnet som trykt (Markdown)
            items:string:Punkter, der har fremmet det, adskilt af semikolon
        """,
            SOURCE,
        ),
        ["id"],
    )
    for plan in _records(ctx, "workplan"):
        assert isinstance(plan, WorkPlan)
        for area in plan.areas:
            for promise in area.commitments:
                key = f"{plan.id}/{promise.id}"
                infos = ctx.links.by_commitment.get(key, [])
                table.rows.append(
                    _row(
                        table,
                        promise,
                        id=key,
                        workplan=plan.id,
                        area=area.title,
                        items=_plain(sorted({i.ref for i in infos})),
                        source=_sources(ctx, _printed(ctx, plan, promise.text)),
                    )
                )
    return table


def _printed(ctx: ExportContext, plan: WorkPlan, text: str) -> list[Span]:
    """The lines of the plan's document that print a commitment, else the plan's sources."""
    cited = ctx.library.sources(plan.sources)
    found = ctx.library.find(text, cited)
    return [found] if found is not None else cited


def attendance(ctx: ExportContext) -> Table:
    """One row per person listed as present or absent at a meeting."""
    table = Table(
        "attendance",
        "Fremmøde",
        _c(
            """
            meeting:string:Mødets id
            person:string:Personens id
            present:boolean:true når personen deltog, false ved afbud
        """,
            SOURCE,
        ),
        ["meeting", "person"],
        [("meeting", "meetings", "id"), ("person", "people", "id")],
    )
    for meeting in ctx.meetings():
        # Someone listed both as present and absent counts as present, as in the statistics.
        marks = dict.fromkeys(meeting.absent, False) | dict.fromkeys(meeting.present, True)
        lists = {
            flag: _sources(ctx, ctx.library.attendance_spans(meeting, present=flag))
            for flag in (True, False)
        }
        for who, present in marks.items():
            table.rows.append(
                {"meeting": meeting.id, "person": who, "present": present, "source": lists[present]}
            )
    return table


def attendance_by_party(ctx: ExportContext) -> Table:
    """Per meeting and party: the members present and absent, as the meeting page counts them."""
    table = Table(
        "attendance_by_party",
        "Fremmøde pr. parti",
        _c("""
            meeting:string:Mødets id
            party:string:Partibogstavet, ellers partiets navn som i kilden; tom uden parti
            label:string:Partiet som på mødets side, fx V (Venstre)
            present:integer:Antal til stede
            absent:integer:Antal med afbud
        """),
        ["meeting", "label"],
        [("meeting", "meetings", "id")],
    )

    def lookup(person_id: str) -> Person | None:
        entry = ctx.corpus.get("person", person_id)
        return entry.record if entry and isinstance(entry.record, Person) else None

    for meeting in ctx.meetings():
        listed = party_attendance.marks(meeting.present, meeting.absent)
        for c in party_attendance.count(listed, lookup):
            table.rows.append(
                {
                    "meeting": meeting.id,
                    "party": c.party,
                    "label": c.label,
                    "present": c.present,
                    "absent": c.absent,
                }
            )
    return table


def all_tables(ctx: ExportContext) -> list[Table]:
    """Every table, referenced tables first."""
    return [
        f(ctx)
        for f in (
            organizations,
            people,
            meetings,
            items,
            memberships,
            contracts,
            commitments,
            attendance,
            attendance_by_party,
        )
    ]
