"""Seats (memberships) as readers see them: span, evidence, replacements and current or former."""

from __future__ import annotations

from datetime import date

from kkr.site import labels, status
from kkr.site.blocks import Inline, joined, ref
from kkr.site.dates import long_date, period
from kkr.site.links import ItemInfo
from kkr.site.views import cite
from kkr.site.views.common import Context, org, person
from schema.body import Body, Term
from schema.membership import Membership


def evidence(ctx: Context, seat: Membership) -> list[ItemInfo]:
    """The items that mention the seat, oldest first."""
    found = [ctx.links.items[r] for r in seat.mentioned_in if r in ctx.links.items]
    return sorted(found, key=lambda info: (info.date, info.ref))


def span(ctx: Context, seat: Membership) -> str:
    """E.g. "periode ikke oplyst; nævnt 11. november 2020 – 21. november 2023"."""
    known = period(seat.period.start, seat.period.end)
    seen = evidence(ctx, seat)
    if not seen:
        return known
    first, last = seen[0].date, seen[-1].date
    mentioned = long_date(first) if first == last else f"{long_date(first)} – {long_date(last)}"
    return f"{known}; nævnt {mentioned}"


def _short_item(ctx: Context, item_ref: str | None) -> Inline:
    info = ctx.links.items.get(item_ref or "")
    if info is None:
        return []
    return [" (", ref("item", info.ref, f"{info.item.number}, {long_date(info.date)}"), ")"]


def replacement(ctx: Context, seat: Membership) -> Inline:
    """ "afløste Lone Myrhøj (4.1, 21. november 2023)" and/or "afløst af …"."""
    parts: Inline = []
    predecessor = ctx.corpus.get("membership", seat.replaces) if seat.replaces else None
    if predecessor is not None and isinstance(predecessor.record, Membership):
        parts += ["afløste ", person(ctx, predecessor.record.person)]
        parts += _short_item(ctx, seat.decided_by)
    successor = ctx.links.replaced_by.get(seat.id)
    if successor is not None:
        parts += ["; " if parts else "", "afløst af ", person(ctx, successor.person)]
        parts += _short_item(ctx, successor.decided_by)
    return parts


def former(ctx: Context, seat: Membership, today: date) -> bool:
    """Whether the records show the seat has ended.

    It has when a successor is recorded, when its period ended before the build year, or when
    the seat is known only from mentions and a later list of the same body leaves it out.
    """
    if seat.id in ctx.links.replaced_by:
        return True
    end = seat.period.end
    if end and int(end[:4]) < today.year:
        return True
    seen = evidence(ctx, seat)
    if seen and not seat.period.start:
        body = ctx.links.members.get(seat.organization, [])
        latest = max((e.date for other in body for e in evidence(ctx, other)), default=None)
        return latest is not None and seen[-1].date < latest
    return False


def current_term(ctx: Context, today: date) -> Term | None:
    """The council's election term that runs on ``today``, if the records name one."""
    for entry in ctx.corpus.entries("body"):
        body = entry.record
        if not isinstance(body, Body):
            continue
        for term in body.terms:
            start, end = term.period.start, term.period.end
            if start and end and status.first_day(start) <= today <= status.last_day(end):
                return term
    return None


def last_seen(ctx: Context, seat: Membership) -> date | None:
    """The newest day a source speaks of the seat: an item that mentions or decides it."""
    days = [info.date for info in evidence(ctx, seat)]
    decided = ctx.links.items.get(seat.decided_by or "")
    if decided is not None:
        days.append(decided.date)
    dates = status.document_dates(ctx.corpus)
    days += [dates[s.document] for s in seat.sources if s.document in dates]
    return max(days, default=None)


def current(ctx: Context, seat: Membership, today: date) -> bool:
    """Whether the records support the seat as held on ``today``.

    It is when its period has started and has no end before the day, or when the newest
    source that speaks of it falls in the election term that runs on the day. A seat known
    only from older mentions is not: the sources do not say that it is still held.
    """
    if former(ctx, seat, today):
        return False
    start, end = seat.period.start, seat.period.end
    if start and status.first_day(start) <= today and (not end or status.last_day(end) >= today):
        return True
    term = current_term(ctx, today)
    seen = last_seen(ctx, seat)
    if term is None or seen is None or term.period.start is None:
        return False
    return status.first_day(term.period.start) <= seen <= today


def describe(ctx: Context, seat: Membership, *, show: str) -> Inline:
    """One line about a seat; ``show`` is "person", "org" or "both"."""
    role = seat.title or labels.label(labels.ROLE, seat.role)
    if show == "person":
        parts: Inline = [person(ctx, seat.person), f", {role}"]
    elif show == "org":
        parts = [org(ctx, seat.organization), f", {role}"]
    else:
        parts = [person(ctx, seat.person), " i ", org(ctx, seat.organization), f", {role}"]
    if seat.appointed_by and show != "both":
        parts += [", udpeget af ", org(ctx, seat.appointed_by)]
    parts.append(f" ({span(ctx, seat)})")
    decided = ctx.links.items.get(seat.decided_by or "")
    if decided is not None:
        parts += [" · behandlet under ", ref("item", decided.ref, _item_label(decided))]
    seen = evidence(ctx, seat)
    if seen:
        refs = [ref("item", i.ref, f"{i.item.number}, {long_date(i.date)}") for i in seen]
        # The span above already says "nævnt …"; here only which items, without repeating it.
        parts += [" · se punkt ", *joined(refs, "; ")]
    change = replacement(ctx, seat)
    if change:
        parts += [" · ", *change]
    return [*parts, " · ", *cite.inline(ctx, cite.sources(ctx, seat.sources))]


def _item_label(info: ItemInfo) -> str:
    return f"{long_date(info.date)}: {info.label}"
