"""Pages for contracts, matters (forløb) and topics."""

from __future__ import annotations

from kkr.site import labels, paths
from kkr.site.blocks import (
    Block,
    Inline,
    bullets,
    doc,
    fields,
    joined,
    para,
    ref,
    section,
    strong,
    table,
)
from kkr.site.collation import danish_sorted
from kkr.site.dates import partial_date, period
from kkr.site.links import ItemInfo
from kkr.site.views import cite
from kkr.site.views.common import (
    Context,
    View,
    item_bullets,
    item_link,
    org,
    text,
    view,
)
from schema.contract import Contract
from schema.matter import Matter
from schema.topic import Topic


def term(ctx: Context, c: Contract) -> str:
    """E.g. "2022 – 2023, forlænget til 2024; udløbet" for a list of contracts."""
    span = period(c.period.start, c.period.end)
    if c.extensions:
        span += f", forlænget til {partial_date(c.extensions[-1].until)}"
    return f"{span}; {ctx.contract_status[c.id]}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def contract_views(ctx: Context) -> dict[str, View]:
    """A page per contract and the list of contracts."""
    out: dict[str, View] = {}
    rows: list[Inline] = []
    for entry in ctx.corpus.entries("contract"):
        c = entry.record
        assert isinstance(c, Contract)
        successors = ctx.links.successors.get(c.id, [])
        blocks: list[Block] = [
            fields(
                [
                    ("Type", [labels.label(labels.CONTRACT_KIND, c.kind)]),
                    ("Parter", joined([org(ctx, p) for p in c.parties])),
                    ("Periode", [period(c.period.start, c.period.end)]),
                    ("Fornyes", [labels.label(labels.CADENCE, c.cadence)]),
                    ("Status", [_capital(ctx.contract_status[c.id])]),
                    (
                        "Forgænger",
                        [
                            ref(
                                "contract",
                                c.predecessor,
                                ctx.links.names.get(("contract", c.predecessor), c.predecessor),
                            )
                        ]
                        if c.predecessor
                        else [],
                    ),
                    ("Efterfølger", joined([ref("contract", s.id, s.title) for s in successors])),
                ]
            ),
            cite.line(ctx, cite.sources(ctx, c.sources)),
        ]
        if c.summary:
            blocks.append(text(entry, ("summary",), c.summary))
        if c.extensions:
            ext: list[Inline] = []
            for e in c.extensions:
                line: Inline = [f"Forlænget til {partial_date(e.until)}"]
                if e.decided_by and e.decided_by in ctx.links.items:
                    line += [" (", item_link(ctx.links.items[e.decided_by]), ")"]
                    decided = cite.item_ref_spans(ctx, e.decided_by, "beslutning")
                    line += [" – ", *cite.inline(ctx, decided)]
                ext.append(line)
            blocks.append(section("Forlængelser", [bullets(ext)]))
        if c.payments:
            pay: list[list[Inline]] = [
                [
                    [f"{p.amount:,} kr.".replace(",", ".")],
                    [partial_date(p.year)] if p.year else [""],
                    [org(ctx, p.payer)] if p.payer else [""],
                    [p.description],
                ]
                for p in c.payments
            ]
            blocks.append(section("Beløb", [table(["Beløb", "År", "Betaler", "Beskrivelse"], pay)]))
        matters = ctx.links.matters_by_contract.get(c.id, [])
        if matters:
            blocks.append(
                section("Forløb", [bullets([[ref("matter", m.id, m.title)] for m in matters])])
            )
        blocks.append(
            section(
                "Punkter",
                item_bullets(
                    ctx,
                    paths.page(ctx.prefix, "contract", c.id),
                    f"Punkter om {c.title}",
                    "Punkter",
                    ctx.links.by_contract.get(c.id, []),
                    empty="Ingen punkter endnu.",
                ),
            )
        )
        out[paths.page(ctx.prefix, "contract", c.id)] = view(
            c.title, [section(c.title, blocks, obj=("contract", c.id))]
        )
        rows.append([ref("contract", c.id, c.title), f" ({term(ctx, c)})"])
    rows = danish_sorted(rows, key=lambda row: str(row[0]["text"]))
    out[paths.list_page(ctx.prefix, "contract")] = view(
        "Aftaler",
        [
            para("Kontrakter og aftaler, som KKR Syddanmark er part i eller følger."),
            bullets(rows, "Ingen."),
        ],
        orphan=False,
    )
    return out


