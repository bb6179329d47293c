"""Meeting pages, meeting lists by year, and case pages."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from kkr.loading.corpus import Entry
from kkr.site import labels, paths
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
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo, name
from kkr.site.views.common import (
    Context,
    View,
    item_link,
    item_list,
    meeting_link,
    org,
    person,
    text,
    view,
)
from schema.meeting import Item, Meeting

SECTION_FIELDS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")


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
                [labels.label(labels.MEETING_STATUS, m.status)],
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
            bullets(_years(ctx, years), "Ingen møder er registreret."),
            toctree([paths.year_page(ctx.prefix, year) for year in ordered], hidden=True),
        ],
        orphan=False,
    )
    return out


def _years(ctx: Context, years: dict[int, list[Meeting]]) -> list[Inline]:
    """Every year from the newest to the oldest meeting; a year without meetings says so."""
    if not years:
        return []
    rows: list[Inline] = []
    for year in range(max(years), min(years) - 1, -1):
        count = len(years.get(year, []))
        if count:
            label = "1 møde" if count == 1 else f"{count} møder"
            rows.append([doc(paths.year_page(ctx.prefix, year), str(year)), f": {label}"])
        else:
            rows.append(
                [
                    f"{year}: ingen møder registreret – "
                    f"vidensbasen har endnu ingen dokumenter fra {year}."
                ]
            )
    return rows


def meeting_page(ctx: Context, entry: Entry, meeting: Meeting) -> View:
    """The page of one meeting: header, attendance, agenda and every item in full."""
    header = fields(
        [
            ("Dato", [long_date(meeting.date)]),
            ("Tidspunkt", [f"kl. {meeting.start_time}"] if meeting.start_time else []),
            ("Sted", [meeting.place] if meeting.place else []),
            (
                "Dokument",
                [labels.label(labels.DOCUMENT, meeting.document)] if meeting.document else [],
            ),
            ("Status", [labels.label(labels.MEETING_STATUS, meeting.status)]),
            ("Sag", [ref("case", meeting.case, meeting.case)] if meeting.case else []),
            (
                "Forrige møde",
                [ref("meeting", meeting.previous, meeting.previous)] if meeting.previous else [],
            ),
            ("Næste møde", [ref("meeting", meeting.next, meeting.next)] if meeting.next else []),
        ]
    )
    body: list[Block] = [header]
    attendance: list[Block] = [
        section(
            "Deltagere", [bullets([[person(ctx, p)] for p in meeting.present], "Ikke oplyst.")]
        ),
    ]
    if meeting.absent:
        attendance.append(section("Afbud", [bullets([[person(ctx, p)] for p in meeting.absent])]))
    body.append(section("Fremmøde", attendance, anchor="fremmoede"))
    body.append(section("Dagsorden", _agenda(meeting), anchor="dagsorden"))
    for index, item in enumerate(meeting.items):
        body.append(_item(ctx, entry, meeting, index, item))
    title = f"Møde {long_date(meeting.date)}"
    return view(title, [section(title, body, obj=("meeting", meeting.id))])


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
                            f"{i.number} {i.toc_title or i.title}",
                        )
                    ]
                    for i in groups[number]
                ]
            )
        )
    return out or [para("Dagsordenen er tom.")]


def _item(ctx: Context, entry: Entry, meeting: Meeting, index: int, item: Item) -> Block:
    here = f"{meeting.id}/{item.number}"
    path = ("items", index)
    handlers: Inline = joined(
        [
            person(ctx, ctx.links.initials[h].id) if h in ctx.links.initials else h
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
                ("Målsætninger", joined([ref("commitment", c, c) for c in item.commitments])),
                (
                    "Forløb",
                    joined(
                        [
                            ref("matter", m.id, m.title)
                            for m in ctx.links.matters_by_item.get(here, [])
                        ]
                    ),
                ),
                ("Titel i indholdsfortegnelsen", [item.toc_title] if item.toc_title else []),
            ]
        )
    ]
    body.extend(_treatments(ctx, here))
    tables = [t.model_dump(mode="json") for t in item.tables]
    placed: set[str] = set()
    for field_name in SECTION_FIELDS:
        value = getattr(item, field_name)
        if value is None:
            continue
        mine = [t for t in tables if f"[[tabel:{t['id']}]]" in value]
        placed.update(t["id"] for t in mine)
        content = [text(entry, (*path, field_name), value, mine)]
        if value.strip() == "":
            content = [para("(Intet anført.)")]
        label = labels.SECTIONS[field_name]
        if field_name == "beslutning":
            body.append(box("beslutning", label, content))
        else:
            body.append(section(label, content))
    rest = [t for t in tables if t["id"] not in placed]
    if rest:
        body.append(section("Tabeller", [text(entry, (*path, "tables"), "", rest)]))
    if item.attachments:
        body.append(
            section(
                "Bilag",
                [
                    bullets(
                        [
                            [f"{a.marker} ({a.section})", f": {a.text}" if a.text else ""]
                            for a in item.attachments
                        ]
                    )
                ],
            )
        )
    if item.promised:
        body.append(section("Lovet til næste møde", [bullets(_promises(ctx, item))]))
    return section(
        f"{item.number} {item.title}",
        body,
        anchor=paths.item_anchor(item.number),
        obj=("item", here),
    )


def _promises(ctx: Context, item: Item) -> list[Inline]:
    rows: list[Inline] = []
    for promise in item.promised:
        row: Inline = [promise.text]
        if promise.meeting:
            when = date.fromisoformat(promise.meeting)
            row += [" (til mødet ", meeting_link(promise.meeting, when), ")"]
        if promise.item and promise.item in ctx.links.items:
            row += [" → behandlet som ", item_link(ctx.links.items[promise.item])]
        if promise.matter:
            row += [
                " · forløb: ",
                ref("matter", promise.matter, name(ctx.links, "matter", promise.matter)),
            ]
        rows.append(row)
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
        "Sagsnumre",
        [
            para(
                "KL's sagsnumre (journalnumre), fx SAG-2023-00123. KL giver typisk alle punkter "
                "på årets møder samme sagsnummer, så et sagsnummer samler et års møder – ikke ét "
                "emne. Vil du følge ét emne fra møde til møde, så se ",
                doc(paths.list_page(ctx.prefix, "matter"), "Forløb"),
                ".",
            ),
            bullets(rows, "Ingen sager."),
        ],
        orphan=False,
    )
    return out


def _count(infos: list[ItemInfo]) -> str:
    return "1 punkt" if len(infos) == 1 else f"{len(infos)} punkter"


def doc_link(docname: str, label: str) -> dict[str, str]:
    """A link to a generated list page."""
    return doc(docname, label)
