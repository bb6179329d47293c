"""Merging imported meetings into the records folder, and linking their neighbours."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.importer.items import PARTS
from kkr.importer.preserve import (
    Carried,
    Conflict,
    Resolved,
    carry_over,
    existing_meeting,
    imported_values,
    ordered_meeting,
    stamp,
)
from kkr.importer.report import Report
from kkr.importer.values import shown
from kkr.loading.loader import load

# Fields an agenda and its minutes are expected to set differently.
_EXPECTED_TO_CHANGE = frozenset({"document", "status"})
_LOOK = 50


def field_lines(report: Report) -> dict[str, list[int]]:
    """The document lines that fed each field path, e.g. items[2.1].title -> [120]."""
    found: dict[str, list[int]] = {}
    for number, where in sorted(report.destination.items()):
        if where.startswith(("skipped", "not ")):
            continue
        first, *more = where.split(", ")
        prefix = first.rsplit(".", 1)[0] + "." if "." in first else ""
        for part in [first, *(prefix + other for other in more)]:
            path = part
            if part.startswith("items["):
                head, _sep, rest = part.partition("].")
                names = rest.split(".")
                last = names[-1] if names[-1] in ("tables", "attachments") else names[0]
                path = f"{head}].{last}"
            key = path.split("[")[0] if path.startswith("sections") else path
            found.setdefault(key, []).append(number)
    return found


def line_of(report: Report, numbers: list[int], other: Any) -> int:
    """The first of the field's lines whose words ``other`` lacks: where the two differ."""
    if not numbers:
        return 1
    text = " ".join(str(other).split()) if other is not None else ""
    # A bounded look: each test scans the whole value, and a field may have many lines.
    for number in numbers[:_LOOK]:
        words = " ".join(report.lines[number - 1].text.split())
        if words.rstrip(":").lower() in PARTS:  # the part's own heading, e.g. Baggrund
            continue
        if words and words not in text:
            return number
    return numbers[0]


