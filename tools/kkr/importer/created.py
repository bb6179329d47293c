"""Records a document establishes that the records folder lacks yet.

Importing into an empty folder must give records that validate without dropping
anything the document says: the council it belongs to, the case handlers'
initials, and the meetings it names as previous and next.
"""

from __future__ import annotations

from typing import Any

from kkr.diagnostics import Code, clipped
from kkr.i18n import _
from kkr.importer.header import Header
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver
from kkr.importer.text import Line

# Minutes approved at a meeting prove the earlier meeting was held; a next meeting is planned.
NEIGHBOUR_STATUS = {"previous": "held", "next": "planned"}


def _source(document: str, line: Line, note: str, quote: str | None = None) -> list[dict[str, str]]:
    cited = {"document": document, "lines": str(line.no)}
    if quote:
        cited["quote"] = " ".join(quote.split())[:200]
    return [cited | {"note": note}]


def council_name(printed: str) -> str:
    """Write a council name printed in capitals as a name: KKR SYDDANMARK → KKR Syddanmark."""
    return " ".join(w if len(w) <= 3 else w.capitalize() for w in printed.split())


def council(
    header: Header, document: str, resolver: Resolver, report: Report
) -> dict[str, dict[str, Any]]:
    """The body and organization records of a council no record describes yet."""
    body_id, name = header.body, council_name(header.body_name)
    source = [
        {
            "document": document,
            "lines": str(header.body_line),
            "quote": header.body_name[:200],
            "note": "created by kkr import from the document header",
        }
    ]
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
        1,
        Code.RECORD_CREATED,
        _("no record describes the council {name!r}; writing body/{id}").format(
            name=clipped(name), id=body_id
        ),
    )
    return created


def staff(
    handlers: list[tuple[str, int]],
    document: str,
    lines: list[Line],
    resolver: Resolver,
    report: Report,
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
                _(
                    "the handler initials {initials!r} match no person's initials, and the id "
                    "{initials!r} is taken; add initials: {initials} to the right person record"
                ).format(initials=initials),
            )
            continue
        resolver.people.add(initials, None, [])
        resolver.initials[initials] = initials
        report.warning(
            line,
            Code.RECORD_CREATED,
            _(
                "no person has the initials {initials!r}; writing people/{initials} (staff, known "
                "by initials only); add the name when it is known"
            ).format(initials=initials),
        )
        # The case line is the first line with text after the heading at ``line``.
        after = line  # the index of the line after the heading
        while after < len(lines) and lines[after].blank:
            after += 1
        case_line = lines[after] if after < len(lines) else lines[line - 1]
        created[f"people/{initials}.yaml"] = {
            "id": initials,
            "kind": "staff",
            "initials": initials,
            "sources": _source(document, case_line, "case-handler initials", initials),
        }
    return created


def neighbour(
    meeting_id: str,
    field_name: str,
    *,
    of: tuple[str, str],
    where: tuple[str, Line],
    resolver: Resolver,
    report: Report,
) -> dict[str, Any]:
    """A record for the previous or next meeting the document names, pointing back at it."""
    document, line = where
    this, body_id = of
    resolver.meetings.add(meeting_id)
    status = NEIGHBOUR_STATUS[field_name]
    report.warning(
        line.no,
        Code.RECORD_CREATED,
        (
            _(
                "no record describes the previous meeting {id}; "
                "writing meetings/{id} with status: {status}"
            )
            if field_name == "previous"
            else _(
                "no record describes the next meeting {id}; "
                "writing meetings/{id} with status: {status}"
            )
        ).format(id=meeting_id, status=status),
    )
    back = "next" if field_name == "previous" else "previous"
    return {
        "id": meeting_id,
        "body": body_id,
        "date": meeting_id,
        "status": status,
        back: this,
        "sources": _source(document, line, f"named as the {field_name} meeting"),
    }
