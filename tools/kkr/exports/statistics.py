"""The figures of the "Tal og tendenser" page, each as a table that a chart can draw."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import icu

from kkr.exports.context import ExportContext
from kkr.site import party_attendance
from kkr.site.dates import long_date, partial_date
from schema.contract import Contract
from schema.person import Person, PersonKind
from schema.workplan import WorkPlan

Cell = str | int
# Meetings a chart shows at most, so that it stays readable as the archive grows.
LATEST = 20
_COLLATOR = icu.Collator.createInstance(icu.Locale("da"))


def danish(text: str) -> bytes:
    """Sort key in Danish order (Aabenraa after Ærø)."""
    return bytes(_COLLATOR.getSortKey(text))


@dataclass(frozen=True)
class Figure:
    """A named table with a text alternative; ``kind`` says how a chart draws it."""

    name: str
    kind: str
    columns: list[str]
    rows: list[list[Cell]]
    alt: str
    note: str = ""
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    last: int = 0  # a chart of a growing list shows only its last rows; 0 shows them all

    @property
    def charted(self) -> list[list[Cell]]:
        """The rows the chart draws."""
        return self.rows[-self.last :] if self.last else self.rows


def _name(ctx: ExportContext, kind: str, record_id: str) -> str:
    return ctx.links.names.get((kind, record_id)) or record_id


def topics_per_year(ctx: ExportContext) -> Figure:
    """Items per topic per year."""
    counts: Counter[tuple[str, int]] = Counter()
    for meeting, item in ctx.items():
        for topic in item.topics:
            counts[(topic, meeting.date.year)] += 1
    years = sorted({year for _, year in counts})
    topics = sorted({topic for topic, _ in counts}, key=lambda t: danish(_name(ctx, "topic", t)))
    rows: list[list[Cell]] = [
        [_name(ctx, "topic", t), *(counts[(t, y)] for y in years)] for t in topics
    ]
    top = max(rows, key=lambda r: sum(int(c) for c in r[1:]), default=None)
    alt = f"Punkter pr. emne og år, {len(topics)} emner over {len(years)} år"
    if top:
        alt += f"; flest punkter om {top[0]} ({sum(int(c) for c in top[1:])})"
    return Figure("emner", "stacked", ["Emne", *map(str, years)], rows, alt + ".")


def _attending(ctx: ExportContext) -> list[tuple[str, str, bool]]:
    out = []
    for meeting in ctx.meetings():
        out += [(meeting.id, p, True) for p in meeting.present]
        out += [(meeting.id, p, False) for p in meeting.absent if p not in meeting.present]
    return out


def _note(ctx: ExportContext) -> str:
    counted = [m for m in ctx.meetings() if m.present or m.absent]
    dates = ", ".join(long_date(m.date) for m in counted)
    if len(counted) > 3:
        dates = f"fra {long_date(counted[0].date)} til {long_date(counted[-1].date)}"
    return (
        f"Kun møder med oplyst fremmøde tæller: {len(counted)} af {len(ctx.meetings())} møder"
        + (f" ({dates})." if dates else ".")
    )


def attendance_by_municipality(ctx: ExportContext) -> Figure:
    """Share of listed politicians present, per municipality."""
    seen: defaultdict[str, list[bool]] = defaultdict(list)
    for _, who, present in _attending(ctx):
        entry = ctx.corpus.get("person", who)
        record = entry.record if entry else None
        if (
            isinstance(record, Person)
            and record.kind == PersonKind.politician
            and record.municipality
        ):
            seen[_name(ctx, "organization", record.municipality)].append(present)
    rows: list[list[Cell]] = [
        [name, sum(marks), len(marks), round(100 * sum(marks) / len(marks))]
        for name, marks in sorted(seen.items(), key=lambda kv: danish(kv[0]))
    ]
    alt = f"Fremmøde i procent for {len(rows)} kommuner"
    if rows:
        low = min(rows, key=lambda r: int(r[3]))
        high = max(rows, key=lambda r: int(r[3]))
        alt += f", fra {low[3]} % ({low[0]}) til {high[3]} % ({high[0]})"
    return Figure(
        "fremmoede-kommuner",
        "percent",
        ["Kommune", "Til stede", "Indkaldt", "Procent"],
        rows,
        alt + ".",
        _note(ctx),
    )


def attendance_by_person(ctx: ExportContext) -> Figure:
    """Meetings attended and missed, per person."""
    seen: defaultdict[str, list[bool]] = defaultdict(list)
    for _, who, present in _attending(ctx):
        seen[who].append(present)
    rows: list[list[Cell]] = [
        [_name(ctx, "person", who), sum(m), len(m) - sum(m)]
        for who, m in sorted(seen.items(), key=lambda kv: danish(_name(ctx, "person", kv[0])))
    ]
    return Figure(
        "fremmoede-personer",
        "table",
        ["Person", "Til stede", "Afbud"],
        rows,
        f"Fremmøde for {len(rows)} personer.",
        _note(ctx),
    )


def _person(ctx: ExportContext, person_id: str) -> Person | None:
    entry = ctx.corpus.get("person", person_id)
    return entry.record if entry and isinstance(entry.record, Person) else None


def attendance_by_party(ctx: ExportContext) -> Figure:
    """Present and absent members per party over all meetings, as the meeting pages count."""
    counts = party_attendance.add_up(
        party_attendance.count(
            party_attendance.marks(meeting.present, meeting.absent),
            lambda who: _person(ctx, who),
        )
        for meeting in ctx.meetings()
    )
    rows: list[list[Cell]] = [[c.label, c.present, c.absent] for c in counts]
    alt = f"Fremmøde pr. parti for {len(rows)} partier"
    if rows:
        most = max(rows, key=lambda r: int(r[1]))
        alt += f"; flest til stede fra {most[0]} ({most[1]})"
    return Figure(
        "fremmoede-partier",
        "table",
        ["Parti", "Til stede", "Afbud"],
        rows,
        alt + ".",
        _note(ctx),
    )


def commitments(ctx: ExportContext) -> Figure:
    """Work-plan commitments and the items that advanced them, counted as the work-plan pages do.

    An item counts when it links the commitment itself, is dated on or after the plan and is
    not procedural.
    """
    rows: list[list[Cell]] = []
    for entry in ctx.corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        for area in plan.areas:
            for promise in area.commitments:
                key = f"{plan.id}/{promise.id}"
                infos = sorted(
                    {i.ref: i for i in ctx.links.advancing(plan, promise.id)}.values(),
                    key=lambda i: i.ref,
                )
                listed = (
                    "; ".join(f"{long_date(i.date)}: {i.label}" for i in infos)
                    or "Ingen punkter endnu"
                )
                rows.append([_name(ctx, "commitment", key), len(infos), listed])
    advanced = sum(1 for r in rows if r[1])
    return Figure(
        "maalsaetninger",
        "bars",
        ["Målsætning", "Punkter", "Hvilke punkter"],
        rows,
        f"{advanced} af {len(rows)} målsætninger er fremmet af mindst ét punkt.",
    )


def decisions_per_meeting(ctx: ExportContext) -> Figure:
    """Items with a printed decision, per meeting; the chart shows the latest meetings."""
    rows: list[list[Cell]] = [
        [
            long_date(m.date),
            sum(1 for i in m.items if i.beslutning and i.beslutning.strip()),
            len(m.items),
        ]
        for m in ctx.meetings()
    ]
    note = ""
    if len(rows) > LATEST:
        note = f"Diagrammet viser de seneste {LATEST} møder; tabellen har dem alle."
    return Figure(
        "beslutninger",
        "bars",
        ["Møde", "Beslutninger", "Punkter"],
        rows,
        f"Beslutninger på {sum(1 for r in rows if r[1])} af {len(rows)} møder; "
        "et møde uden referat har ingen beslutninger i arkivet.",
        note,
        last=LATEST,
    )


def contracts_timeline(ctx: ExportContext) -> Figure:
    """Each contract's years, from its start to its end or latest extension."""
    rows: list[list[Cell]] = []
    spans: list[tuple[str, int, int]] = []
    for entry in ctx.corpus.entries("contract"):
        deal = entry.record
        assert isinstance(deal, Contract)
        end = deal.extensions[-1].until if deal.extensions else deal.period.end
        start = deal.period.start
        rows.append(
            [
                deal.title,
                partial_date(start) if start else "ikke oplyst",
                partial_date(end) if end else "ikke oplyst",
            ]
        )
        if start and end:
            spans.append((deal.title, int(start[:4]), int(end[:4])))
    return Figure(
        "aftaler",
        "timeline",
        ["Aftale", "Fra", "Til"],
        rows,
        f"Tidslinje over {len(spans)} aftaler med kendt start og slut, i hele år.",
        "Kun aftaler med både start og slut vises på tidslinjen; tabellen har dem alle.",
        spans,
    )


def all_figures(ctx: ExportContext) -> list[Figure]:
    """Every figure of the page, in page order."""
    return [
        topics_per_year(ctx),
        attendance_by_municipality(ctx),
        attendance_by_person(ctx),
        attendance_by_party(ctx),
        commitments(ctx),
        decisions_per_meeting(ctx),
        contracts_timeline(ctx),
    ]
