"""Pages for people and organizations."""

from __future__ import annotations

from collections import defaultdict

from kkr.site import labels, paths
from kkr.site.blocks import Block, Inline, bullets, fields, joined, para, ref, section, url
from kkr.site.collation import danish_sorted
from kkr.site.dates import long_date
from kkr.site.links import person_name
from kkr.site.parties import PARTIES
from kkr.site.views.agreements import term
from kkr.site.views.common import (
    Context,
    View,
    item_bullets,
    meeting_link,
    org,
    person,
    text,
    view,
)
from kkr.site.views.municipalities import council_members, municipality_blocks
from kkr.site.views.seats import current, current_term, describe, former, last_seen
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person


def _timeline(seats: list[Membership]) -> list[Membership]:
    return sorted(seats, key=lambda s: (s.period.start or "", s.period.end or "9999", s.id))


def _seat_blocks(ctx: Context, seats: list[Membership], show: str) -> list[Block]:
    """A paragraph per seat, followed by its note where the records hold one."""
    out: list[Block] = []
    for seat in seats:
        out.append(para(*describe(ctx, seat, show=show), classes=["kkr-seat"]))
        entry = ctx.corpus.get("membership", seat.id)
        if seat.note and entry is not None:
            out.append(text(entry, ("note",), seat.note))
    return out


def _party(p: Person) -> str:
    if p.party and p.party in PARTIES:
        return f"{p.party} ({PARTIES[p.party]})"
    return p.party or p.party_name or ""


def _listed(title: str, rows: list[Inline]) -> list[Block]:
    """A titled list, or nothing at all where there is nothing to list."""
    return [section(title, [bullets(rows)])] if rows else []


def _attendance(ctx: Context, person_id: str) -> str:
    attended = ctx.links.attended.get(person_id, [])
    missed = ctx.links.missed.get(person_id, [])
    listed = len(attended) + len(missed)
    if not listed:
        return "Ikke nævnt i nogen registreret fremmødeliste."
    noun = "møde" if listed == 1 else "møder"
    line = f"Deltog i {len(attended)} af {listed} {noun} med registreret fremmøde"
    return line + (f"; meldte afbud til {len(missed)}." if missed else ".")


def person_views(ctx: Context) -> dict[str, View]:
    """A page per person and the list of people."""
    out: dict[str, View] = {}
    rows: list[tuple[str, Inline]] = []
    for entry in ctx.corpus.entries("person"):
        p = entry.record
        assert isinstance(p, Person)
        blocks: list[Block] = [
            fields(
                [
                    ("Type", [labels.label(labels.PERSON_KIND, p.kind)]),
                    ("Parti", [_party(p)] if p.party or p.party_name else []),
                    ("Kommune", [org(ctx, p.municipality)] if p.municipality else []),
                    ("Titel", [p.title] if p.title else []),
                    ("Organisation", [org(ctx, p.organization)] if p.organization else []),
                    ("Rolle", [p.role] if p.role else []),
                    ("Initialer", [p.initials] if p.initials else []),
                    (
                        "Telefon",
                        [url("tel:" + p.phone.replace(" ", ""), p.phone)] if p.phone else [],
                    ),
                    ("E-mail", [url("mailto:" + p.email, p.email)] if p.email else []),
                    ("Andre stavemåder", joined(list(p.aliases))),
                ]
            )
        ]
        if p.note:
            blocks.append(text(entry, ("note",), p.note))
        seats = _timeline(ctx.links.seats.get(p.id, []))
        blocks.append(
            section(
                "Medlemskaber og udpegninger",
                _seat_blocks(ctx, seats, "org")
                or [para("Ingen registrerede medlemskaber.", classes=["kkr-empty"])],
            )
        )
        attended = ctx.links.attended.get(p.id, [])
        missed = ctx.links.missed.get(p.id, [])
        # Only the lists that have something; the attendance line says plainly what is missing.
        blocks.append(
            section(
                "Møder",
                [
                    para(_attendance(ctx, p.id)),
                    *_listed("Deltog", [[meeting_link(m.id, m.date)] for m in attended]),
                    *_listed("Afbud", [[meeting_link(m.id, m.date)] for m in missed]),
                ],
            )
        )
        handled = ctx.links.handled.get(p.initials, []) if p.initials else []
        page = paths.page(ctx.prefix, "person", p.id)
        shown = person_name(p)
        lists = {
            "Fremlagt": (f"Punkter fremlagt af {shown}", ctx.links.presented.get(p.id, [])),
            "Vedrører": (f"Punkter, der vedrører {shown}", ctx.links.concerns.get(p.id, [])),
            "Sagsbehandler": (f"Punkter med {shown} som sagsbehandler", handled),
        }
        # Only the lists that have something, as for meetings above.
        items = [
            section(heading, item_bullets(ctx, page, subject, heading, infos))
            for heading, (subject, infos) in lists.items()
            if infos
        ]
        blocks.append(
            section(
                "Punkter",
                items
                or [para("Ingen registrerede punkter nævner personen.", classes=["kkr-empty"])],
            )
        )
        out[page] = view(shown, [section(shown, blocks, obj=("person", p.id))])
        extra: Inline = [f" ({p.party})"] if p.party else []
        if p.municipality:
            extra += [", ", org(ctx, p.municipality)]
        rows.append((shown, [ref("person", p.id, shown), *extra]))
    out[paths.list_page(ctx.prefix, "person")] = view(
        "Personer",
        [
            para("Politikere, medarbejdere og oplægsholdere i kilderne."),
            bullets([row for _, row in danish_sorted(rows, key=lambda r: r[0])], "Ingen."),
        ],
        orphan=False,
    )
    return out


