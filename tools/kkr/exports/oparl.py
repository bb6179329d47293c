"""A static OParl 1.1 tree: System, Body, its paginated lists, and one file per object."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from kkr.exports import oparl_objects as o
from kkr.exports.context import ExportContext
from kkr.exports.license import statement
from kkr.exports.oparl_files import Files as SourceFiles
from kkr.site.paths import safe_id
from schema.body import Body
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


def body_lists(ctx: ExportContext, body: Body, files: Files) -> dict[str, list[o.Obj]]:
    """Every object of the body, by OParl list name; each object also gets its own file."""
    seats = [s for s in _records(ctx, "membership") if isinstance(s, Membership)]
    seats_by_org: defaultdict[str, list[str]] = defaultdict(list)
    seats_by_person: defaultdict[str, list[o.Obj]] = defaultdict(list)
    memberships = []
    for seat in seats:
        obj = o.membership(ctx, seat)
        memberships.append(obj)
        seats_by_org[seat.organization].append(seat.id)
        seats_by_person[seat.person].append(obj)
    orgs = [
        o.organization(ctx, org, body, seats_by_org[org.id])
        for org in _records(ctx, "organization")
        if isinstance(org, Organization)
    ]
    people = [
        o.person(ctx, who, body, seats_by_person[who.id])
        for who in _records(ctx, "person")
        if isinstance(who, Person)
    ]
    meetings, items, locations = [], [], []
    sources = SourceFiles(ctx)
    for meeting in ctx.meetings():
        agenda = [o.agenda_item(ctx, meeting, n, item) for n, item in enumerate(meeting.items)]
        items.extend(agenda)
        obj = o.meeting_obj(ctx, meeting, body, agenda)
        sources.attach_meeting(obj, meeting)
        meetings.append(obj)
        if "location" in obj:
            locations.append(obj["location"])
    papers = []
    for case, infos in sorted(ctx.links.by_case.items()):
        if safe_id(case):
            papers.append(o.paper(ctx, case, infos, body))
            sources.attach_paper(papers[-1], infos)
    consultations = [c for p in papers for c in p["consultation"]]
    terms = [o.legislative_term(ctx, body, t) for t in body.terms if safe_id(t.id)]
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
    return lists


def license_fields(ctx: ExportContext) -> o.Obj:
    """OParl's license URL, or a vendor field saying plainly that no licence has been chosen."""
    if ctx.license:
        return {"license": ctx.license.url}
    return {"kkr:license": statement(None)}


def body_obj(ctx: ExportContext, body: Body, files: Files) -> o.Obj:
    """The Body with the URLs of its lists; writes the lists and their objects."""
    out = o.base(ctx, "Body", body.id, ctx.front_url)
    out["system"] = ctx.url(SYSTEM)
    out["name"] = body.name
    out["website"] = ctx.base_url
    out.update(license_fields(ctx))
    # No mainOrganization: the draft-07 schema's "$ref": "Organization" demands an object
    # where master demands a URL, so no value passes both; the Meeting objects name it instead.
    lists = body_lists(ctx, body, files)
    for name, objects in lists.items():
        out[name] = paginate(ctx, f"oparl/body/{body.id}/{name}", objects, files)
    out["legislativeTerm"] = lists["legislativeTermList"]
    return out


def export(ctx: ExportContext) -> Files:
    """Every file of the OParl tree, keyed by its path under the site root."""
    files: Files = {}
    bodies = [
        body_obj(ctx, body, files) for body in _records(ctx, "body") if isinstance(body, Body)
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
    }
    files[SYSTEM] = dump(system)
    return dict(sorted(files.items()))
