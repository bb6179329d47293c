"""What changed in one meeting: its status, attendance and items, field by field."""

from __future__ import annotations

from collections.abc import Iterator

from kkr.changes.fields import field_label
from kkr.changes.names import Names, meeting_date
from kkr.i18n import _, ngettext
from kkr.site.labels import MEETING_STATUS
from schema.meeting import Item, Meeting

TEXTS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
LINKS = ("presenters", "people", "organizations", "topics", "contracts", "commitments")
# Fields told apart above; every other field that differs is named as changed.
TOLD = {"number", "title", *TEXTS, *LINKS}
MEETING_TOLD = {"id", "date", "status", "document", "present", "absent", "previous", "next"}


def new_meeting(meeting: Meeting) -> str:
    """Describe a meeting that did not exist before."""
    count = len(meeting.items)
    if not count:
        # A meeting a document only names (previous or next): no agenda is registered yet.
        return _("New meeting {date}, no agenda registered yet").format(
            date=meeting_date(meeting.id)
        )
    return ngettext(
        "New meeting {date} ({count} item)", "New meeting {date} ({count} items)", count
    ).format(date=meeting_date(meeting.id), count=count)


def meeting_changes(old: Meeting, new: Meeting, names: Names) -> Iterator[str]:
    """Describe what changed between two versions of a meeting."""
    if old.status != new.status:
        yield _("Status changed from {old} to {new}").format(
            old=MEETING_STATUS[old.status].lower(), new=MEETING_STATUS[new.status].lower()
        )
    if old.document != new.document and new.document == "minutes":
        yield _("The minutes have been imported")
    if people := _added(old.present, new.present):
        yield ngettext("{names} added as present", "{names} added as present", len(people)).format(
            names=names.people(people)
        )
    if people := _added(new.present, old.present):
        yield ngettext(
            "{names} no longer listed as present",
            "{names} no longer listed as present",
            len(people),
        ).format(names=names.people(people))
    if people := _added(old.absent, new.absent):
        yield ngettext("{names} added as absent", "{names} added as absent", len(people)).format(
            names=names.people(people)
        )
    if people := _added(new.absent, old.absent):
        yield ngettext(
            "{names} no longer listed as absent", "{names} no longer listed as absent", len(people)
        ).format(names=names.people(people))
    for field, label in (("previous", _("Previous meeting")), ("next", _("Next meeting"))):
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            shown = meeting_date(after) if after else _("none")
            yield _("{label}: {date}").format(label=label, date=shown)
    for field in sorted(set(Meeting.model_fields) - MEETING_TOLD - {"items"}):
        if getattr(old, field) != getattr(new, field):
            yield _("Field {field} changed").format(field=field_label(Meeting, field))
    yield from _items(old.items, new.items, names)


def _items(old: list[Item], new: list[Item], names: Names) -> Iterator[str]:
    before = {item.number: item for item in old}
    for item in new:
        previous = before.pop(item.number, None)
        if previous is None:
            yield _("Item {number} added: {title}").format(number=item.number, title=item.title)
        elif previous != item:
            yield from _item(previous, item, names)
    for item in before.values():
        yield _("Item {number} removed: {title}").format(number=item.number, title=item.title)


def _item(old: Item, new: Item, names: Names) -> Iterator[str]:
    number = new.number
    if old.title != new.title:
        yield _("Item {number}: title changed to “{title}”").format(number=number, title=new.title)
    for field in TEXTS:
        before, after = getattr(old, field), getattr(new, field)
        if before == after:
            continue
        if before is None:
            message = _("Item {number}: {section} added")
        elif after is None:
            message = _("Item {number}: {section} removed")
        else:
            message = _("Item {number}: {section} changed")
        yield message.format(number=number, section=_section(field))
    yield from _links(old, new, names)
    for field in sorted(set(Item.model_fields) - TOLD):
        if getattr(old, field) != getattr(new, field):
            label = field_label(Item, field)
            yield _("Item {number}: field {field} changed").format(number=number, field=label)


def _links(old: Item, new: Item, names: Names) -> Iterator[str]:
    """Presenters, then every other link added or removed, each as one line per item."""
    number = new.number
    if people := _added(old.presenters, new.presenters):
        yield ngettext(
            "Item {number}: {names} added as presenter",
            "Item {number}: {names} added as presenters",
            len(people),
        ).format(number=number, names=names.people(people))
    if people := _added(new.presenters, old.presenters):
        yield ngettext(
            "Item {number}: {names} no longer presenter",
            "Item {number}: {names} no longer presenters",
            len(people),
        ).format(number=number, names=names.people(people))
    linked: list[str] = []
    unlinked: list[str] = []
    for field in LINKS[1:]:
        before, after = getattr(old, field), getattr(new, field)
        linked += [names.link(field, value) for value in _added(before, after)]
        # Someone moved from people to presenters is still linked to the item.
        kept = set(new.presenters) if field == "people" else set()
        unlinked += [names.link(field, v) for v in _added(after, before) if v not in kept]
    if linked:
        yield _("Item {number}: linked to {targets}").format(
            number=number, targets=names.join(linked)
        )
    if unlinked:
        yield _("Item {number}: no longer linked to {targets}").format(
            number=number, targets=names.join(unlinked)
        )


def _section(field: str) -> str:
    return {
        "baggrund": _("background"),
        "indstilling": _("recommendation"),
        "sagsfremstilling": _("case presentation"),
        "beslutning": _("decision"),
    }[field]


def _added(before: list[str], after: list[str]) -> list[str]:
    """Return the values of ``after`` that ``before`` lacks, in order."""
    known = set(before)
    return [value for value in after if value not in known]
