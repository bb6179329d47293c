"""The front page: next and latest meeting, latest decisions, the work plan at a glance."""

from __future__ import annotations

from kkr.site import labels, paths
from kkr.site.blocks import Block, Inline, bullets, doc, para, search_form, section, toctree
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo
from kkr.site.views.common import Context, View, item_link, meeting_link, view
from kkr.site.views.workplans import progress
from schema.meeting import Meeting
from schema.workplan import WorkPlan

FRONT = "forside"
HELD = frozenset({"held", "minutes-approved"})
LATEST_DECISIONS = 5
LIST_KINDS = (
    "meeting",
    "matter",
    "case",
    "person",
    "organization",
    "contract",
    "workplan",
    "topic",
)


def front_view(ctx: Context, extra_docs: list[str]) -> View:
    """The front page model; ``extra_docs`` are hand-written pages to add to the menu."""
    meetings = [e.record for e in ctx.corpus.entries("meeting") if isinstance(e.record, Meeting)]
    # "Next" is relative to the records, not to today, so that the same records always give
    # the same site: every meeting up to the last one known to be held counts as held.
    held_dates = [m.date for m in meetings if str(m.status.value) in HELD]
    last_held = max(held_dates) if held_dates else None
    held = [m for m in meetings if last_held is not None and m.date <= last_held]
    upcoming = [m for m in meetings if last_held is None or m.date > last_held]
    blocks: list[Block] = [
        para(
            "Vidensbase for KKR Syddanmark: møder, sager, personer, organisationer, "
            "aftaler og det politiske arbejdsgrundlag."
        ),
        section("Søg", [search_form()], anchor="soeg"),
        section(
            "Næste møde",
            [_meeting(upcoming[0] if upcoming else None, "Intet kommende møde er registreret.")],
            anchor="naeste-moede",
        ),
        section(
            "Seneste møde",
            [_meeting(held[-1] if held else None, "Intet afholdt møde er registreret.")],
            anchor="seneste-moede",
        ),
        section(
            "Seneste beslutninger",
            [bullets(_decisions(ctx), "Ingen beslutninger endnu.")],
            anchor="seneste-beslutninger",
        ),
        section("Arbejdsgrundlaget", _plan(ctx), anchor="arbejdsgrundlaget"),
        toctree(
            [paths.list_page(ctx.prefix, kind) for kind in LIST_KINDS] + extra_docs,
            "Indhold",
            hidden=True,
        ),
    ]
    return view("KKR Syddanmark", blocks, orphan=False, wrap=False)


def _meeting(meeting: Meeting | None, empty: str) -> Block:
    if meeting is None:
        return para(empty)
    parts: Inline = [meeting_link(meeting.id, meeting.date)]
    if meeting.start_time:
        parts.append(f" kl. {meeting.start_time}")
    if meeting.place:
        parts.append(f", {meeting.place}")
    status = labels.label(labels.MEETING_STATUS, meeting.status).lower()
    parts.append(f" ({status}, {len(meeting.items)} punkter)" if meeting.items else f" ({status})")
    return para(*parts)


def _decisions(ctx: Context) -> list[Inline]:
    decided: list[ItemInfo] = [
        i for i in ctx.links.items.values() if i.item.beslutning and i.item.beslutning.strip()
    ]
    latest = max((i.date for i in decided), default=None)
    recent = sorted(
        (i for i in decided if i.date == latest),
        key=lambda i: tuple(int(part) for part in i.item.number.split(".")),
    )
    return [[item_link(info)] for info in recent[:LATEST_DECISIONS]]


def _plan(ctx: Context) -> list[Block]:
    plans = [e.record for e in ctx.corpus.entries("workplan") if isinstance(e.record, WorkPlan)]
    if not plans:
        return [para("Intet arbejdsgrundlag er registreret.")]
    plan = max(plans, key=lambda p: p.date)
    rows: list[Inline] = [
        [
            doc(paths.area_page(ctx.prefix, plan.id, area.id), area.title),
            f": {progress(ctx, plan, area)}",
        ]
        for area in plan.areas
    ]
    intro = para(
        doc(paths.page(ctx.prefix, "workplan", plan.id), plan.title), f" ({long_date(plan.date)})"
    )
    return [intro, bullets(rows)]
