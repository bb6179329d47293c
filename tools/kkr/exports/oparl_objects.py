"""One OParl 1.1 object per record: the mapping from our fields to OParl's."""

from __future__ import annotations

from typing import Any

from kkr.exports.context import ExportContext, meeting_start
from kkr.site import labels
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo, person_name
from schema.body import Body, Term
from schema.meeting import Item, Meeting
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person

SPEC = "https://schema.oparl.org/1.1/"
Obj = dict[str, Any]


def oparl_path(kind: str, key: str) -> str:
    """The site path of one object, e.g. oparl/meeting/2023-11-21.json."""
    return f"oparl/{kind.lower()}/{key}.json"


def object_url(ctx: ExportContext, kind: str, key: str) -> str:
    """The object's absolute URL, which is also its OParl id."""
    return ctx.url(oparl_path(kind, key))


def base(ctx: ExportContext, kind: str, key: str, web: str | None) -> Obj:
    """The fields every object has: its URL as id, its type and its page on the site."""
    out: Obj = {"id": object_url(ctx, kind, key), "type": SPEC + kind}
    if web:
        out["web"] = web
    return out


def _full_date(value: str | None) -> str | None:
    # OParl dates are whole days; a year or month alone would claim a day the sources lack.
    return value if value and len(value) == 10 else None


def item_key(meeting: Meeting, item: Item) -> str:
    """The key of an agenda item's objects, e.g. 2023-11-21-2.4."""
    return f"{meeting.id}-{item.number}"


def legislative_term(ctx: ExportContext, body: Body, term: Term) -> Obj:
    """A LegislativeTerm from one of the body's election terms."""
    out = base(ctx, "LegislativeTerm", f"{body.id}-{term.id}", None)
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = term.name
    for key, value in (("startDate", term.period.start), ("endDate", term.period.end)):
        if full := _full_date(value):
            out[key] = full
    return out


def organization(ctx: ExportContext, org: Organization, body: Body, seats: list[str]) -> Obj:
    """An Organization from an organization record."""
    out = base(ctx, "Organization", org.id, ctx.page_url("organization", org.id))
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


def membership(ctx: ExportContext, seat: Membership) -> Obj:
    """A Membership from a membership record."""
    out = base(ctx, "Membership", seat.id, ctx.page_url("person", seat.person))
    out["person"] = object_url(ctx, "Person", seat.person)
    out["organization"] = object_url(ctx, "Organization", seat.organization)
    out["role"] = seat.title or labels.label(labels.ROLE, seat.role)
    for key, value in (("startDate", seat.period.start), ("endDate", seat.period.end)):
        if full := _full_date(value):
            out[key] = full
    if seat.appointed_by:
        out["onBehalfOf"] = object_url(ctx, "Organization", seat.appointed_by)
    return out


def person(ctx: ExportContext, who: Person, body: Body, seats: list[Obj]) -> Obj:
    """A Person from a person record, with its memberships embedded."""
    out = base(ctx, "Person", who.id, ctx.page_url("person", who.id))
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = person_name(who)
    if who.title:
        out["status"] = [who.title]
    if who.phone:
        out["phone"] = [who.phone]
    if who.email:
        out["email"] = [who.email]
    if seats:
        out["membership"] = seats
    return out


def location(ctx: ExportContext, meeting: Meeting) -> Obj:
    """The place of one meeting, as printed."""
    out = base(ctx, "Location", meeting.id, None)
    out["description"] = meeting.place
    out["meetings"] = [object_url(ctx, "Meeting", meeting.id)]
    return out


def agenda_item(ctx: ExportContext, meeting: Meeting, order: int, item: Item) -> Obj:
    """An AgendaItem from one item of a meeting."""
    key = item_key(meeting, item)
    out = base(ctx, "AgendaItem", key, ctx.item_url(meeting, item))
    out["meeting"] = object_url(ctx, "Meeting", meeting.id)
    out["number"] = item.number
    out["order"] = order
    out["name"] = item.title
    if item.case:
        out["consultation"] = object_url(ctx, "Consultation", key)
    if item.beslutning:
        out["resolutionText"] = item.beslutning
    keywords = [ctx.links.names.get(("topic", t), t) for t in item.topics]
    if keywords:
        out["keyword"] = keywords
    return out


def meeting_obj(ctx: ExportContext, meeting: Meeting, body: Body, items: list[Obj]) -> Obj:
    """A Meeting, with its agenda items and place embedded."""
    out = base(ctx, "Meeting", meeting.id, ctx.page_url("meeting", meeting.id))
    out["name"] = f"{body.name}, møde {long_date(meeting.date)}"
    out["meetingState"] = ctx.status(meeting)
    start = meeting_start(meeting)
    if start:
        out["start"] = start.isoformat()
    if meeting.place:
        out["location"] = location(ctx, meeting)
    out["organization"] = [object_url(ctx, "Organization", body.organization)]
    if meeting.present:
        out["participant"] = [object_url(ctx, "Person", p) for p in meeting.present]
    if items:
        out["agendaItem"] = items
    return out


def consultation(ctx: ExportContext, info: ItemInfo, body: Body) -> Obj:
    """A Consultation: one item's handling of a case file (Paper)."""
    key = item_key(info.meeting, info.item)
    out = base(ctx, "Consultation", key, ctx.item_url(info.meeting, info.item))
    out["paper"] = object_url(ctx, "Paper", str(info.item.case))
    out["agendaItem"] = object_url(ctx, "AgendaItem", key)
    out["meeting"] = object_url(ctx, "Meeting", info.meeting.id)
    out["organization"] = [object_url(ctx, "Organization", body.organization)]
    return out


def paper(ctx: ExportContext, case: str, infos: list[ItemInfo], body: Body) -> Obj:
    """A Paper from a case file, with every item that handled it as a Consultation."""
    out = base(ctx, "Paper", case, ctx.page_url("case", case))
    out["body"] = object_url(ctx, "Body", body.id)
    out["name"] = infos[0].item.title
    out["reference"] = case
    out["paperType"] = "Sag"
    out["consultation"] = [consultation(ctx, info, body) for info in infos]
    return out
