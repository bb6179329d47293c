"""One OParl 1.1 object per record: the mapping from our fields to OParl's."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from kkr.exports.context import ZONE, ExportContext, meeting_start
from kkr.exports.oparl_dates import Dates, stamped
from kkr.exports.oparl_names import split
from kkr.site import labels
from kkr.site.dates import long_date
from kkr.site.links import display_title, person_name
from schema.body import Body, Term
from schema.meeting import Item, Meeting
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person

SPEC = "https://schema.oparl.org/1.1/"
VENDOR = "kkr:"
"""The prefix of the properties OParl does not define (docs/oparl.md)."""
Obj = dict[str, Any]
UNKNOWN_TIME = time(12, 0)
"""The time given for a meeting whose records know only its day, marked kkr:startTimeUnknown:
noon, so that the day stays the same in every time zone a client may convert it to."""


def oparl_path(kind: str, key: str) -> str:
    """The site path of one object, e.g. oparl/meeting/2023-11-21.json."""
    return f"oparl/{kind.lower()}/{key}.json"


def object_url(ctx: ExportContext, kind: str, key: str) -> str:
    """The object's absolute URL, which is also its OParl id."""
    return ctx.url(oparl_path(kind, key))


def base(ctx: ExportContext, kind: str, key: str, web: str | None, dates: Dates) -> Obj:
    """The fields every object has: its URL as id, its type, its dates and its page."""
    out: Obj = stamped({"id": object_url(ctx, kind, key), "type": SPEC + kind}, dates)
    if web:
        out["web"] = web
    return out


def _full_date(value: str | None) -> str | None:
    # OParl dates are whole days; a year or month alone would claim a day the sources lack.
    return value if value and len(value) == 10 else None


def item_key(meeting: Meeting, item: Item) -> str:
    """The key of an agenda item's objects, e.g. 2023-11-21-2.4."""
    return f"{meeting.id}-{item.number}"


def term_name(body: Body, term: Term) -> str:
    """The term named by its years, e.g. "KKR Syddanmark, valgperioden 2022-2026"."""
    start, end = (term.period.start or "")[:4], (term.period.end or "")[:4]
    if start and end:
        years = f"{start}-{end}" if start != end else start
    elif end:
        years = f"til {end}"
    else:
        years = f"fra {start}" if start else term.id
    return f"{body.name}, valgperioden {years}"


