"""Checks within a meeting: item numbering and the links to neighbouring meetings."""

from __future__ import annotations

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.corpus import Corpus, Entry
from schema.meeting import Meeting


def _number(text: str) -> tuple[int, int]:
    section, item = text.split(".")
    return int(section), int(item)


def check_items(entry: Entry, meeting: Meeting) -> None:
    """Item numbers are unique, ascending, within a declared section and without gaps."""
    sections = {section.number for section in meeting.sections}
    seen: dict[str, int] = {}
    previous: tuple[int, int] | None = None
    for index, item in enumerate(meeting.items):
        at = entry.locate(("items", index, "number"))
        number = _number(item.number)
        if item.number in seen:
            first = entry.locate(("items", seen[item.number], "number"))
            entry.document.error(
                at,
                Code.ITEM_NUMBERING,
                f"item number {item.number} is used twice (first at line {first.line}); "
                "number items uniquely, e.g. 3.7",
            )
            continue
        seen[item.number] = index
        if sections and str(number[0]) not in sections:
            entry.document.error(
                at,
                Code.ITEM_NUMBERING,
                f"item {item.number} belongs to section {number[0]}, which the meeting does "
                f"not list; add it under sections, e.g. {{number: '{number[0]}', title: ...}}",
            )
        if previous is not None and number < previous:
            entry.document.error(
                at,
                Code.ITEM_NUMBERING,
                f"item {item.number} comes after {previous[0]}.{previous[1]}; list items in "
                "agenda order",
            )
        elif number[1] != 1 and (previous is None or previous != (number[0], number[1] - 1)):
            entry.document.warning(
                at,
                Code.NUMBERING_GAP,
                f"item {item.number} does not follow {number[0]}.{number[1] - 1}; check for a "
                "missing item",
            )
        previous = number
        presenters = set(item.presenters)
        for p, person in enumerate(item.people):
            if person in presenters:
                entry.document.warning(
                    entry.locate(("items", index, "people", p)),
                    Code.DUPLICATE_LINK,
                    f"{person} presents item {item.number} and is listed again under people, "
                    "which names the others the item concerns; remove it from people",
                )


def check_links(entry: Entry, meeting: Meeting, corpus: Corpus) -> None:
    """Previous and next meetings lie on the right side in time and point back."""
    for field, later, back in (("previous", False, "next"), ("next", True, "previous")):
        other_id = getattr(meeting, field)
        other = corpus.get("meeting", other_id) if other_id else None
        if other is None:
            continue
        assert isinstance(other.record, Meeting)
        if (other.record.date > meeting.date) != later or other.record.date == meeting.date:
            entry.document.error(
                entry.locate((field,)),
                Code.MEETING_ORDER,
                f"the {field} meeting {other_id} is {'before' if later else 'after'} this "
                f"meeting ({meeting.id}); swap previous and next",
            )
            continue
        points_back = getattr(other.record, back)
        if points_back != meeting.id:
            shown = f"{back}: {points_back}" if points_back is not None else f"no {back}"
            entry.document.warning(
                entry.locate((field,)),
                Code.MEETING_LINK,
                _(
                    "{other} gives {shown}, not {this}; make the two meetings point at each "
                    "other, e.g. {back}: '{this}' in {other}"
                ).format(other=other_id, shown=shown, this=meeting.id, back=back),
            )


def check_promises(entry: Entry, meeting: Meeting) -> None:
    """A promised point looks forward: to a later meeting, and to an item of that meeting."""
    for i, item in enumerate(meeting.items):
        for p, promise in enumerate(item.promised):
            base = ("items", i, "promised", p)
            became = promise.item.split("/")[0] if promise.item else None
            if became and promise.meeting and became != promise.meeting:
                entry.document.error(
                    entry.locate((*base, "item")),
                    Code.INVALID_VALUE,
                    f"the item {promise.item} is not on the meeting {promise.meeting} the point "
                    f"was promised for; use an item of it, e.g. {promise.meeting}/2.1",
                )
                continue
            later = promise.meeting or became
            if later is not None and later <= meeting.id:
                entry.document.error(
                    entry.locate((*base, "meeting" if promise.meeting else "item")),
                    Code.MEETING_ORDER,
                    f"the point is promised at {meeting.id} for {later}, which is not later; "
                    f"name a coming meeting, e.g. meeting: {meeting.next or 'YYYY-MM-DD'}",
                )
