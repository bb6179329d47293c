"""OParl's ``created`` and ``modified`` from git, and tombstones for records deleted in git.

An object's dates are those of the first and the last commit that touched its record; an
object made from a record (an agenda item from its meeting) has the record's dates. Without
history (a shallow clone, no git, a record not yet committed) every such object gets the
build's stamp, and the System says so in ``kkr:datesFrom`` (docs/oparl.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kkr.changes import timeline
from kkr.changes.timeline import Timeline, Tombstone
from kkr.exports.context import ZONE, ExportContext
from schema.meeting import Item, Meeting

Dates = tuple[str, str]


def iso(when: datetime) -> str:
    """A date-time as OParl writes it, in Copenhagen time, to the second."""
    return when.astimezone(ZONE).replace(microsecond=0).isoformat()


@dataclass
class Stamps:
    """Each record's (created, modified), from its history or the build stamp."""

    ctx: ExportContext
    line: Timeline
    missing: int = 0
    """Records that had no history and were given the build stamp."""

    @classmethod
    def create(cls, ctx: ExportContext) -> Stamps:
        """The stamps of ``ctx``'s records."""
        return cls(ctx, timeline.of(ctx.corpus))

    @property
    def fallback(self) -> Dates:
        """The build stamp, for records without history."""
        return iso(self.ctx.stamp), iso(self.ctx.stamp)

    def of(self, kind: str, record_id: str) -> Dates:
        """The record's dates: first and last commit, or the build stamp."""
        entry = self.ctx.corpus.get(kind, record_id)
        found = self.line.dates(entry) if entry and self.line.available else None
        if found is None:
            self.missing += 1
            return self.fallback
        return iso(found[0]), iso(found[1])

    def source(self) -> str:
        """Where the dates come from, as the System's ``kkr:datesFrom`` says it."""
        if not self.line.available:
            why = "a shallow clone" if self.line.history.reason == "shallow" else "no git history"
            return f"build: {why}; created and modified are the build's date"
        if self.missing:
            return "git, except records not yet committed, which have the build's date"
        return "git: first and last commit that touched each record"

    def tombstones(self) -> list[Tombstone]:
        """Records deleted in the history, oldest deletion last."""
        return self.line.tombstones() if self.line.available else []

    def removed_items(self) -> list[tuple[Meeting, Item, datetime]]:
        """Items removed from meetings that still exist, with when."""
        return self.line.removed_items() if self.line.available else []


def stamped(obj: dict[str, object], dates: Dates) -> dict[str, object]:
    """``obj`` with its created and modified dates."""
    obj["created"], obj["modified"] = dates
    return obj


def tombstone(object_id: str, kind: str, spec: str, deleted: datetime) -> dict[str, object]:
    """An object deleted from the tree (OParl 1.1 §2.5): its id, type, modified and deleted."""
    return {"id": object_id, "type": spec + kind, "modified": iso(deleted), "deleted": True}
