"""kkr import keeps the links staff added to an existing meeting record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from english import english  # noqa: F401  (messages in English)
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from kkr.cli import main
from kkr.importer.preserve import (
    CURATED_ITEM_FIELDS,
    carry_over,
    imported_values,
    same_words,
    stamp,
)
from kkr.importer.writer import emit, schema_comment
from kkr.loading.loader import load
from sources import SOURCES

from schema.meeting import Item

REPO = Path(__file__).resolve().parent.parent
MINUTES = "kkr-syddanmark-2023-11-21-referat.txt"
ORDER = {name: index for index, name in enumerate(Item.model_fields)}


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A copy of the repository's records without the meeting the tests import."""
    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target, ignore=shutil.ignore_patterns("2023-11-21.yaml"))
    return target


def _curate(data: dict[str, Any]) -> dict[str, Any]:
    """Add links of every curated kind, as staff would, in the model's field order."""
    items = {item["number"]: item for item in data["items"]}
    links = {
        "presenters": ["mads-soerensen"],
        "topics": ["vaekst-og-beskaeftigelse"],
        "contracts": ["sdeo-resultatkontrakt-2022-2023"],
        "commitments": ["2022-2026/erhverv-1"],
    }
    items["2.4"].update(links)
    items["5.1"]["promised"] = [{"text": "Kollektiv mobilitet", "meeting": "2024-02-05"}]
    # Staff drop one link the importer found in a forum list: it must stay dropped.
    items["3.1"]["people"] = items["3.1"]["people"][1:]
    data["items"] = [dict(sorted(i.items(), key=lambda kv: ORDER[kv[0]])) for i in data["items"]]
    data["discrepancies"] = [
        *data.get("discrepancies", []),
        {"field": "place", "readings": ["Severin", "Severin Kursuscenter"]},
    ]
    data["sources"] = [*data["sources"], {"document": MINUTES, "lines": "105", "note": "Punkt 2.1"}]
    return data


def test_reimport_keeps_curated_links_byte_for_byte(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", str(SOURCES / MINUTES), "--records", str(records)]
    assert main(args) == 0
    written = records / "meetings" / "2023-11-21.yaml"
    fresh = written.read_text(encoding="utf-8")
    curated = emit(_curate(load(written).data), schema_comment("meeting"))
    assert curated != fresh
    written.write_text(curated, encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", "--strict", str(records)]) == 0, capsys.readouterr().out
    for extra in ([], ["--force"]):
        assert main([*args, *extra]) == 0
        assert "unchanged" in capsys.readouterr().out
        assert written.read_text(encoding="utf-8") == curated


def test_links_of_an_item_the_document_lost_are_reported() -> None:
    fresh = {"id": "2023-11-21", "items": [{"number": "1.1", "title": "Referat"}]}
    existing = {
        "id": "2023-11-21",
        "status": "minutes-approved",
        "items": [
            {"number": "1.1", "title": "Gammel titel", "topics": ["sundhed"]},
            {"number": "2.1", "title": "Udgået", "contracts": ["sundhedsaftale"]},
            {"number": "3.1", "title": "Uden links"},
        ],
    }
    carried = carry_over(fresh, existing, force=False)
    assert carried.dropped == ["2.1"]
    (item,) = carried.record["items"]
    # No hashes: the title's change cannot be told from a hand edit, so both are shown.
    assert [c.path for c in carried.conflicts] == ["items[1.1].title"]
    assert item == {"number": "1.1", "title": "Gammel titel", "topics": ["sundhed"]}
    # A meeting field the import did not set is the curator's; one it set is the document's.
    assert carried.record["status"] == "minutes-approved"
    assert carried.record["id"] == "2023-11-21"
    assert set(CURATED_ITEM_FIELDS) <= set(Item.model_fields)


def _agenda() -> dict[str, Any]:
    from kkr.importer.assemble import import_document
    from kkr.importer.resolve import Resolver

    path = REPO / "tests" / "data" / "meeting" / "kkr-syddanmark-2024-09-10-dagsorden.txt"
    result = import_document(
        path, path.read_text(encoding="utf-8"), Resolver.scan(REPO / "records"), "a"
    )
    return result.records["meetings/2024-09-10.yaml"]


AGENDA = _agenda()
# The document kind and the status are words from a short list, not free text; the order of
# imports and hand edits over them is the state machine's (tests/test_import_order.py).
FIELDS = sorted(set(imported_values(AGENDA)) - {"document", "status"})


def _with(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``record`` with the imported field ``path`` set to ``value``."""
    copy = json.loads(json.dumps(record))
    if path.startswith("items["):
        number, name = path[6:].split("].")
        item = next(i for i in copy["items"] if i["number"] == number)
        item[name] = value
    else:
        copy[path] = value
    return copy


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(FIELDS), st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_a_hand_edit_is_kept_until_the_document_changes_it(path: str, edit: str, new: str) -> None:
    record = stamp(AGENDA)
    edited = _with(record, path, edit)
    assume(imported_values(edited)[path] != imported_values(record)[path])
    # The same document again: the edit stays, and nothing conflicts.
    same = carry_over(AGENDA, edited, force=False)
    assert not same.conflicts
    assert imported_values(same.record)[path] == edit
    # A document that changes the field too: a conflict naming it; --force takes the document.
    changed = _with(AGENDA, path, new)
    assume(new not in (edit, imported_values(AGENDA)[path]))
    assume(not same_words(new, edit))  # an edit with the document's words is accepted
    refused = carry_over(changed, edited, force=False)
    assert [c.path for c in refused.conflicts] == [path]
    assert imported_values(refused.record)[path] == edit
    forced = carry_over(changed, edited, force=True)
    assert imported_values(forced.record)[path] == new
    # An untouched field takes the document's new version without a word.
    untouched = carry_over(changed, record, force=False)
    assert not untouched.conflicts
    assert imported_values(untouched.record)[path] == new
