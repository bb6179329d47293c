"""Checks within a meeting: item numbering and the links to neighbouring meetings."""

from __future__ import annotations

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.corpus import Corpus, Entry
from schema.meeting import Meeting


def _number(text: str) -> tuple[int, int]:
    section, item = text.split(".")
    return int(section), int(item)


def _free(meeting: Meeting, number: tuple[int, int]) -> str:
    """The first number after ``number`` in its section that no item of the meeting uses."""
    used = {_number(item.number) for item in meeting.items}
    section, free = number
    while (section, free) in used:
        free += 1
    return f"{section}.{free}"


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
                _(
                    "item number {number} is used twice (first at line {line}); give each item "
                    "its own number, e.g. {free}, the next free number in section {section}"
                ).format(
                    number=item.number,
                    line=first.line,
                    free=_free(meeting, number),
                    section=number[0],
                ),
            )
            continue
        seen[item.number] = index
        if sections and str(number[0]) not in sections:
            entry.document.error(
                at,
                Code.ITEM_NUMBERING,
                _(
                    "item {number} belongs to section {section}, which the meeting does not "
                    "list; add it under sections, e.g. {{number: '{section}', title: ...}}"
                ).format(number=item.number, section=number[0]),
            )
        if previous is not None and number < previous:
            entry.document.error(
                at,
                Code.ITEM_NUMBERING,
                _("item {number} comes after {previous}; list items in agenda order").format(
                    number=item.number, previous=f"{previous[0]}.{previous[1]}"
                ),
            )
        elif number[1] != 1 and (previous is None or previous != (number[0], number[1] - 1)):
            entry.document.warning(
                at,
                Code.NUMBERING_GAP,
                _("item {number} does not follow {previous}; check for a missing item").format(
                    number=item.number, previous=f"{number[0]}.{number[1] - 1}"
                ),
            )
        previous = number
        presenters = set(item.presenters)
        for p, person in enumerate(item.people):
            if person in presenters:
                entry.document.warning(
                    entry.locate(("items", index, "people", p)),
                    Code.DUPLICATE_LINK,
                    _(
                        "{person} presents item {number} and is listed again under people, "
                        "which names the others the item concerns; remove it from people"
                    ).format(person=person, number=item.number),
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
                (
                    _(
                        "the next meeting {other} is before this meeting ({id}); swap previous "
                        "and next"
                    )
                    if later
                    else _(
                        "the previous meeting {other} is after this meeting ({id}); swap previous "
                        "and next"
                    )
                ).format(other=other_id, id=meeting.id),
            )
            continue
        points_back = getattr(other.record, back)
        if points_back == meeting.id:
            continue
        if points_back is None:
            message = _(
                "{other} gives no {back}; make the two meetings point at each other, e.g. "
                "{back}: '{this}' in {other}"
            )
        else:
            message = _(
                "{other} gives {back}: {value}, not {this}; make the two meetings point at each "
                "other, e.g. {back}: '{this}' in {other}"
            )
        entry.document.warning(
            entry.locate((field,)),
            Code.MEETING_LINK,
            message.format(other=other_id, back=back, value=points_back, this=meeting.id),
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
                    _(
                        "the item {item} is not on the meeting {meeting} the point was promised "
                        "for; use an item of it, e.g. {meeting}/2.1"
                    ).format(item=promise.item, meeting=promise.meeting),
                )
                continue
            later = promise.meeting or became
            if later is not None and later <= meeting.id:
                entry.document.error(
                    entry.locate((*base, "meeting" if promise.meeting else "item")),
                    Code.MEETING_ORDER,
                    _(
                        "the point is promised at {id} for {later}, which is not later; name a "
                        "coming meeting, e.g. meeting: {example}"
                    ).format(id=meeting.id, later=later, example=meeting.next or "YYYY-MM-DD"),
                )