class Merger:
    """The meeting records a run writes: imported ones, merged, and neighbours it relinks."""

    def __init__(
        self,
        root: Path,
        *,
        force: bool,
        created: dict[str, dict[str, Any]],
        choices: dict[str, str] | None = None,
    ) -> None:
        self.root = root
        self.force = force
        self.choices = choices or {}
        """Per field path: "mine" (--keep-mine) or "document" (--take-document)."""
        self.chosen: set[str] = set()
        """The fields whose conflict a choice settled (a choice naming no conflict is told)."""
        self.created = created
        self.records: dict[str, dict[str, Any]] = {}
        self.imported: list[str] = []
        self.diagnostics: list[Diagnostic] = []
        self.origins: dict[str, tuple[Report, dict[str, list[int]]]] = {}
        """For each meeting: the report of its latest document and each field's lines."""

    def merge(self, relative: str, fresh: dict[str, Any], report: Report) -> None:
        """Merge a freshly imported meeting into the record it updates, if there is one."""
        earlier = self.records.get(relative) if relative in self.imported else None
        if earlier is not None:
            self._compare(relative, earlier, fresh, report)
        existing = earlier if earlier is not None else existing_meeting(self.root / relative)
        if existing is None:
            record = stamp(fresh)
        else:
            carried = carry_over(fresh, existing, force=self.force, choices=self.choices)
            self._report(relative, carried, report, in_run=earlier is not None)
            record = carried.record
        self.records[relative] = record
        self.origins[relative] = (report, field_lines(report))
        if relative not in self.imported:
            self.imported.append(relative)

    def _compare(
        self, relative: str, earlier: dict[str, Any], fresh: dict[str, Any], report: Report
    ) -> None:
        """Warn where two documents of one meeting in one run print a field differently."""
        before, lines_before = self.origins[relative]
        lines_now = field_lines(report)
        old = imported_values(earlier)
        for path, value in imported_values(fresh).items():
            if path in _EXPECTED_TO_CHANGE or old.get(path) in (None, value):
                continue
            report.warning(
                line_of(report, lines_now.get(path, []), old[path]),
                Code.SOURCE_DISCREPANCY,
                _(
                    "{field}: {earlier} (line {line}) prints {old}, this document prints "
                    "{new}; this later document's version is kept, as a second import would"
                ).format(
                    field=path,
                    earlier=before.display,
                    line=line_of(before, lines_before.get(path, []), value),
                    old=shown(old[path], value),
                    new=shown(value, old[path]),
                ),
            )

    def _report(self, relative: str, carried: Carried, report: Report, *, in_run: bool) -> None:
        target = self.root / relative
        lines = field_lines(report)
        located = load(target) if (carried.conflicts or carried.resolved) and not in_run else None
        for conflict in carried.conflicts:
            line = located.locate(conflict.key).line if located is not None else 1
            self.diagnostics.append(self._conflict(target, line, conflict, report, lines))
        for resolved in carried.resolved:
            self._resolved(target, located, resolved, report)
        if carried.outranked:
            report.warning(
                1,
                Code.SOURCE_DISCREPANCY,
                _(
                    "the record already holds the minutes of this meeting, which come after "
                    "its agenda: their decisions, attendance, status and text are kept, and "
                    "the agenda adds only what the record lacks. The agenda prints otherwise: "
                    "{fields}"
                ).format(fields=", ".join(c.path for c in carried.outranked)),
            )
        for path in carried.kept:
            report.notes.append(
                _("kept the hand edit of {field}: the document does not change it").format(
                    field=path
                )
            )
        for number in carried.dropped:
            self.diagnostics.append(
                Diagnostic(
                    str(target),
                    1,
                    1,
                    "warning",
                    Code.RECORD_EXISTS,
                    _(
                        "item {number} of the existing record is not in the document; its links "
                        "(topics, people, contracts ...) are not carried over"
                    ).format(number=number),
                )
            )

    def _resolved(self, target: Path, located: Any, resolved: Resolved, report: Report) -> None:
        conflict = resolved.conflict
        self.chosen.add(conflict.path)
        line = located.locate(conflict.key).line if located is not None else 1
        values = {
            "field": conflict.path,
            "record": shown(conflict.record, conflict.document),
            "document": shown(conflict.document, conflict.record),
        }
        if resolved.how == "same-words":
            report.notes.append(
                _(
                    "kept the hand edit of {field}: it now holds the document's words, apart "
                    "from spaces and line breaks"
                ).format(**values)
            )
        elif resolved.how == "mine":
            report.notes.append(
                _("--keep-mine {field}: kept the record's {record}").format(**values)
            )
        else:
            self.diagnostics.append(
                Diagnostic(
                    str(target),
                    line,
                    1,
                    "warning",
                    Code.HAND_EDIT,
                    _(
                        "--take-document {field}: took the document's version; the hand edit "
                        "is discarded: {record}"
                    ).format(**values),
                )
            )

    def _conflict(
        self,
        target: Path,
        line: int,
        conflict: Conflict,
        report: Report,
        lines: dict[str, list[int]],
    ) -> Diagnostic:
        numbers = lines.get(conflict.path, [])
        where = f"{report.display}:{line_of(report, numbers, conflict.record)}"
        values = {
            "field": conflict.path,
            "record": shown(conflict.record, conflict.document),
            "document": shown(conflict.document, conflict.record),
            "where": where,
        }
        if self.force:
            message = _(
                "{field} was edited by hand and the document changes it too; --force took the "
                "document's version and discarded the hand edit {record}; now, from {where}: "
                "{document}"
            )
            text = message.format(**values)
            return Diagnostic(str(target), line, 1, "warning", Code.HAND_EDIT, text)
        message = _(
            "{field} was edited by hand since the last import, and the document changes it too; "
            "nothing was written. In the record: {record}; in the document ({where}): "
            "{document}. Rerun with --keep-mine {field} to keep the record's text, or with "
            "--take-document {field} to take the document's; an edit that holds the document's "
            "words is accepted as it is"
        )
        if not conflict.known:
            message = _(
                "{field} differs from the document, and the record does not say what the last "
                "import wrote (it has no 'imported' hashes), so a hand edit cannot be told from "
                "an old import; nothing was written. In the record: {record}; in the document "
                "({where}): {document}. Rerun with --keep-mine {field} to keep the record's "
                "text, or with --take-document {field} to take the document's"
            )
        return Diagnostic(str(target), line, 1, "error", Code.HAND_EDIT, message.format(**values))

    def link_neighbours(self) -> None:
        """Point each imported meeting's previous and next meetings back at it."""
        for relative in self.imported:
            record = self.records[relative]
            for field, back in (("previous", "next"), ("next", "previous")):
                if isinstance(record.get(field), str):
                    self._link(record["id"], record[field], back, relative)

    def _link(self, this: str, other_id: str, back: str, relative: str) -> None:
        other_relative = f"meetings/{other_id}.yaml"
        store = self.created if other_relative in self.created else self.records
        other = store.get(other_relative) or existing_meeting(self.root / other_relative)
        if other is None:
            return
        current = other.get(back)
        if current == this:
            return
        later = back == "next"
        farther = isinstance(current, str) and (current > this if later else current < this)
        if current is None or farther:
            store[other_relative] = ordered_meeting(other | {back: this})
            return
        self.diagnostics.append(
            Diagnostic(
                str(self.root / relative),
                1,
                1,
                "warning",
                Code.MEETING_LINK,
                _(
                    "the meeting {other} gives {back}: {current}, which lies between it and "
                    "{this}; check which meetings follow each other and correct previous/next"
                ).format(other=other_id, back=back, current=current, this=this),
            )
        )
