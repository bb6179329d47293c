"""schema.org Event markup (JSON-LD) for a meeting page."""

from __future__ import annotations

import json
from typing import Any

from kkr.exports.context import ExportContext, meeting_start
from kkr.site.dates import long_date
from kkr.site.links import display_title
from schema.meeting import Meeting


def event(ctx: ExportContext, meeting: Meeting) -> dict[str, Any]:
    """The meeting as a schema.org Event; no end date, since the sources give none."""
    start = meeting_start(meeting)
    body = ctx.body_name(meeting.body)
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": ctx.page_url("meeting", meeting.id) + "#moede",
        "name": f"{body}, møde {long_date(meeting.date)}",
        "startDate": start.isoformat() if start else meeting.date.isoformat(),
        "url": ctx.page_url("meeting", meeting.id),
        "organizer": {"@type": "Organization", "name": body, "url": ctx.front_url},
        "inLanguage": "da",
        # The records know no cancelled or moved meeting; each was held or is to be held.
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if meeting.place:
        out["location"] = {"@type": "Place", "name": meeting.place, "address": meeting.place}
    titles = [f"{item.number} {display_title(item)}" for item in meeting.items]
    if titles:
        out["description"] = "Dagsorden: " + "; ".join(titles)
    return out


def summary(ctx: ExportContext, meeting_id: str) -> str:
    """A one-paragraph description of a meeting for search engines and link previews."""
    entry = ctx.corpus.get("meeting", meeting_id)
    if entry is None or not isinstance(entry.record, Meeting):
        return ""
    found = event(ctx, entry.record)
    where = f", {entry.record.place}" if entry.record.place else ""
    return f"{found['name']}{where}. {found.get('description', '')}".strip()


def script(ctx: ExportContext, meeting_id: str) -> str:
    """The <script type="application/ld+json"> element, safe inside HTML."""
    entry = ctx.corpus.get("meeting", meeting_id)
    if entry is None or not isinstance(entry.record, Meeting):
        return ""
    text = json.dumps(event(ctx, entry.record), ensure_ascii=False, indent=1)
    # "<" never appears raw, so no record text can close the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
