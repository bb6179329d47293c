"""A static OParl 1.1 tree: System, Body, its paginated lists, and one file per object."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from kkr.exports import oparl_objects as o
from kkr.exports.context import ExportContext, item_ref
from kkr.exports.license import statement
from kkr.exports.oparl_dates import Stamps, tombstone
from kkr.exports.oparl_files import Files as SourceFiles
from kkr.site.paths import safe_id
from schema.body import Body, Term
from schema.meeting import Meeting
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person

PAGE_SIZE = 20
SYSTEM = "oparl/system.json"
Files = dict[str, bytes]


def dump(value: Any) -> bytes:
    """JSON as written everywhere in the tree: UTF-8, keys in mapping order, one newline."""
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def list_path(base: str, page: int) -> str:
    """The file of one page of a list, e.g. oparl/body/x/meeting.json, then meeting-2.json."""
    return f"{base}.json" if page == 1 else f"{base}-{page}.json"


def paginate(ctx: ExportContext, base: str, objects: list[o.Obj], files: Files) -> str:
    """Write ``objects`` as an OParl list in pages; return the URL of its first page."""
    pages = max(1, -(-len(objects) // PAGE_SIZE))
    for page in range(1, pages + 1):
        links = {"first": ctx.url(list_path(base, 1)), "last": ctx.url(list_path(base, pages))}
        if page > 1:
            links["prev"] = ctx.url(list_path(base, page - 1))
        if page < pages:
            links["next"] = ctx.url(list_path(base, page + 1))
        chunk = objects[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        files[list_path(base, page)] = dump(
            {
                "data": chunk,
                "pagination": {
                    "totalElements": len(objects),
                    "elementsPerPage": PAGE_SIZE,
                    "currentPage": page,
                    "totalPages": pages,
                },
                "links": links,
            }
        )
    return ctx.url(list_path(base, 1))


def _records(ctx: ExportContext, kind: str) -> list[Any]:
    return [e.record for e in ctx.corpus.entries(kind) if safe_id(e.record.id)]


def _store(ctx: ExportContext, files: Files, objects: list[o.Obj]) -> None:
    for obj in objects:
        files[str(obj["id"]).removeprefix(ctx.base_url)] = dump(obj)


def body_lists(ctx: ExportContext, body: Body, files: Files, st: Stamps) -> dict[str, list[o.Obj]]:
    """Every object of the body, by OParl list name; each object also gets its own file."""
    seats = [s for s in _records(ctx, "membership") if isinstance(s, Membership)]
    seats_by_org: defaultdict[str, list[str]] = defaultdict(list)
    seats_by_person: defaultdict[str, list[o.Obj]] = defaultdict(list)
    memberships = []
    for seat in seats:
        obj = o.membership(ctx, seat, st.of("membership", seat.id))
        memberships.append(obj)
        seats_by_org[seat.organization].append(seat.id)
        seats_by_person[seat.person].append(obj)
    orgs = [
        o.organization(ctx, org, body, seats_by_org[org.id], st.of("organization", org.id))
        for org in _records(ctx, "organization")
        if isinstance(org, Organization)
    ]
    people = [
        o.person(ctx, who, body, seats_by_person[who.id], st.of("person", who.id))
        for who in _records(ctx, "person")
        if isinstance(who, Person)
    ]
    by_case: defaultdict[str, list[str]] = defaultdict(list)
    for meeting, item in ctx.items():
        if item.case and safe_id(str(item.case)):
            by_case[str(item.case)].append(o.item_key(meeting, item))
    meetings, items, locations, papers = [], [], [], []
    sources = SourceFiles(ctx)
    for meeting in ctx.meetings():
        dates = st.of("meeting", meeting.id)
        agenda = [
            o.agenda_item(ctx, meeting, n, item, dates) for n, item in enumerate(meeting.items)
        ]
        items.extend(agenda)
        obj = o.meeting_obj(ctx, meeting, body, agenda, dates)
        sources.attach_meeting(obj, meeting)
        meetings.append(obj)
        if "location" in obj:
            locations.append(obj["location"])
        for item in meeting.items:
            if item.case and safe_id(str(item.case)):
                paper = o.paper(
                    ctx, meeting, item, body, related=by_case[str(item.case)], dates=dates
                )
                sources.attach_paper(paper, [ctx.links.items[item_ref(meeting, item)]])
                papers.append(paper)
    consultations = [c for p in papers for c in p["consultation"]]
    terms = [
        o.legislative_term(ctx, body, t, st.of("body", body.id), _first_meeting(ctx, body, t))
        for t in body.terms
        if safe_id(t.id)
    ]
    lists = {
        "organization": orgs,
        "person": people,
        "meeting": meetings,
        "paper": papers,
        "agendaItem": items,
        "consultation": consultations,
        "membership": memberships,
        "locationList": locations,
        "legislativeTermList": terms,
    }
    for objects in lists.values():
        _store(ctx, files, objects)
    # Embedded in the Meetings and Papers, and each in a file of its own at its id.
    _store(ctx, files, sources.objects())
    _tombstones(ctx, st, lists, files)
    return lists


def license_fields(ctx: ExportContext) -> o.Obj:
    """OParl's license URL, or a vendor field saying plainly that no licence has been chosen."""
    if ctx.license:
        return {"license": ctx.license.url}
    return {o.VENDOR + "license": statement(None)}


