"""Compare the records of two revisions and group the changes by record, in a stable order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kkr.changes.meetings import meeting_changes, new_meeting
from kkr.changes.names import Names, meeting_date
from kkr.changes.records import new_record, record_changes
from kkr.i18n import _
from kkr.loading.corpus import Corpus
from schema.base import Record
from schema.meeting import Meeting
from schema.membership import Membership
from schema.registry import KINDS

# Meetings first: they are what most pull requests add.
ORDER = ("meeting", "contract", "membership", "person", "organization", "matter", "topic")


@dataclass
class Group:
    """The changes to one record, under a heading that names it."""

    heading: str
    lines: list[str] = field(default_factory=list)


def compare(old: Corpus, new: Corpus) -> list[Group]:
    """Return what changed from ``old`` to ``new``, one group per changed record."""
    names = Names(new, old)
    kinds = sorted(
        (kind.name for kind in KINDS.values()),
        key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name),
    )
    broken = _unreadable(new)
    was_broken = _unreadable(old)
    message = _("Has errors; kkr validate shows where")
    groups = [Group(path.as_posix(), [message]) for path in broken]
    for kind in kinds:
        before = old.by_kind.get(kind, {})
        after = new.by_kind.get(kind, {})
        for record_id in sorted(before.keys() | after.keys()):
            was, now = before.get(record_id), after.get(record_id)
            entry = now or was
            assert entry is not None
            group = Group(_heading(kind, entry.record, names))
            if was is None:
                assert now is not None
                # A file that did not validate at BASE is not new, only readable now.
                if now.path.relative_to(new.root) in was_broken:
                    group.lines.append(_("Corrected: the file now validates"))
                else:
                    group.lines.append(_created(kind, now.record, names))
            elif now is None:
                # A file that still exists but no longer reads is listed once, as unreadable.
                if was.path.relative_to(old.root) not in broken:
                    group.lines.append(_("Removed"))
            elif was.record != now.record:
                group.lines.extend(_changed(kind, was.record, now.record, names))
            if group.lines:
                groups.append(group)
    return groups


def _created(kind: str, record: Record, names: Names) -> str:
    if isinstance(record, Meeting):
        return new_meeting(record)
    return new_record(kind, record, names)


def _changed(kind: str, old: Record, new: Record, names: Names) -> list[str]:
    if isinstance(old, Meeting) and isinstance(new, Meeting):
        return list(meeting_changes(old, new, names))
    return list(record_changes(kind, old, new, names))


def _heading(kind: str, record: Record, names: Names) -> str:
    if kind == "meeting":
        return _("Meeting {date}").format(date=meeting_date(record.id))
    if kind == "person":
        return names.person(record.id)
    if kind == "organization":
        return names.organization(record.id)
    if kind == "contract":
        return _("Agreement {title}").format(title=names.contract(record.id))
    if kind == "topic":
        return _("Topic {name}").format(name=names.topic(record.id))
    if isinstance(record, Membership):
        return _("Appointment: {name} in {organization}").format(
            name=names.person(record.person), organization=names.organization(record.organization)
        )
    title = getattr(record, "title", None) or record.id
    if kind == "matter":
        return _("Matter {title}").format(title=title)
    if kind == "workplan":
        return _("Work plan {title}").format(title=title)
    return _("Council {id}").format(id=record.id)


def _unreadable(corpus: Corpus) -> list[Path]:
    """Files (relative to the records) that hold no valid record: reported once, as broken."""
    read = {entry.path for kind in corpus.by_kind.values() for entry in kind.values()}
    return [path.relative_to(corpus.root) for path in corpus.paths if path not in read]
