"""An agenda item on its meeting's page: decision first, then recommendation and background."""

from __future__ import annotations

from datetime import date

from kkr.loading.corpus import Entry
from kkr.site import labels, paths
from kkr.site.blocks import Block, Inline, box, bullets, fields, joined, para, ref, section
from kkr.site.links import display_title, name
from kkr.site.views import cite
from kkr.site.views.common import (
    Context,
    item_link,
    meeting_link,
    number_key,
    org,
    person,
    text,
)
from schema.meeting import Item, Meeting, Promise
from schema.membership import Membership

# After the decision: the recommendation, then the background (the order readers need).
SECTION_FIELDS = ("indstilling", "baggrund", "sagsfremstilling")


def expected_points(ctx: Context, meeting: Meeting) -> list[Inline]:
    """What earlier meetings listed for this one under "Punkter til næste møde", linked."""
    promised = sorted(
        ctx.links.promised_for.get(meeting.id, []),
        key=lambda pair: (pair[0].date, number_key(pair[0].item.number)),
    )
    return [
        [promise.text, " (sat på ", item_link(info), ")", *_fate(ctx, promise)]
        for info, promise in promised
    ]


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


def item_section(ctx: Context, entry: Entry, meeting: Meeting, index: int, item: Item) -> Block:
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
        cite.line(ctx, cite.item_spans(ctx, meeting, item.number)),
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
                ("Udpegninger", _seats(ctx, here)),
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
        ),
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
        decided = cite.line(ctx, cite.item_spans(ctx, meeting, item.number, "beslutning"))
        decision = [*content("beslutning", item.beslutning), decided]
        body.append(box("beslutning", "Beslutning", decision))
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


def _seats(ctx: Context, here: str) -> Inline:
    """The seats the item decided or reported, with whom they replaced."""
    rows: list[Inline] = []
    for seat in ctx.links.seats_by_item.get(here, []):
        successor = ctx.links.replaced_by.get(seat.id)
        if successor is not None and successor.decided_by == here:
            continue  # shown as "afløste …" on its successor's line
        row: Inline = [person(ctx, seat.person), " i ", org(ctx, seat.organization)]
        before = ctx.corpus.get("membership", seat.replaces) if seat.replaces else None
        if before is not None and isinstance(before.record, Membership):
            row += [" (afløste ", person(ctx, before.record.person), ")"]
        rows.append(row)
    return [part for index, row in enumerate(rows) for part in ([", "] if index else []) + row]


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
