"""Merging a fresh import into an existing meeting record without losing a hand edit.

The record keeps, under ``imported``, a short hash of every value the importer wrote. On the
next import, a value whose hash still matches was not touched by hand and takes the document's
new version; a value staff changed is kept, unless the document changed it too: that is a
conflict, which ``--force`` settles in the document's favour.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkr.importer.assemble import MEETING_ORDER
from kkr.loading.loader import load
from schema.meeting import Item

# Links staff add by hand; the importer finds organizations and people only in forum lists.
CURATED_ITEM_FIELDS = (
    "presenters",
    "topics",
    "organizations",
    "people",
    "contracts",
    "commitments",
    "promised",
)
MEETING_FIELDS = (
    *("body", "date", "start_time", "place", "document", "status", "case"),
    *("previous", "next", "present", "absent", "sections"),
)
ITEM_FIELDS = (
    *("title", "toc_title", "page", "case", "handlers"),
    *("baggrund", "indstilling", "sagsfremstilling", "beslutning", "attachments", "tables"),
)
_ITEM_ORDER = {name: index for index, name in enumerate(Item.model_fields)}
_MEETING_ORDER = {name: index for index, name in enumerate(MEETING_ORDER)}
_STATUS_ORDER = {"planned": 0, "agenda-published": 1, "held": 2, "minutes-approved": 3}


def fingerprint(value: Any) -> str:
    """A 12-digit hash of a value, as the ``imported`` map stores it."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Conflict:
    """A field staff edited and the document changed too."""

    path: str  # e.g. items[2.1].beslutning
    record: Any
    document: Any
    key: tuple[str | int, ...]  # where the field stands in the existing record
    known: bool = True
    """Whether the record holds what the last import wrote (else it predates the hashes)."""


@dataclass
class Carried:
    """A fresh meeting record merged with the existing one."""

    record: dict[str, Any]
    dropped: list[str] = field(default_factory=list)
    """Numbers of existing items with curated links that the document no longer has."""
    conflicts: list[Conflict] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Fields whose hand edit was kept, since the document did not change them."""
    resolved: list[Resolved] = field(default_factory=list)
    """Conflicts settled without --force: by --keep-mine, --take-document or equal words."""
    outranked: list[Conflict] = field(default_factory=list)
    """Fields where an agenda imported after its minutes prints otherwise (minutes kept)."""


@dataclass
class Resolved:
    """A field staff edited and the document changed too, settled as staff asked."""

    conflict: Conflict
    how: str  # "mine" (--keep-mine), "document" (--take-document) or "same-words"


def existing_meeting(path: Path) -> dict[str, Any] | None:
    """The data of the meeting record at ``path``, or None if there is none to merge."""
    if path.is_symlink() or not path.is_file():
        return None
    document = load(path)
    if not document.ok or not isinstance(document.data, dict):
        return None
    return document.data


def imported_values(record: dict[str, Any]) -> dict[str, Any]:
    """Every value the importer sets in ``record``, by field path."""
    values = {name: record[name] for name in MEETING_FIELDS if name in record}
    for item in _dicts(record.get("items")):
        number = item.get("number")
        for name in ITEM_FIELDS:
            if isinstance(number, str) and name in item:
                values[f"items[{number}].{name}"] = item[name]
    return values


def stamp(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the hashes of what the importer wrote in it."""
    hashes = {path: fingerprint(value) for path, value in imported_values(record).items()}
    return _ordered(record | {"imported": hashes}, _MEETING_ORDER)


def same_words(one: Any, other: Any) -> bool:
    """Whether two values hold the same text apart from whitespace and line breaks."""
    return bool(_words(one) == _words(other))


def _words(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_words(entry) for entry in value]
    if isinstance(value, dict):
        return {key: _words(entry) for key, entry in value.items()}
    return value


def rank(record: dict[str, Any]) -> int:
    """How far the documents behind ``record`` go: none 0, an agenda 1, the minutes 2."""
    return {"agenda": 1, "minutes": 2}.get(str(record.get("document")), 0)


