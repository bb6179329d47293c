"""The front page: next and latest meeting, latest decisions, the work plan at a glance."""

from __future__ import annotations

from kkr.site import paths, status
from kkr.site.blocks import Block, Inline, bullets, doc, para, search_form, section, toctree
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo
from kkr.site.views.common import Context, View, item_link, meeting_link, view
from kkr.site.views.items import expected_points
from kkr.site.views.workplans import progress, rests_on
from schema.meeting import Meeting
from schema.workplan import WorkPlan

FRONT = "forside"
LATEST_DECISIONS = 6
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
    coming = status.upcoming(ctx.corpus, ctx.today)
    # The latest meeting the records show more than a plan for: a meeting whose day has
    # passed without any document is not the "latest meeting".
    held = [m for m in status.past(ctx.corpus, ctx.today) if not status.tentative(m, ctx.today)]
    blocks: list[Block] = [
        para(
            "Vidensbase for KKR Syddanmark: møder, sager, personer, organisationer, "
            "aftaler og det politiske arbejdsgrundlag."
        ),
        section("Søg", [search_form()], anchor="soeg"),
        section("Næste møde", _next(ctx, coming, held), anchor="naeste-moede"),
        section(
            "Seneste møde",
            [_meeting(ctx, held[-1]) if held else para("Intet afholdt møde er registreret.")],
            anchor="seneste-moede",
        ),
        section(
            "Seneste beslutninger",
            [bullets(_decisions(ctx), "Ingen beslutninger er registreret.")],
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


def _next(ctx: Context, coming: list[Meeting], held: list[Meeting]) -> list[Block]:
    if not coming:
        latest: Inline = (
            [" Seneste registrerede møde: ", meeting_link(held[-1].id, held[-1].date), "."]
            if held
            else []
        )
        return [
            para(
                f"Der er ikke registreret noget møde efter {long_date(ctx.today)}.",
                *latest,
            )
        ]
    out = [_meeting(ctx, coming[0])]
    expected = expected_points(ctx, coming[0])
    if expected:
        out += [para("Forventede punkter:"), bullets(expected)]
    return out


def _meeting(ctx: Context, meeting: Meeting) -> Block:
    parts: Inline = [meeting_link(meeting.id, meeting.date)]
    if meeting.start_time:
        parts.append(f" kl. {meeting.start_time}")
    if meeting.place:
        parts.append(f", {meeting.place}")
    shown = status.shown_status(meeting, ctx.today)
    count = len(meeting.items)
    parts.append(f" ({shown}, {count} punkter)" if count else f" ({shown})")
    return para(*parts)


def latest_decisions(ctx: Context) -> list[ItemInfo]:
    """Decided, non-procedural items, newest meeting first, at most LATEST_DECISIONS."""
    decided = [i for i in ctx.links.items.values() if i.decided and not i.procedural]
    decided.sort(key=lambda i: (-i.date.toordinal(), _number(i.item.number)))
    return decided[:LATEST_DECISIONS]


def _number(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _decisions(ctx: Context) -> list[Inline]:
    return [[item_link(info), f": {info.outcome}"] for info in latest_decisions(ctx)]


def _plan(ctx: Context) -> list[Block]:
    plans = [e.record for e in ctx.corpus.entries("workplan") if isinstance(e.record, WorkPlan)]
    if not plans:
        return [para("Intet arbejdsgrundlag er registreret.")]
    plan = max(plans, key=lambda p: p.date)
    rows: list[Inline] = [
        [
            doc(paths.area_page(ctx.prefix, plan.id, area.id), area.title),
            f": {progress(ctx, plan, area, basis=False)}",
        ]
        for area in plan.areas
    ]
    intro = para(
        doc(paths.progress_page(ctx.prefix, plan.id), "Fremdrift på alle målsætninger"),
        " i ",
        doc(paths.page(ctx.prefix, "workplan", plan.id), plan.title),
        f" ({long_date(plan.date)}); opgørelsen {rests_on(ctx, plan)}:",
    )
    return [intro, bullets(rows)]
