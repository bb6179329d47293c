"""The political work plan: an overview, a page per area, and the progress of every commitment.

An item advances a commitment only when the item itself links the commitment, is dated on or
after the plan, and is not procedural (links.PROCEDURAL_SECTIONS). Items that share a matter
with the commitment are shown as related and never counted.
"""

from __future__ import annotations

from kkr.loading.corpus import Entry
from kkr.site import paths, status
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
    toctree,
)
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo
from kkr.site.views import cite
from kkr.site.views.common import Context, View, item_link, item_list, text, view
from schema.matter import Matter
from schema.workplan import Area, WorkPlan

ADVANCED = "Fremmet"
NOT_ADVANCED = "Endnu ikke fremmet"


def related(ctx: Context, plan: WorkPlan, commitment: str) -> list[ItemInfo]:
    """Items of matters that name the commitment, from the plan's date on, not counted."""
    key = f"{plan.id}/{commitment}"
    counted = {info.ref for info in ctx.links.advancing(plan, commitment)}
    found: list[ItemInfo] = []
    for entry in ctx.corpus.entries("matter"):
        matter = entry.record
        if not isinstance(matter, Matter) or key not in matter.commitments:
            continue
        for item_ref in matter.items:
            info = ctx.links.items.get(item_ref)
            if info and info.ref not in counted and info.date >= plan.date:
                found.append(info)
    return found


def progress(ctx: Context, plan: WorkPlan, area: Area, *, basis: bool = True) -> str:
    """E.g. "2 af 5 målsætninger fremmet (bygger på 1 møde med dokumenter siden …)".

    ``basis=False`` leaves out what it rests on, for a list that says it once above.
    """
    done = sum(1 for c in area.commitments if ctx.links.advancing(plan, c.id))
    count = f"{done} af {len(area.commitments)} målsætninger fremmet"
    return f"{count} ({rests_on(ctx, plan)})" if basis else count


def rests_on(ctx: Context, plan: WorkPlan) -> str:
    """What progress can rest on: the meetings with documents from the plan's date on.

    E.g. "bygger på 1 møde med dokumenter siden 30. marts 2022": a count of 0 of 7 means
    little when only one meeting since the plan is in the records.
    """
    count = sum(
        1
        for m in status.meetings(ctx.corpus)
        if m.document is not None and plan.date <= m.date <= ctx.today
    )
    noun = "møde" if count == 1 else "møder"
    return f"bygger på {count} {noun} med dokumenter siden {long_date(plan.date)}"


def workplan_views(ctx: Context) -> dict[str, View]:
    """The work plan overview pages, the progress overview and a page per area."""
    out: dict[str, View] = {}
    plans: list[str] = []
    for entry in ctx.corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        page = paths.page(ctx.prefix, "workplan", plan.id)
        plans.append(page)
        overview: list[Inline] = []
        for index, area in enumerate(plan.areas):
            area_doc = paths.area_page(ctx.prefix, plan.id, area.id)
            shown = progress(ctx, plan, area, basis=False)
            overview.append([doc(area_doc, area.title), f": {shown}"])
            # Outside the navigation: every page's sidebar would list every area (a plan of
            # 400 areas made the build quadratic); the plan page lists them.
            out[area_doc] = view(area.title, [_area(ctx, entry, plan, index, area)])
        overall = paths.progress_page(ctx.prefix, plan.id)
        out[overall] = _progress_view(ctx, plan)
        blocks: list[Block] = [
            fields(
                [
                    ("Sag", [ref("case", plan.case, plan.case)]),
                    ("Dato", [long_date(plan.date)]),
                    ("Valgperiode", [plan.term]),
                ]
            ),
            text(entry, ("introduction",), plan.introduction),
            para(doc(overall, "Alle målsætninger og de punkter, der har fremmet dem")),
            section("Områder", [para(f"Fremdriften {rests_on(ctx, plan)}:"), bullets(overview)]),
        ]
        out[page] = view(
            plan.title, [section(plan.title, blocks, obj=("workplan", plan.id))], orphan=False
        )
    out[paths.list_page(ctx.prefix, "workplan")] = view(
        "Politisk arbejdsgrundlag",
        [toctree(plans)] if plans else [para("Intet arbejdsgrundlag endnu.")],
        orphan=False,
    )
    return out


RULE = (
    "Et punkt tæller som fremdrift på en målsætning, når punktet selv er koblet til "
    "målsætningen, er behandlet den {date} eller senere, og ikke er et fast punkt "
    "(godkendelse af referat, Siden sidst, Punkter til næste møde, Eventuelt). Punkter, der "
    "kun hører til samme forløb som målsætningen, vises som relaterede og tæller ikke med."
)