def carry_over(
    fresh: dict[str, Any],
    existing: dict[str, Any],
    *,
    force: bool,
    choices: dict[str, str] | None = None,
) -> Carried:
    """Merge ``existing`` into ``fresh``: the document decides its text, staff their edits.

    A curated item field of an existing item replaces the importer's value, so a link staff
    removed stays removed; meeting fields the import does not set are kept; hand-made
    discrepancies and annotated sources are kept beside the importer's own.
    """
    if rank(fresh) < rank(existing):
        return behind(fresh, existing)
    carried = Carried({})
    chosen = _choose(fresh, existing, carried, force=force, choices=choices or {})
    # A meeting's status only moves on: an agenda does not undo "held" set by hand.
    if _STATUS_ORDER.get(str(existing.get("status")), -1) > _STATUS_ORDER.get(
        str(chosen.get("status")), -1
    ):
        chosen["status"] = existing["status"]
    merged = {key: value for key, value in fresh.items() if key not in MEETING_FIELDS}
    for name in MEETING_FIELDS:
        if chosen.get(name) is not None:
            merged[name] = chosen[name]
    for key, value in existing.items():
        decided = key in MEETING_FIELDS and key in chosen
        if (
            key not in merged
            and key not in ("discrepancies", "sources", "imported")
            and not decided
        ):
            merged[key] = value
    merged |= _beside(fresh, existing)
    old_items = {
        item["number"]: item
        for item in _dicts(existing.get("items"))
        if isinstance(item.get("number"), str)
    }
    items = []
    for item in _dicts(fresh.get("items")):
        number = item["number"]
        old = old_items.pop(number, {})
        values = {key: value for key, value in item.items() if key not in ITEM_FIELDS}
        for name in ITEM_FIELDS:
            value = chosen.get(f"items[{number}].{name}")
            if value is not None:
                values[name] = value
        curated = {key: old[key] for key in CURATED_ITEM_FIELDS if key in old}
        items.append(_ordered(_without_presenters(values | curated), _ITEM_ORDER))
    hashes = {path: fingerprint(value) for path, value in imported_values(fresh).items()}
    lost = _lost_items(existing, old_items, carried, force=force, choices=choices or {})
    for number, item in lost.items():
        items.append(item)
        hashes |= {
            path: value
            for path, value in dict(existing.get("imported") or {}).items()
            if path.startswith(f"items[{number}].")
        }
    merged["items"] = items
    if lost:
        merged["items"] = sorted(items, key=lambda item: _number_key(item.get("number")))
        if isinstance(merged.get("sections"), list):
            merged["sections"] = _with_sections(merged["sections"], existing, set(lost))
    carried.dropped = [
        number
        for number, old in old_items.items()
        if number not in lost and any(key in old for key in CURATED_ITEM_FIELDS)
    ]
    carried.record = _ordered(merged | {"imported": hashes}, _MEETING_ORDER)
    return carried


def _beside(fresh: dict[str, Any], existing: dict[str, Any]) -> dict[str, Any]:
    """Hand-made discrepancies and annotated sources, beside the importer's own."""
    fields = {d.get("field") for d in _dicts(fresh.get("discrepancies"))}
    documents = {s.get("document") for s in _dicts(fresh.get("sources"))}
    kept = {
        "discrepancies": [
            d for d in _dicts(existing.get("discrepancies")) if d.get("field") not in fields
        ],
        "sources": [
            s
            for s in _dicts(existing.get("sources"))
            if "note" in s or s.get("document") not in documents
        ],
    }
    return {key: list(fresh.get(key, [])) + entries for key, entries in kept.items() if entries}


def _lost_items(
    existing: dict[str, Any],
    old_items: dict[str, dict[str, Any]],
    carried: Carried,
    *,
    force: bool,
    choices: dict[str, str],
) -> dict[str, dict[str, Any]]:
    """Items the document no longer has that staff edited: kept by choice, else a conflict."""
    hashes = existing.get("imported") if isinstance(existing.get("imported"), dict) else {}
    assert isinstance(hashes, dict)
    numbers = [item.get("number") for item in _dicts(existing.get("items"))]
    kept: dict[str, dict[str, Any]] = {}
    for number, old in old_items.items():
        edited = any(
            f"items[{number}].{name}" in hashes
            and fingerprint(old[name]) != hashes[f"items[{number}].{name}"]
            for name in ITEM_FIELDS
            if name in old
        )
        if not edited:
            continue
        path = f"items[{number}]"
        edits = {name: old[name] for name in ITEM_FIELDS if name in old and name != "number"}
        conflict = Conflict(path, edits, None, ("items", numbers.index(number)))
        if _settle(conflict, carried, force=force, choices=choices) is not None:
            kept[number] = old
    return kept


def _with_sections(sections: list[Any], existing: dict[str, Any], numbers: set[str]) -> list[Any]:
    """``sections`` with the existing record's sections of the kept items ``numbers``."""
    listed = {section.get("number") for section in _dicts(sections)}
    wanted = {number.split(".", 1)[0] for number in numbers} - listed
    extra = [s for s in _dicts(existing.get("sections")) if s.get("number") in wanted]
    return sorted([*sections, *extra], key=lambda section: _number_key(section.get("number")))


def _number_key(number: Any) -> tuple[int, ...]:
    parts = str(number).split(".")
    return tuple(int(part) if part.isdigit() else 0 for part in parts)