def _first_meeting(ctx: ExportContext, body: Body, term: Term) -> date | None:
    """The day of the term's first meeting in the archive: before its end, if it has one."""
    end = term.period.end or "9999"
    days = [m.date for m in ctx.meetings() if m.body == body.id]
    return min((d for d in days if d.isoformat()[: len(end)] <= end), default=None)


# Each deleted record's OParl list and type, and the objects made from it.
_DELETED = {
    "person": ("person", "Person"),
    "organization": ("organization", "Organization"),
    "membership": ("membership", "Membership"),
    "meeting": ("meeting", "Meeting"),
}


def _tombstones(
    ctx: ExportContext, st: Stamps, lists: dict[str, list[o.Obj]], files: Files
) -> None:
    """A tombstone for each record deleted in git and each object made from it, in its list."""
    live = {str(obj["id"]) for objects in lists.values() for obj in objects}
    for dead in st.tombstones():
        if dead.kind not in _DELETED or not safe_id(dead.record.id):
            continue
        name, kind = _DELETED[dead.kind]
        found = [(name, kind, dead.record.id)]
        if isinstance(dead.record, Meeting):
            for item in dead.record.items:
                key = o.item_key(dead.record, item)
                found.append(("agendaItem", "AgendaItem", key))
                if item.case:
                    found += [("paper", "Paper", key), ("consultation", "Consultation", key)]
            if dead.record.place:
                found.append(("locationList", "Location", dead.record.id))
        _bury(ctx, found, dead.deleted, live=live, lists=lists, files=files)
    # An item removed from a meeting that still exists: its objects are gone as well.
    for meeting, item, when in st.removed_items():
        key = o.item_key(meeting, item)
        found = [("agendaItem", "AgendaItem", key)]
        if item.case:
            found += [("paper", "Paper", key), ("consultation", "Consultation", key)]
        _bury(ctx, found, when, live=live, lists=lists, files=files)
    for objects in lists.values():
        objects.sort(key=lambda obj: str(obj["id"]))


def _bury(
    ctx: ExportContext,
    found: list[tuple[str, str, str]],
    when: datetime,
    *,
    live: set[str],
    lists: dict[str, list[o.Obj]],
    files: Files,
) -> None:
    """Add a tombstone for each (list, type, key) whose object is not live, once."""
    for list_name, type_name, key in found:
        url = o.object_url(ctx, type_name, key)
        if url in live:
            continue
        live.add(url)
        obj = tombstone(url, type_name, o.SPEC, when)
        lists[list_name].append(obj)
        files[url.removeprefix(ctx.base_url)] = dump(obj)


def body_obj(ctx: ExportContext, body: Body, files: Files, st: Stamps) -> o.Obj:
    """The Body with the URLs of its lists; writes the lists and their objects."""
    out = o.base(ctx, "Body", body.id, ctx.front_url, st.of("body", body.id))
    out["system"] = ctx.url(SYSTEM)
    out["name"] = body.name
    out["website"] = ctx.base_url
    out.update(license_fields(ctx))
    # No mainOrganization: the draft-07 schema's "$ref": "Organization" demands an object
    # where master demands a URL, so no value passes both; the Meeting objects name it instead.
    lists = body_lists(ctx, body, files, st)
    for name, objects in lists.items():
        out[name] = paginate(ctx, f"oparl/body/{body.id}/{name}", objects, files)
    out["legislativeTerm"] = lists["legislativeTermList"]
    return out


def export(ctx: ExportContext) -> Files:
    """Every file of the OParl tree, keyed by its path under the site root."""
    files: Files = {}
    st = Stamps.create(ctx)
    bodies = [
        body_obj(ctx, body, files, st) for body in _records(ctx, "body") if isinstance(body, Body)
    ]
    _store(ctx, files, bodies)
    system = {
        "id": ctx.url(SYSTEM),
        "type": o.SPEC + "System",
        "oparlVersion": o.SPEC,
        "body": paginate(ctx, "oparl/bodies", bodies, files),
        "name": "KKR Syddanmark – vidensbase",
        "website": ctx.base_url,
        "web": ctx.front_url,
        **license_fields(ctx),
        o.VENDOR + "datesFrom": st.source(),
    }
    files[SYSTEM] = dump(system)
    return dict(sorted(files.items()))
