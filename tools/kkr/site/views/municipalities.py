"""What a municipality's page adds, and the council's members as the attendance lists give them."""

from __future__ import annotations

from kkr.site import parties, paths
from kkr.site.blocks import Block, Inline, bullets, para, section, strong
from kkr.site.collation import danish_sorted
from kkr.site.links import TableRow
from kkr.site.views.common import Context, item_bullets, item_link, meeting_link, org, person
from schema.organization import Organization
from schema.person import Person

MAYOR = "borgmester"


def _who(ctx: Context, p: Person) -> Inline:
    parts: Inline = [person(ctx, p.id)]
    if p.party or p.party_name:
        parts.append(f" ({p.party or p.party_name})")
    if p.title:
        parts.append(f", {p.title}")
    return parts


def names(o: Organization) -> set[str]:
    """The ways a table cell may name the municipality: "Vejle Kommune", "Vejle", aliases."""
    out = {o.name, *o.aliases}
    out |= {n.removesuffix(" Kommune") for n in list(out)}
    return {n.casefold() for n in out if n}


def table_rows(ctx: Context, o: Organization) -> list[TableRow]:
    """Every table row whose first cell names the municipality, oldest item first."""
    found = [row for label in names(o) for row in ctx.links.rows_by_label.get(label, [])]
    return sorted(found, key=lambda row: (row.info.date, row.info.ref))


def row_text(row: TableRow) -> Inline:
    """Which table, then each value with its column heading: "Kommune: Vejle · Antal: 10"."""
    which = f"tabellen »{row.caption}«" if row.caption else f"tabel {row.number} i punktet"
    headed = any(c.strip() for c in row.columns)
    if not headed:
        which += " (uden kolonneoverskrifter)"
    values = " · ".join(
        f"{c}: {v}" if c.strip() else v
        for c, v in zip(row.columns, row.cells, strict=False)
        if v.strip()
    )
    return [f"{which}: ", strong(values)]


def municipality_blocks(ctx: Context, o: Organization) -> list[Block]:
    """Mayor and politicians, items that concern the municipality, and table rows naming it."""
    people = ctx.links.people_by_org.get(o.id, [])
    mayors = [p for p in people if (p.title or "").casefold() == MAYOR]
    blocks: list[Block] = [
        section(
            "Borgmester",
            [
                bullets(
                    [_who(ctx, p) for p in mayors],
                    "Kilderne nævner ikke kommunens borgmester med titel.",
                )
            ],
        ),
        section(
            "Politikere og medarbejdere fra kommunen",
            [bullets([_who(ctx, p) for p in people], "Ingen nævnt i kilderne.")],
        ),
    ]
    rows = table_rows(ctx, o)
    items = list(ctx.links.by_org.get(o.id, [])) + [row.info for row in rows]
    blocks.append(
        section(
            "Punkter, der vedrører kommunen",
            item_bullets(
                ctx,
                paths.page(ctx.prefix, "organization", o.id),
                o.name,
                "Punkter",
                items,
                empty="Ingen punkter nævner kommunen.",
            ),
        )
    )
    if rows:
        blocks.append(
            section(
                "Tabelrækker, der nævner kommunen",
                [bullets([[item_link(row.info), ", ", *row_text(row)] for row in rows])],
            )
        )
    return blocks


def council_members(ctx: Context, o: Organization) -> Block:
    """The members as the meetings' attendance lists name them, with party and municipality."""
    # Only this body's meetings: another council's attendance says nothing about its members.
    listed: dict[str, tuple[int, int]] = {}
    for person_id, meetings in ctx.links.attended.items():
        came = sum(1 for m in meetings if m.body == o.id)
        if came:
            listed[person_id] = (came, 0)
    for person_id, meetings in ctx.links.missed.items():
        away = sum(1 for m in meetings if m.body == o.id)
        if away:
            listed[person_id] = (listed.get(person_id, (0, 0))[0], away)
    letters: set[str] = set()
    rows: list[Inline] = []
    for person_id in danish_sorted(listed, key=lambda i: ctx.links.names.get(("person", i), i)):
        entry = ctx.corpus.get("person", person_id)
        p = entry.record if entry else None
        line: Inline = [person(ctx, person_id)]
        if isinstance(p, Person):
            if p.party:
                letters.add(p.party)
                line.append(f" ({p.party})")
            if p.municipality:
                line += [", ", org(ctx, p.municipality)]
        came, away = listed[person_id]
        line.append(f": deltog i {came}, afbud til {away}")
        rows.append(line)
    held = {
        m.id: m
        for ms in (*ctx.links.attended.values(), *ctx.links.missed.values())
        for m in ms
        if m.body == o.id
    }
    dated: Inline = [
        meeting_link(m.id, m.date) for m in sorted(held.values(), key=lambda m: m.date)
    ]
    body: list[Block] = [
        para(
            "Medlemmerne, som mødernes fremmødelister nævner dem (deltagere og afbud). "
            "Fremmøde er registreret for: ",
            *([part for i, link in enumerate(dated) for part in ([", "] if i else []) + [link]]),
            ".",
        ),
        bullets(rows, "Ingen fremmødelister er registreret."),
    ]
    if letters:
        body.append(para("Partibogstaver: ", parties.key(letters), "."))
    return section("Medlemmer ifølge fremmødelisterne", body)