def matter_views(ctx: Context) -> dict[str, View]:
    """A page per matter with its items as a timeline, and the list of matters."""
    out: dict[str, View] = {}
    rows: list[Inline] = []
    for entry in ctx.corpus.entries("matter"):
        m = entry.record
        assert isinstance(m, Matter)
        timeline: list[Inline] = []
        for item_ref in m.items:
            info = ctx.links.items.get(item_ref)
            if info is None:
                timeline.append([ref("item", item_ref, item_ref)])
                continue
            # Each step with its outcome: the decision's first sentence, or "dagsorden".
            # A decided step cites its decision's lines; an agenda-only step the item's.
            part = None if info.outcome == "dagsorden" else "beslutning"
            step = cite.item_ref_spans(ctx, item_ref, part)
            timeline.append(
                [item_link(info), " – ", strong(_outcome(info)), " (", *cite.inline(ctx, step), ")"]
            )
        blocks: list[Block] = [
            fields(
                [
                    ("Status", [labels.label(labels.MATTER_STATUS, m.status)]),
                    (
                        "Emner",
                        joined(
                            [
                                ref("topic", t, ctx.links.names.get(("topic", t), t))
                                for t in m.topics
                            ]
                        ),
                    ),
                    (
                        "Aftaler",
                        joined(
                            [
                                ref("contract", c, ctx.links.names.get(("contract", c), c))
                                for c in m.contracts
                            ]
                        ),
                    ),
                    (
                        "Arbejdsgrundlag",
                        joined(
                            [
                                ref("commitment", c, ctx.links.names.get(("commitment", c), c))
                                for c in m.commitments
                            ]
                        ),
                    ),
                ]
            )
        ]
        if m.summary:
            blocks.append(text(entry, ("summary",), m.summary))
            blocks.append(cite.line(ctx, cite.sources(ctx, m.sources)))
        blocks.append(section("Tidslinje", [{"t": "ol", "items": timeline}]))
        out[paths.page(ctx.prefix, "matter", m.id)] = view(
            m.title, [section(m.title, blocks, obj=("matter", m.id))]
        )
        rows.append(
            [
                ref("matter", m.id, m.title),
                f" ({labels.label(labels.MATTER_STATUS, m.status).lower()})",
            ]
        )
    rows = danish_sorted(rows, key=lambda row: str(row[0]["text"]))
    out[paths.list_page(ctx.prefix, "matter")] = view(
        "Forløb",
        [
            para(
                "Et forløb følger ét emne fra møde til møde",
                *_examples(ctx),
                ", med hvert punkt i rækkefølge. Leder du efter KL's sagsnummer for et år, så se ",
                doc(paths.list_page(ctx.prefix, "case"), "Sagsnumre"),
                ".",
            ),
            bullets(rows, "Ingen."),
        ],
        orphan=False,
    )
    return out


def _examples(ctx: Context) -> Inline:
    """ ", fx <forløb> eller <forløb>": the two longest subjects in the records, if any."""
    found = [e.record for e in ctx.corpus.entries("matter") if isinstance(e.record, Matter)]
    # Subjects that run their course make better examples than standing agenda points.
    found.sort(key=lambda m: (m.status.value == "recurring", -len(m.items), m.id))
    picked = [ref("matter", m.id, m.title) for m in found[:2]]
    if not picked:
        return []
    named: Inline = [picked[0]] if len(picked) == 1 else [picked[0], " eller ", picked[1]]
    return [", fx ", *named]


def _outcome(info: ItemInfo) -> str:
    if info.outcome == "dagsorden":
        return "dagsorden (beslutningen er ikke registreret)"
    return "beslutning: " + info.outcome


def topic_views(ctx: Context) -> dict[str, View]:
    """A page per topic (fagområde) and the list of topics."""
    out: dict[str, View] = {}
    rows: list[Inline] = []
    for entry in ctx.corpus.entries("topic"):
        t = entry.record
        assert isinstance(t, Topic)
        blocks: list[Block] = []
        if t.description:
            blocks.append(text(entry, ("description",), t.description))
        matters = ctx.links.matters_by_topic.get(t.id, [])
        if matters:
            blocks.append(
                section("Forløb", [bullets([[ref("matter", m.id, m.title)] for m in matters])])
            )
        orgs = ctx.links.orgs_by_topic.get(t.id, [])
        if orgs:
            blocks.append(
                section(
                    "Organisationer",
                    [
                        bullets(
                            [[org(ctx, o.id)] for o in danish_sorted(orgs, key=lambda o: o.name)]
                        )
                    ],
                )
            )
        page = paths.page(ctx.prefix, "topic", t.id)
        infos = ctx.links.by_topic.get(t.id, [])
        blocks.append(
            section(
                "Punkter",
                item_bullets(
                    ctx,
                    page,
                    f"Punkter om emnet {t.name}",
                    "Punkter",
                    infos,
                    empty="Ingen punkter.",
                ),
            )
        )
        out[page] = view(t.name, [section(t.name, blocks, obj=("topic", t.id))])
        rows.append([ref("topic", t.id, t.name)])
    rows = danish_sorted(rows, key=lambda row: str(row[0]["text"]))
    out[paths.list_page(ctx.prefix, "topic")] = view(
        "Emner", [bullets(rows, "Ingen emner.")], orphan=False
    )
    return out
