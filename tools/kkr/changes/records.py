"""What changed in records other than meetings: agreements, appointments, people, matters."""

from __future__ import annotations

from collections.abc import Iterator

from kkr.changes.fields import field_label
from kkr.changes.meetings import _added
from kkr.changes.names import Names, item_ref, until
from kkr.i18n import _
from kkr.site.labels import CONTRACT_STATUS, MATTER_STATUS, ROLE
from schema.base import Record
from schema.contract import Contract
from schema.matter import Matter
from schema.membership import Membership

# Fields described in their own words below; any other field that differs is named as changed.
TOLD = {
    "contract": {"extensions", "status", "items"},
    "matter": {"items", "status"},
    "membership": {"period"},
}


def new_record(kind: str, record: Record, names: Names) -> str:
    """Describe a record that did not exist before."""
    if isinstance(record, Membership):
        text = _("New appointment as {role}").format(role=ROLE[record.role])
        if record.replaces:
            text += _(", replacing {name}").format(name=_holder(record.replaces, names))
        return text
    return {
        "person": _("New person"),
        "organization": _("New organization"),
        "contract": _("New agreement"),
        "matter": _("New matter"),
        "topic": _("New topic"),
        "workplan": _("New work plan"),
        "body": _("New council"),
    }[kind]


def record_changes(kind: str, old: Record, new: Record, names: Names) -> Iterator[str]:
    """Describe what changed between two versions of a record."""
    if isinstance(old, Contract) and isinstance(new, Contract):
        yield from _contract(old, new)
    if isinstance(old, Matter) and isinstance(new, Matter):
        if old.status != new.status:
            yield _("Status changed from {old} to {new}").format(
                old=MATTER_STATUS[old.status].lower(), new=MATTER_STATUS[new.status].lower()
            )
        for ref in _added(old.items, new.items):
            yield _("Now follows {item}").format(item=item_ref(ref))
    if isinstance(old, Membership) and isinstance(new, Membership):
        if old.period.end != new.period.end and new.period.end:
            yield _("The appointment ends {date}").format(date=until(new.period.end))
        elif old.period != new.period:
            yield _("Field {field} changed").format(field=field_label(Membership, "period"))
    told = TOLD.get(kind, set())
    for field in type(new).model_fields:
        if field not in told and getattr(old, field) != getattr(new, field):
            yield _("Field {field} changed").format(field=field_label(type(new), field))


def _contract(old: Contract, new: Contract) -> Iterator[str]:
    known = {extension.until for extension in old.extensions}
    for extension in new.extensions:
        if extension.until not in known:
            yield _("Extended until {date}").format(date=until(extension.until))
    if old.status != new.status:
        yield _("Status changed from {old} to {new}").format(
            old=CONTRACT_STATUS[old.status].lower(), new=CONTRACT_STATUS[new.status].lower()
        )
    for ref in _added(old.items, new.items):
        yield _("Dealt with under {item}").format(item=item_ref(ref))


def _holder(membership_id: str, names: Names) -> str:
    for corpus in names.corpora:
        entry = corpus.get("membership", membership_id)
        if entry and isinstance(entry.record, Membership):
            return names.person(entry.record.person)
    return membership_id
