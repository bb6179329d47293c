"""Carrying the curated parts of an existing meeting record over into a fresh import."""

from __future__ import annotations

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
_ITEM_ORDER = {name: index for index, name in enumerate(Item.model_fields)}
_MEETING_ORDER = {name: index for index, name in enumerate(MEETING_ORDER)}


@dataclass
class Carried:
    """A fresh meeting record with the existing record's curated fields."""

    record: dict[str, Any]
    dropped: list[str] = field(default_factory=list)
    """Numbers of existing items with curated links that the document no longer has."""


def existing_meeting(path: Path) -> dict[str, Any] | None:
    """The data of the meeting record at ``path``, or None if there is none to merge."""
    if not path.is_file():
        return None
    document = load(path)
    if not document.ok or not isinstance(document.data, dict):
        return None
    return document.data


def carry_over(fresh: dict[str, Any], existing: dict[str, Any]) -> Carried:
    """Merge ``existing`` into ``fresh``: the document decides its text, staff their links.

    A curated item field of an existing item replaces the importer's value, so a link staff
    removed stays removed; meeting fields the import did not set are kept; hand-made
    discrepancies and annotated sources are kept beside the importer's own.
    """
    merged = dict(fresh)
    for key, value in existing.items():
        if key not in merged and key not in ("discrepancies", "sources"):
            merged[key] = value
    for key, same in (("discrepancies", _same_field), ("sources", _importer_source)):
        kept = [entry for entry in _dicts(existing.get(key)) if not same(entry, fresh)]
        if kept:
            merged[key] = list(fresh.get(key, [])) + kept
    old_items = {
        item["number"]: item
        for item in _dicts(existing.get("items"))
        if isinstance(item.get("number"), str)
    }
    items = []
    for item in _dicts(fresh.get("items")):
        old = old_items.pop(item["number"], {})
        curated = {key: old[key] for key in CURATED_ITEM_FIELDS if key in old}
        items.append(_ordered(_without_presenters(item | curated), _ITEM_ORDER))
    merged["items"] = items
    dropped = [
        number
        for number, old in old_items.items()
        if any(key in old for key in CURATED_ITEM_FIELDS)
    ]
    return Carried(_ordered(merged, _MEETING_ORDER), dropped)


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


def _same_field(entry: dict[str, Any], fresh: dict[str, Any]) -> bool:
    """Whether the import records a discrepancy of this field itself."""
    return any(entry.get("field") == d.get("field") for d in _dicts(fresh.get("discrepancies")))


def _importer_source(entry: dict[str, Any], fresh: dict[str, Any]) -> bool:
    """Whether a source entry is the importer's whole-document reference (no note)."""
    documents = {s.get("document") for s in _dicts(fresh.get("sources"))}
    return "note" not in entry and entry.get("document") in documents


def _ordered(data: dict[str, Any], order: dict[str, int]) -> dict[str, Any]:
    return dict(sorted(data.items(), key=lambda pair: order.get(pair[0], len(order))))