def _bound(value: str, last: bool) -> tuple[str, str]:
    """A partial date as a whole day, and how much of it the record holds (day, month, year)."""
    if len(value) == 10:
        return value, "day"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        following = date(year + month // 12, month % 12 + 1, 1)
        day = date(year, month, 1) if not last else date.fromordinal(following.toordinal() - 1)
        return day.isoformat(), "month"
    return (f"{value[:4]}-12-31" if last else f"{value[:4]}-01-01"), "year"


def legislative_term(
    ctx: ExportContext, body: Body, term: Term, dates: Dates, first_meeting: date | None
) -> Obj:
    """A LegislativeTerm from one of the body's election terms, named by its years.

    A date the record gives as a year or a month is its first (or last) day, and
    kkr:startDatePrecision says how much of it is known. A term whose start no source gives
    starts at its first meeting in the archive, marked kkr:startDateUnknown (docs/oparl.md).
    """
    out = base(ctx, "LegislativeTerm", f"{body.id}-{term.id}", None, dates)
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = term_name(body, term)
    out[VENDOR + "nameInSources"] = term.name
    if term.period.start:
        out["startDate"], precision = _bound(term.period.start, last=False)
        if precision != "day":
            out[VENDOR + "startDatePrecision"] = precision
    elif first_meeting is not None:
        out["startDate"] = first_meeting.isoformat()
        out[VENDOR + "startDateUnknown"] = True
    if term.period.end:
        out["endDate"], precision = _bound(term.period.end, last=True)
        if precision != "day":
            out[VENDOR + "endDatePrecision"] = precision
    return out


def organization(
    ctx: ExportContext, org: Organization, body: Body, seats: list[str], dates: Dates
) -> Obj:
    """An Organization from an organization record."""
    out = base(ctx, "Organization", org.id, ctx.page_url("organization", org.id), dates)
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = org.name
    if org.abbreviations:
        out["shortName"] = org.abbreviations[0]
    out["organizationType"] = labels.label(labels.ORGANIZATION_KIND, org.kind)
    if org.parent:
        out["subOrganizationOf"] = object_url(ctx, "Organization", org.parent)
    if org.website:
        out["website"] = org.website
    if seats:
        out["membership"] = [object_url(ctx, "Membership", key) for key in seats]
    return out


def membership(ctx: ExportContext, seat: Membership, dates: Dates) -> Obj:
    """A Membership from a membership record."""
    out = base(ctx, "Membership", seat.id, ctx.page_url("person", seat.person), dates)
    out["person"] = object_url(ctx, "Person", seat.person)
    out["organization"] = object_url(ctx, "Organization", seat.organization)
    out["role"] = seat.title or labels.label(labels.ROLE, seat.role)
    for key, value in (("startDate", seat.period.start), ("endDate", seat.period.end)):
        if full := _full_date(value):
            out[key] = full
    if seat.appointed_by:
        out["onBehalfOf"] = object_url(ctx, "Organization", seat.appointed_by)
    return out


def person(ctx: ExportContext, who: Person, body: Body, seats: list[Obj], dates: Dates) -> Obj:
    """A Person from a person record, with its memberships embedded."""
    out = base(ctx, "Person", who.id, ctx.page_url("person", who.id), dates)
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = person_name(who)
    if who.name:
        given, family = split(who.name, who.family_name)
        if given:
            out["givenName"] = given
        if family:
            out["familyName"] = family
    if who.title:
        out["status"] = [who.title]
    if who.phone:
        out["phone"] = [who.phone]
    if who.email:
        out["email"] = [who.email]
    if seats:
        out["membership"] = seats
    return out


def location(ctx: ExportContext, meeting: Meeting, dates: Dates) -> Obj:
    """The place of one meeting, as printed."""
    out = base(ctx, "Location", meeting.id, None, dates)
    out["description"] = meeting.place
    out["meetings"] = [object_url(ctx, "Meeting", meeting.id)]
    return out


def agenda_item(ctx: ExportContext, meeting: Meeting, order: int, item: Item, dates: Dates) -> Obj:
    """An AgendaItem from one item of a meeting."""
    key = item_key(meeting, item)
    out = base(ctx, "AgendaItem", key, ctx.item_url(meeting, item), dates)
    out["meeting"] = object_url(ctx, "Meeting", meeting.id)
    out["number"] = item.number
    out["order"] = order
    out["name"] = display_title(item)
    if item.case:
        out["consultation"] = object_url(ctx, "Consultation", key)
    if item.beslutning:
        out["resolutionText"] = item.beslutning
    keywords = [ctx.links.names.get(("topic", t), t) for t in item.topics]
    if keywords:
        out["keyword"] = keywords
    return out


def start(meeting: Meeting) -> tuple[datetime, bool]:
    """The meeting's start, and whether its time is known (else noon: UNKNOWN_TIME)."""
    known = meeting_start(meeting)
    if known is not None:
        return known, True
    return datetime.combine(meeting.date, UNKNOWN_TIME, tzinfo=ZONE), False


def meeting_obj(
    ctx: ExportContext, meeting: Meeting, body: Body, items: list[Obj], dates: Dates
) -> Obj:
    """A Meeting, with its agenda items and place embedded."""
    out = base(ctx, "Meeting", meeting.id, ctx.page_url("meeting", meeting.id), dates)
    out["name"] = f"{body.name}, møde {long_date(meeting.date)}"
    out["meetingState"] = ctx.status(meeting)
    when, known = start(meeting)
    out["start"] = when.isoformat()
    if not known:
        out[VENDOR + "startTimeUnknown"] = True
    if meeting.place:
        out["location"] = location(ctx, meeting, dates)
    out["organization"] = [object_url(ctx, "Organization", body.organization)]
    if meeting.present:
        out["participant"] = [object_url(ctx, "Person", p) for p in meeting.present]
    if items:
        out["agendaItem"] = items
    return out


def consultation(ctx: ExportContext, meeting: Meeting, item: Item, body: Body, dates: Dates) -> Obj:
    """A Consultation: how one agenda item handled its Paper, at its meeting."""
    key = item_key(meeting, item)
    out = base(ctx, "Consultation", key, ctx.item_url(meeting, item), dates)
    out["paper"] = object_url(ctx, "Paper", key)
    out["agendaItem"] = object_url(ctx, "AgendaItem", key)
    out["meeting"] = object_url(ctx, "Meeting", meeting.id)
    out["organization"] = [object_url(ctx, "Organization", body.organization)]
    return out


def paper(
    ctx: ExportContext,
    meeting: Meeting,
    item: Item,
    body: Body,
    *,
    related: list[str],
    dates: Dates,
) -> Obj:
    """A Paper: one agenda item's case material, under that item's own title.

    Each item with a case number has its own Paper, so that no item is filed under another's
    title; the items of the same case link each other as relatedPaper.
    """
    key = item_key(meeting, item)
    out = base(ctx, "Paper", key, ctx.item_url(meeting, item), dates)
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = display_title(item)
    out["reference"] = str(item.case)
    out["paperType"] = "Sagsfremstilling"
    out[VENDOR + "itemReference"] = f"{meeting.id}/{item.number}"
    out[VENDOR + "case"] = ctx.page_url("case", str(item.case))
    others = [object_url(ctx, "Paper", k) for k in related if k != key]
    if others:
        out["relatedPaper"] = others
    out["consultation"] = [consultation(ctx, meeting, item, body, dates)]
    return out