def _choose(
    fresh: dict[str, Any],
    existing: dict[str, Any],
    carried: Carried,
    *,
    force: bool,
    choices: dict[str, str],
) -> dict[str, Any]:
    """The value of every imported field: the document's, or a hand edit it leaves alone."""
    new = imported_values(fresh)
    old = imported_values(existing)
    hashes = existing.get("imported") if isinstance(existing.get("imported"), dict) else {}
    assert isinstance(hashes, dict)
    # A planned placeholder takes what the document adds; a value staff typed into it is
    # weighed as a hand edit. A record older than the hashes that holds an agenda takes its
    # minutes as they are.
    placeholder = existing.get("document") is None and not existing.get("items")
    superseded = existing.get("document") == "agenda" and fresh.get("document") == "minutes"
    chosen: dict[str, Any] = {}
    positions = _positions(existing)
    numbers = {item.get("number") for item in _dicts(fresh.get("items"))}
    for path in [*new, *(p for p in hashes if p not in new)]:
        if path.startswith("items[") and path[6:].split("]", 1)[0] not in numbers:
            continue  # an item the document lacks: weighed whole, in _lost_items
        document, record = new.get(path), old.get(path)
        conflict = Conflict(path, record, document, positions.get(path, ()))
        if record == document:
            chosen[path] = document
        elif path == "status" and _STATUS_ORDER.get(str(record), -1) >= _STATUS_ORDER.get(
            str(document), 0
        ):
            # A status staff moved on (e.g. minutes-approved) is no conflict: it stays.
            chosen[path] = record
            carried.kept.append(path)
        elif placeholder and (record is None or path in ("status", "sections")):
            # What the placeholder lacks, and its plan of the sections (kkr new writes the
            # usual ones): the agenda prints the sections the meeting has.
            chosen[path] = document
        elif path in hashes:
            untouched = record is not None and fingerprint(record) == hashes[path]
            if untouched:
                chosen[path] = document
            elif document is not None and fingerprint(document) == hashes[path]:
                chosen[path] = record  # a hand edit (or removal) the document leaves alone
                carried.kept.append(path)
            else:
                chosen[path] = _settle(conflict, carried, force=force, choices=choices)
        elif record is None or (not hashes and superseded):
            chosen[path] = document
        else:
            conflict.known = False
            chosen[path] = _settle(conflict, carried, force=force, choices=choices)
    return chosen


def _settle(conflict: Conflict, carried: Carried, *, force: bool, choices: dict[str, str]) -> Any:
    """The value of a field both staff and the document changed, and how it was chosen."""
    how = choices.get(conflict.path)
    if how is None and same_words(conflict.record, conflict.document):
        how = "same-words"  # staff carried their edit into the document's version
    if how is not None:
        carried.resolved.append(Resolved(conflict, how))
        return conflict.document if how == "document" else conflict.record
    carried.conflicts.append(conflict)
    return conflict.document if force else conflict.record


def behind(fresh: dict[str, Any], existing: dict[str, Any]) -> Carried:
    """An agenda imported after its minutes: it adds only what the record has never held.

    The minutes are the later document: their decisions, attendance, status and text stay,
    and so does every hand edit. The agenda brings its own entry in ``sources`` and any field
    no import has set (one with no hash: a hash with no value is a removal by hand).
    """
    hashes = dict(existing.get("imported") or {})
    old = imported_values(existing)
    carried = Carried({})
    merged = dict(existing)
    for name in MEETING_FIELDS:
        if name in fresh and name not in existing and name not in hashes:
            merged[name] = fresh[name]
            hashes[name] = fingerprint(fresh[name])
    fresh_items = {i.get("number"): i for i in _dicts(fresh.get("items"))}
    items = []
    for item in _dicts(existing.get("items")):
        number = item.get("number")
        added = dict(item)
        for name, value in fresh_items.get(number, {}).items():
            path = f"items[{number}].{name}"
            if name in ITEM_FIELDS and name not in item and path not in hashes:
                added[name] = value
                hashes[path] = fingerprint(value)
        items.append(_ordered(added, _ITEM_ORDER))
    if items:
        merged["items"] = items
    documents = {s.get("document") for s in _dicts(fresh.get("sources"))}
    merged["sources"] = [
        *(
            s
            for s in _dicts(existing.get("sources"))
            if "note" in s or s.get("document") not in documents
        ),
        *_dicts(fresh.get("sources")),
    ]
    for path, value in imported_values(fresh).items():
        if path not in ("document", "status") and old.get(path, value) != value:
            carried.outranked.append(Conflict(path, old[path], value, ()))
    carried.record = _ordered(merged | {"imported": hashes}, _MEETING_ORDER)
    return carried


def _positions(record: dict[str, Any]) -> dict[str, tuple[str | int, ...]]:
    """Where each imported field stands in ``record``, as a key path for locating it."""
    found: dict[str, tuple[str | int, ...]] = {name: (name,) for name in MEETING_FIELDS}
    for index, item in enumerate(_dicts(record.get("items"))):
        for name in ITEM_FIELDS:
            found[f"items[{item.get('number')}].{name}"] = ("items", index, name)
    return found


def _without_presenters(item: dict[str, Any]) -> dict[str, Any]:
    """Keep presenters out of ``people``, which lists the others an item concerns."""
    presenters = set(item.get("presenters") or [])
    people = [p for p in item.get("people") or [] if p not in presenters]
    if len(people) == len(item.get("people") or []):
        return item
    rest = {key: value for key, value in item.items() if key != "people"}
    return rest | ({"people": people} if people else {})


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _ordered(data: dict[str, Any], order: dict[str, int]) -> dict[str, Any]:
    return dict(sorted(data.items(), key=lambda pair: order.get(pair[0], len(order))))


def ordered_meeting(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its fields in the house order."""
    return _ordered(record, _MEETING_ORDER)
