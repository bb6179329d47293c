"""The political work plan: an overview, a page per area and its commitments."""

from __future__ import annotations

from kkr.site import paths
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
    toctree,
)
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo
from kkr.site.views.common import Context, View, item_list, text, view
from schema.workplan import Area, WorkPlan


def advanced(ctx: Context, workplan: str, commitment: str) -> list[ItemInfo]:
    """Items that advanced a commitment, directly or through a matter."""
    key = f"{workplan}/{commitment}"
    found = list(ctx.links.by_commitment.get(key, []))
    for entry in ctx.corpus.entries("matter"):
        if key in getattr(entry.record, "commitments", []):
            found.extend(
                ctx.links.items[r]
                for r in getattr(entry.record, "items", [])
                if r in ctx.links.items
            )
    return found


def progress(ctx: Context, plan: WorkPlan, area: Area) -> str:
    """E.g. "2 af 5 målsætninger fremmet"."""
    done = sum(1 for c in area.commitments if advanced(ctx, plan.id, c.id))
    return f"{done} af {len(area.commitments)} målsætninger fremmet"


def workplan_views(ctx: Context) -> dict[str, View]:
    """The work plan overview pages and a page per area."""
    out: dict[str, View] = {}
    plans: list[str] = []
    for entry in ctx.corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        page = paths.page(ctx.prefix, "workplan", plan.id)
        plans.append(page)
        areas: list[str] = []
        overview: list[Inline] = []
        for index, area in enumerate(plan.areas):
            area_doc = paths.area_page(ctx.prefix, plan.id, area.id)
            areas.append(area_doc)
            overview.append([doc(area_doc, area.title), f": {progress(ctx, plan, area)}"])
            out[area_doc] = view(area.title, [_area(ctx, entry, plan, index, area)], orphan=False)
        blocks: list[Block] = [
            fields(
                [
                    ("Sag", [ref("case", plan.case, plan.case)]),
                    ("Dato", [long_date(plan.date)]),
                    ("Valgperiode", [plan.term]),
                ]
            ),
            text(entry, ("introduction",), plan.introduction),
            section("Områder", [bullets(overview), toctree(areas, hidden=True)]),
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


def _area(ctx: Context, entry: object, plan: WorkPlan, index: int, area: Area) -> Block:
    from kkr.loading.corpus import Entry

    assert isinstance(entry, Entry)
    path = ("areas", index)
    blocks: list[Block] = [para(progress(ctx, plan, area) + ".")]
    if area.topics:
        blocks.append(
            fields(
                [
                    (
                        "Emner",
                        joined(
                            [
                                ref("topic", t, ctx.links.names.get(("topic", t), t))
                                for t in area.topics
                            ]
                        ),
                    )
                ]
            )
        )
    blocks.append(text(entry, (*path, "text"), area.text))
    commitments: list[Block] = []
    for number, c in enumerate(area.commitments):
        items = advanced(ctx, plan.id, c.id)
        status = "Fremmet af:" if items else "Endnu ikke fremmet af noget punkt."
        body: list[Block] = [
            text(entry, (*path, "commitments", number, "text"), c.text),
            para(status),
        ]
        if items:
            body.append(bullets(item_list(items)))
        commitments.append(
            section(
                f"Målsætning {c.id}",
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