def _members(ctx: Context, o: Organization) -> list[Block]:
    seats = _timeline(ctx.links.members.get(o.id, []))
    gone = [s for s in seats if former(ctx, s, ctx.today)]
    now = [s for s in seats if current(ctx, s, ctx.today)]
    unsure = [s for s in seats if s not in gone and s not in now]
    out: list[Block] = []
    if now:
        out.append(section("Nuværende medlemmer", _seat_blocks(ctx, now, "person")))
    if unsure:
        out.append(_unsure(ctx, unsure))
    if gone:
        why = para(
            "Afløst af en anden, med en periode, der er udløbet, eller ikke med i en senere "
            "liste over organets medlemmer i kilderne.",
            classes=["kkr-note"],
        )
        out.append(section("Tidligere medlemmer", [why, *_seat_blocks(ctx, gone, "person")]))
    if o.id in ctx.links.bodies:
        out.append(council_members(ctx, o))
    return out


def _unsure(ctx: Context, seats: list[Membership]) -> Block:
    """Seats the sources last name before the running term, without a running period."""
    term = current_term(ctx, ctx.today)
    within = f"i {term.name}" if term is not None else "i en valgperiode, der løber nu"
    why = para(
        f"Kilderne nævner ikke disse pladser {within}, og ingen periode, der løber nu, er "
        "oplyst. Om personen stadig har pladsen, siger kilderne ikke.",
        classes=["kkr-note"],
    )
    rows: list[Block] = []
    for seat in seats:
        seen = last_seen(ctx, seat)
        said = f"senest nævnt {long_date(seen)}" if seen else "uden dato i kilderne"
        rows.append(para(f"{_capital(said)}: ", *describe(ctx, seat, show="person")))
        entry = ctx.corpus.get("membership", seat.id)
        if seat.note and entry is not None:
            rows.append(text(entry, ("note",), seat.note))
    return section("Ikke nævnt i den nuværende valgperiode", [why, *rows], anchor="senest-naevnt")


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def organization_views(ctx: Context) -> dict[str, View]:
    """A page per organization and the list of organizations by kind."""
    out: dict[str, View] = {}
    groups: defaultdict[str, list[tuple[str, Inline]]] = defaultdict(list)
    for entry in ctx.corpus.entries("organization"):
        o = entry.record
        assert isinstance(o, Organization)
        blocks: list[Block] = [
            fields(
                [
                    ("Type", [labels.label(labels.ORGANIZATION_KIND, o.kind)]),
                    ("Forkortelser", joined(list(o.abbreviations))),
                    ("Andre navne", joined(list(o.aliases))),
                    ("Hører under", [org(ctx, o.parent)] if o.parent else []),
                    ("Hjemmeside", [url(o.website, o.website)] if o.website else []),
                    (
                        "Emner",
                        joined(
                            [
                                ref("topic", t, ctx.links.names.get(("topic", t), t))
                                for t in o.topics
                            ]
                        ),
                    ),
                ]
            )
        ]
        if o.description:
            blocks.append(text(entry, ("description",), o.description))
        children = ctx.links.children.get(o.id, [])
        if children:
            blocks.append(
                section(
                    "Underordnede organer",
                    [
                        bullets(
                            [
                                [org(ctx, c.id)]
                                for c in danish_sorted(children, key=lambda c: c.name)
                            ]
                        )
                    ],
                )
            )
        blocks.extend(_members(ctx, o))
        appointed = _timeline(ctx.links.appointed.get(o.id, []))
        appointed = [s for s in appointed if s.organization != o.id]
        if appointed:
            blocks.append(section("Udpeget af " + o.name, _seat_blocks(ctx, appointed, "both")))
        if o.kind.value == "municipality":
            blocks.extend(municipality_blocks(ctx, o))
        else:
            people = danish_sorted(ctx.links.people_by_org.get(o.id, []), key=person_name)
            if people:
                blocks.append(section("Personer", [bullets([[person(ctx, p.id)] for p in people])]))
        contracts = ctx.links.contracts_by_party.get(o.id, [])
        blocks += _listed(
            "Aftaler", [[ref("contract", c.id, c.title), f" ({term(ctx, c)})"] for c in contracts]
        )
        if o.kind.value != "municipality":
            page = paths.page(ctx.prefix, "organization", o.id)
            infos = ctx.links.by_org.get(o.id, [])
            if infos:
                blocks.append(
                    section(
                        "Punkter",
                        item_bullets(
                            ctx, page, f"Punkter, der vedrører {o.name}", "Punkter", infos
                        ),
                    )
                )
        out[paths.page(ctx.prefix, "organization", o.id)] = view(
            o.name, [section(o.name, blocks, obj=("organization", o.id))]
        )
        groups[labels.label(labels.ORGANIZATION_KIND, o.kind)].append((o.name, [org(ctx, o.id)]))
    listing: list[Block] = [
        section(
            kind, [bullets([row for _, row in danish_sorted(groups[kind], key=lambda r: r[0])])]
        )
        for kind in danish_sorted(groups)
    ]
    out[paths.list_page(ctx.prefix, "organization")] = view(
        "Organisationer", listing or [para("Ingen organisationer.")], orphan=False
    )
    return out
