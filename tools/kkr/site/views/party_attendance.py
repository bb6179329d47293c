"""The meeting page's "Fremmøde pr. parti": present and absent members counted per party."""

from __future__ import annotations

from typing import Any

from kkr.site import party_attendance
from kkr.site.blocks import Block, Inline, para, section, table
from kkr.site.views.common import Context
from schema.meeting import Meeting
from schema.person import Person


def _person(ctx: Context, person_id: str) -> Person | None:
    entry = ctx.corpus.get("person", person_id)
    found: Any = entry.record if entry else None
    return found if isinstance(found, Person) else None


def party_section(ctx: Context, meeting: Meeting) -> Block:
    """A table of the parties with the members present and absent, and the totals."""
    listed = party_attendance.marks(meeting.present, meeting.absent)
    counts = party_attendance.count(listed, lambda who: _person(ctx, who))
    rows: list[list[Inline]] = [[[c.label], [str(c.present)], [str(c.absent)]] for c in counts]
    here = sum(c.present for c in counts)
    away = sum(c.absent for c in counts)
    rows.append([["I alt"], [str(here)], [str(away)]])
    summary = f"{here} til stede og {away} med afbud, fordelt på partier."
    return section(
        "Fremmøde pr. parti",
        [para(summary), table(["Parti", "Til stede", "Afbud"], rows)],
        anchor="fremmoede-pr-parti",
    )