def _progress_view(ctx: Context, plan: WorkPlan) -> View:
    # A list per area rather than one wide table: it reads the same on a phone.
    areas: list[Block] = []
    total = done = 0
    for area in plan.areas:
        rows: list[Block] = []
        for number, c in enumerate(area.commitments, start=1):
            total += 1
            items = ctx.links.advancing(plan, c.id)
            done += bool(items)
            near = related(ctx, plan, c.id)
            row: Inline = [
                ref("commitment", f"{plan.id}/{c.id}", f"{number}. {_short(c.text)}"),
                " – ",
                strong(ADVANCED if items else NOT_ADVANCED),
            ]
            if items:
                # Each item with the lines that show it, as on the area's page.
                cited = [
                    [item_link(i), " (", *cite.inline(ctx, cite.item_ref_spans(ctx, i.ref)), ")"]
                    for i in items
                ]
                row += [
                    " af ",
                    *[p for n, c in enumerate(cited) for p in (["; "] if n else []) + c],
                ]
            if near:
                row += [". Relateret (tæller ikke): ", *joined([item_link(i) for i in near], "; ")]
            state = "kkr-advanced" if items else "kkr-not-advanced"
            rows.append(para(*row, classes=["kkr-commitment", state]))
        target = paths.area_page(ctx.prefix, plan.id, area.id)
        areas.append(
            section(
                [doc(target, area.title)],
                [para(progress(ctx, plan, area) + "."), *rows],
                anchor=f"fremdrift-{area.id}",
            )
        )
    title = "Fremdrift på arbejdsgrundlaget"
    blocks: list[Block] = [
        para(
            f"{done} af {total} målsætninger i ",
            doc(paths.page(ctx.prefix, "workplan", plan.id), plan.title),
            f" ({long_date(plan.date)}) er fremmet af mindst ét punkt; opgørelsen "
            f"{rests_on(ctx, plan)}.",
        ),
        para(RULE.format(date=long_date(plan.date))),
        *areas,
    ]
    # Outside the navigation too: its table of contents has a heading per area, and Sphinx
    # copies the whole of it for every page's sidebar (kkr.site.navigation shows it instead).
    return view(title, [section(title, blocks, anchor="fremdrift")])


def _short(markdown: str, limit: int = 90) -> str:
    line = " ".join(markdown.split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + " …"


def _printed(ctx: Context, plan: WorkPlan, markdown: str) -> list[cite.Span]:
    """The lines of the plan's document that print a commitment, else the plan's sources."""
    cited = cite.sources(ctx, plan.sources)
    found = ctx.library.find(markdown, cited)
    return [found] if found is not None else cited


def _sourced(ctx: Context, items: list[ItemInfo]) -> list[Inline]:
    """Items that advance a commitment, each with the lines of the item that does."""
    return [
        [*row, " (", *cite.inline(ctx, cite.item_ref_spans(ctx, row[0]["id"])), ")"]
        for row in item_list(items)
    ]


def _area(ctx: Context, entry: Entry, plan: WorkPlan, index: int, area: Area) -> Block:
    path = ("areas", index)
    blocks: list[Block] = [
        para(
            progress(ctx, plan, area),
            ". ",
            doc(paths.progress_page(ctx.prefix, plan.id), "Se alle målsætninger"),
            ".",
        )
    ]
    if area.topics:
        names = [ref("topic", t, ctx.links.names.get(("topic", t), t)) for t in area.topics]
        blocks.append(fields([("Emner", joined(names))]))
    blocks.append(text(entry, (*path, "text"), area.text))
    commitments: list[Block] = []
    for number, c in enumerate(area.commitments):
        items = ctx.links.advancing(plan, c.id)
        near = related(ctx, plan, c.id)
        body: list[Block] = [
            text(entry, (*path, "commitments", number, "text"), c.text),
            cite.line(ctx, _printed(ctx, plan, c.text)),
        ]
        if items:
            body += [para(f"{ADVANCED} af:"), bullets(_sourced(ctx, items))]
        else:
            body.append(para(f"{NOT_ADVANCED} af noget punkt."))
        if near:
            body += [para("Relateret gennem et forløb (tæller ikke):"), bullets(item_list(near))]
        if c.note:
            body.append(text(entry, (*path, "commitments", number, "note"), c.note))
        commitments.append(
            section(
                ctx.links.names[("commitment", f"{plan.id}/{c.id}")],
                body,
                anchor=f"maal-{c.id}",
                obj=("commitment", f"{plan.id}/{c.id}"),
                classes=["kkr-advanced" if items else "kkr-not-advanced"],
            )
        )
    blocks.append(section("Vi vil i KKR Syddanmark", commitments or [para("Ingen målsætninger.")]))
    if area.tasks:
        tasks = [text(entry, (*path, "tasks", n, "text"), t.text) for n, t in enumerate(area.tasks)]
        blocks.append(section("Opgaver", tasks))
    return section(area.title, blocks, anchor=f"omraade-{area.id}")
