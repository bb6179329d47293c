"""Meeting pages, meeting lists by year, and case pages."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from kkr.loading.corpus import Entry
from kkr.site import labels, parties, paths, status
from kkr.site.blocks import (
    Block,
    Inline,
    box,
    bullets,
    doc,
    fields,
    joined,
    para,
    ref,
    section,
    strong,
    table,
    toctree,
)
from kkr.site.dates import long_date, title_date
from kkr.site.links import ItemInfo, display_title, name
from kkr.site.views.common import (
    Context,
    View,
    item_link,
    item_list,
    meeting_link,
    number_key,
    org,
    person,
    text,
    view,
)
from schema.meeting import Item, Meeting, Promise
from schema.person import Person

# After the decision: the recommendation, then the background (the order readers need).
SECTION_FIELDS = ("indstilling", "baggrund", "sagsfremstilling")


def meeting_views(ctx: Context) -> dict[str, View]:
    """A page per meeting, a page per year and the list of years."""
    out: dict[str, View] = {}
    years: defaultdict[int, list[Meeting]] = defaultdict(list)
    for entry in ctx.corpus.entries("meeting"):
        meeting = entry.record
        assert isinstance(meeting, Meeting)
        years[meeting.date.year].append(meeting)
        out[paths.page(ctx.prefix, "meeting", meeting.id)] = meeting_page(ctx, entry, meeting)
    for year, meetings in years.items():
        rows: list[list[Inline]] = [
            [
                [meeting_link(m.id, m.date)],
                [labels.label(labels.DOCUMENT, m.document) if m.document else ""],
                [status.shown_status(m, ctx.today)],
                [str(len(m.items))],
            ]
            for m in meetings
        ]
        out[paths.year_page(ctx.prefix, year)] = view(
            f"Møder {year}",
            [table(["Dato", "Dokument", "Status", "Punkter"], rows)],
            orphan=False,
        )
    ordered = sorted(years, reverse=True)
    out[paths.list_page(ctx.prefix, "meeting")] = view(
        "Møder",
        [
            para("Møderne i KKR Syddanmark, år for år."),
            toctree([paths.year_page(ctx.prefix, year) for year in ordered]),
        ],
        orphan=False,
    )
    return out


def meeting_page(ctx: Context, entry: Entry, meeting: Meeting) -> View:
    """The page of one meeting: header, attendance, agenda and every item in full."""
    header = fields(
        [
            ("Dato", [long_date(meeting.date)]),
            ("Tidspunkt", [f"kl. {meeting.start_time}"] if meeting.start_time else []),
            ("Sted", [meeting.place] if meeting.place else []),
            (
                "Dokument",
                [labels.label(labels.DOCUMENT, meeting.document)]
                if meeting.document
                else ["ingen dokumenter fra mødet er registreret"],
            ),
            ("Status", [status.shown_status(meeting, ctx.today)]),
            ("Sag", [ref("case", meeting.case, meeting.case)] if meeting.case else []),
            ("Forrige møde", _neighbour(meeting.previous)),
            ("Næste møde", _neighbour(meeting.next)),
        ]
    )
    body: list[Block] = [header]
    expected = expected_points(ctx, meeting)
    if expected:
        body.append(
            section(
                "Forventede punkter",
                [
                    para("Punkter, som et tidligere møde har sat på til dette møde:"),
                    bullets(expected),
                ],
                anchor="forventede-punkter",
            )
        )
    body.append(section("Fremmøde", _attendance(ctx, meeting), anchor="fremmoede"))
    body.append(section("Dagsorden", _agenda(meeting), anchor="dagsorden"))
    for index, item in enumerate(meeting.items):
        body.append(_item(ctx, entry, meeting, index, item))
    title = f"Møde {title_date(meeting.date)}"
    return view(title, [section(title, body, obj=("meeting", meeting.id))])


def _neighbour(meeting_id: str | None) -> Inline:
    if not meeting_id:
        return []
    return [meeting_link(meeting_id, date.fromisoformat(meeting_id))]


def _attendance(ctx: Context, meeting: Meeting) -> list[Block]:
    if not meeting.present and not meeting.absent:
        return [para("Fremmødet er ikke registreret for dette møde.")]
    letters: set[str] = set()

    def who(person_id: str) -> Inline:
        record = ctx.corpus.get("person", person_id)
        found = record.record if record else None
        parts: Inline = [person(ctx, person_id)]
        extra: Inline = []
        if isinstance(found, Person):
            if found.party:
                letters.add(found.party)
                extra.append(found.party)
            elif found.party_name:
                extra.append(found.party_name)
            if found.municipality:
                extra += [", " if extra else "", org(ctx, found.municipality)]
        return parts + ([" (", *extra, ")"] if extra else [])

    out: list[Block] = [
        section("Deltagere", [bullets([who(p) for p in meeting.present], "Ikke oplyst.")])
    ]
    if meeting.absent:
        out.append(section("Afbud", [bullets([who(p) for p in meeting.absent])]))
    if letters:
        out.append(para("Partibogstaver: ", parties.key(letters), "."))
    return out


def expected_points(ctx: Context, meeting: Meeting) -> list[Inline]:
    """What earlier meetings listed for this one under "Punkter til næste møde", linked."""
    rows: list[Inline] = []
    for info in sorted(ctx.links.items.values(), key=lambda i: (i.date, number_key(i.item.number))):
        for promise in info.item.promised:
            target = promise.meeting or info.meeting.next
            if target != meeting.id:
                continue
            rows.append([promise.text, " (sat på ", item_link(info), ")", *_fate(ctx, promise)])
    return rows


def _fate(ctx: Context, promise: Promise) -> Inline:
    """What became of a promised point: the item it became and the matter it belongs to."""
    out: Inline = []
    if promise.item and promise.item in ctx.links.items:
        out += [" → behandlet som ", item_link(ctx.links.items[promise.item])]
    if promise.matter:
        out += [
            " · forløb: ",
            ref("matter", promise.matter, name(ctx.links, "matter", promise.matter)),
        ]
    return out


def _agenda(meeting: Meeting) -> list[Block]:
    titles = {s.number: s.title for s in meeting.sections}
    groups: defaultdict[str, list[Item]] = defaultdict(list)
    for item in meeting.items:
        groups[item.number.split(".")[0]].append(item)
    out: list[Block] = []
    for number in sorted(groups, key=int):
        heading = f"{number}. {titles[number]}" if number in titles else f"{number}."
        out.append(para(strong(heading)))
        out.append(
            bullets(
                [
                    [
                        ref(
                            "item",
                            f"{meeting.id}/{i.number}",
                            f"{i.number} {display_title(i)}",
                        )
                    ]
                    for i in groups[number]
                ]
            )
        )
    if out:
        return out
    if meeting.document is None:
        return [para("Ingen dagsorden er registreret for mødet endnu.", classes=["kkr-empty"])]
    return [para("Dagsordenen er tom.")]


def _item(ctx: Context, entry: Entry, meeting: Meeting, index: int, item: Item) -> Block:
    here = f"{meeting.id}/{item.number}"
    path = ("items", index)
    handlers: Inline = joined(
        [
            ref("person", ctx.links.initials[h].id, ctx.links.initials[h].name or h)
            if h in ctx.links.initials
            else h
            for h in item.handlers
        ]
    )
    body: list[Block] = [
        fields(
            [
                ("Sag", [ref("case", item.case, item.case)] if item.case else []),
                ("Sagsbehandlere", handlers),
                ("Fremlagt af", joined([person(ctx, p) for p in item.presenters])),
                ("Vedrører", joined([person(ctx, p) for p in item.people])),
                ("Organisationer", joined([org(ctx, o) for o in item.organizations])),
                (
                    "Aftaler",
                    joined(
                        [ref("contract", c, name(ctx.links, "contract", c)) for c in item.contracts]
                    ),
                ),
                (
                    "Emner",
                    joined([ref("topic", t, name(ctx.links, "topic", t)) for t in item.topics]),
                ),
                (
                    "Arbejdsgrundlag",
                    joined(
                        [
                            ref("commitment", c, name(ctx.links, "commitment", c))
                            for c in item.commitments
                        ]
                    ),
                ),
                (
                    "Forløb",
                    joined(
                        [
                            ref("matter", m.id, m.title)
                            for m in ctx.links.matters_by_item.get(here, [])
                        ]
                    ),
                ),
            ]
        )
    ]
    if item.toc_title and item.toc_title != item.title:
        body.append(
            para(
                "Kilden skriver titlen forskelligt: overskriften har »",
                item.title,
                "«, indholdsfortegnelsen »",
                item.toc_title,
                "«.",
                classes=["kkr-discrepancy"],
            )
        )
    body.extend(_treatments(ctx, here))
    tables = [t.model_dump(mode="json") for t in item.tables]
    placed: set[str] = set()

    def content(field_name: str, value: str) -> list[Block]:
        mine = [t for t in tables if f"[[tabel:{t['id']}]]" in value]
        placed.update(t["id"] for t in mine)
        if value.strip() == "":
            return [para("(Intet anført.)")]
        return [text(entry, (*path, field_name), value, mine)]

    # The decision comes first: it is what most readers look for.
    if item.beslutning is not None:
        body.append(box("beslutning", "Beslutning", content("beslutning", item.beslutning)))
    else:
        body.append(
            box(
                "beslutning-mangler",
                "Beslutning",
                [para("Beslutningen foreligger ikke – kun dagsordenen er registreret.")],
            )
        )
    for field_name in SECTION_FIELDS:
        value = getattr(item, field_name)
        if value is not None:
            body.append(section(labels.SECTIONS[field_name], content(field_name, value)))
    rest = [t for t in tables if t["id"] not in placed]
    if rest:
        body.append(section("Tabeller", [text(entry, (*path, "tables"), "", rest)]))
    if item.attachments:
        body.append(section("Bilag", _attachments(item)))
    if item.promised:
        body.append(section("Lovet til næste møde", [bullets(_promises(ctx, item))]))
    return section(
        f"{item.number} {display_title(item)}",
        body,
        anchor=paths.item_anchor(item.number),
        obj=("item", here),
    )


def _attachments(item: Item) -> list[Block]:
    # The source marks a paragraph that refers to an attachment with ./. in the margin; the
    # attachment itself is not in the source, so the page shows the marked sentence as such.
    rows: list[Inline] = []
    for a in item.attachments:
        where = labels.SECTIONS.get(a.section, a.section).lower()
        rows.append(
            [f"Henvisning til bilag i {where}: ", f"»{a.text}«" if a.text else "(uden tekst)"]
        )
    intro = para(
        "Kilden markerer disse afsnit med ./. i margenen: de henviser til et bilag, "
        "som ikke er en del af kilden."
    )
    return [intro, bullets(rows)]


def _promises(ctx: Context, item: Item) -> list[Inline]:
    rows: list[Inline] = []
    for promise in item.promised:
        row: Inline = [promise.text]
        if promise.meeting:
            when = date.fromisoformat(promise.meeting)
            row += [" (til mødet ", meeting_link(promise.meeting, when), ")"]
        rows.append(row + _fate(ctx, promise))
    return rows


def _treatments(ctx: Context, here: str) -> list[Block]:
    # A matter, not the case number, says what is the same subject: the sources give every
    # item of a meeting the meeting's case number.
    blocks: list[Block] = []
    for matter in ctx.links.matters_by_item.get(here, []):
        refs = [ref for ref in matter.items if ref in ctx.links.items]
        position = refs.index(here)
        parts: Inline = [ref("matter", matter.id, matter.title), ": "]
        if position > 0:
            parts += ["forrige behandling ", item_link(ctx.links.items[refs[position - 1]])]
        if position + 1 < len(refs):
            parts += [" · " if position > 0 else "", "næste behandling "]
            parts.append(item_link(ctx.links.items[refs[position + 1]]))
        if len(refs) == 1:
            parts.append("første og eneste behandling indtil nu")
        blocks.append(para(*parts))
    return blocks


def case_views(ctx: Context) -> dict[str, View]:
    """A page per case number and the list of cases."""
    out: dict[str, View] = {}
    numbers = sorted(
        set(ctx.links.by_case) | set(ctx.links.meetings_by_case) | set(ctx.links.plans_by_case)
    )
    for number in numbers:
        if not paths.safe_id(number):
            continue
        blocks: list[Block] = []
        meetings = ctx.links.meetings_by_case.get(number, [])
        if meetings:
            blocks.append(
                section("Møder", [bullets([[meeting_link(m.id, m.date)] for m in meetings])])
            )
        plans = ctx.links.plans_by_case.get(number, [])
        if plans:
            blocks.append(
                section(
                    "Arbejdsgrundlag", [bullets([[ref("workplan", p.id, p.title)] for p in plans])]
                )
            )
        blocks.append(
            section(
                "Punkter", [bullets(item_list(ctx.links.by_case.get(number, [])), "Ingen punkter.")]
            )
        )
        title = f"Sag {number}"
        out[paths.page(ctx.prefix, "case", number)] = view(
            title, [section(title, blocks, obj=("case", number))]
        )
    rows: list[Inline] = [
        [ref("case", n, n), f" ({_count(ctx.links.by_case.get(n, []))})"] for n in numbers
    ]
    out[paths.list_page(ctx.prefix, "case")] = view(
        "Sager",
        [para("Alle sagsnumre med antallet af punkter."), bullets(rows, "Ingen sager.")],
        orphan=False,
    )
    return out


def _count(infos: list[ItemInfo]) -> str:
    return "1 punkt" if len(infos) == 1 else f"{len(infos)} punkter"


def doc_link(docname: str, label: str) -> dict[str, str]:
    """A link to a generated list page."""
    return doc(docname, label)
