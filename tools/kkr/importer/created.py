"""Records a document establishes that the records folder lacks yet.

Importing into an empty folder must give records that validate without dropping
anything the document says: the council it belongs to, the case handlers'
initials, and the meetings it names as previous and next.
"""

from __future__ import annotations

from typing import Any

from kkr.diagnostics import Code
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver

# Minutes approved at a meeting prove the earlier meeting was held; a next meeting is planned.
NEIGHBOUR_STATUS = {"previous": "held", "next": "planned"}


def _source(document: str, line: int, note: str) -> list[dict[str, str]]:
    return [{"document": document, "lines": str(line), "note": note}]


def council_name(printed: str) -> str:
    """Write a council name printed in capitals as a name: KKR SYDDANMARK → KKR Syddanmark."""
    return " ".join(w if len(w) <= 3 else w.capitalize() for w in printed.split())


def council(
    body_id: str, printed: str, document: str, resolver: Resolver, report: Report
) -> dict[str, dict[str, Any]]:
    """The body and organization records of a council no record describes yet."""
    name = council_name(printed)
    source = _source(document, 1, "created by kkr import from the document header")
    created: dict[str, dict[str, Any]] = {}
    if body_id not in resolver.organizations.ids:
        created[f"organizations/{body_id}.yaml"] = {
            "id": body_id,
            "name": name,
            "kind": "council",
            "sources": source,
        }
        resolver.organizations.add(body_id, name, [])
    created[f"body/{body_id}.yaml"] = {
        "id": body_id,
        "name": name,
        "organization": body_id,
        "sources": source,
    }
    resolver.bodies.add(body_id)
    report.warning(
        1, Code.RECORD_CREATED, f"no record describes the council {name!r}; writing body/{body_id}"
    )
    return created


def staff(
    handlers: list[tuple[str, int]], document: str, resolver: Resolver, report: Report
) -> dict[str, dict[str, Any]]:
    """Person records for case-handler initials no record carries, where the id is free."""
    created: dict[str, dict[str, Any]] = {}
    for initials, line in handlers:
        if initials in resolver.initials:
            continue
        if initials in resolver.people.ids:
            report.warning(
                line,
                Code.UNRESOLVED_REFERENCE,
                f"the handler initials {initials!r} match no person's initials, and the id "
                f"{initials!r} is taken; add initials: {initials} to the right person record",
            )
            continue
        resolver.people.add(initials, None, [])
        resolver.initials[initials] = initials
        report.warning(
            line,
            Code.RECORD_CREATED,
            f"no person has the initials {initials!r}; writing people/{initials} (staff, known "
            "by initials only); add the name when it is known",
        )
        created[f"people/{initials}.yaml"] = {
            "id": initials,
            "kind": "staff",
            "initials": initials,
            "sources": _source(document, line, "case-handler initials"),
        }
    return created


def neighbour(
    meeting_id: str,
    field_name: str,
    *,
    body_id: str,
    where: tuple[str, int],
    resolver: Resolver,
    report: Report,
) -> dict[str, Any]:
    """A record for the previous or next meeting the document names."""
    document, line = where
    resolver.meetings.add(meeting_id)
    status = NEIGHBOUR_STATUS[field_name]
    report.warning(
        line,
        Code.RECORD_CREATED,
        f"no record describes the {field_name} meeting {meeting_id}; writing "
        f"meetings/{meeting_id} ({status})",
    )
    return {
        "id": meeting_id,
        "body": body_id,
        "date": meeting_id,
        "status": status,
        "sources": _source(document, line, f"named as the {field_name} meeting"),
    }
