"""Downloads: CSV files, the Data Package (checked by frictionless) and the SQLite database."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from exports_support import REPO, write_exports
from frictionless import validate
from kkr.checks.corpus import load_corpus
from kkr.exports.bundle import bundle
from kkr.exports.context import ExportContext

from schema.meeting import Meeting
from schema.person import Person

RECORDS = REPO / "records"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exports of the real records."""
    return write_exports(RECORDS, tmp_path_factory.mktemp("data"))


def test_the_data_package_is_valid_with_its_keys(out: Path) -> None:
    report = validate(out / "data" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_catches_a_broken_foreign_key(out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "data"
    copy.mkdir()
    for path in (out / "data").glob("*.*"):
        (copy / path.name).write_bytes(path.read_bytes())
    rows = (copy / "attendance.csv").read_text(encoding="utf-8").splitlines()
    meeting = rows[1].split(",")[0]
    rows.append(f"{meeting},no-such-person,true")
    (copy / "attendance.csv").write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    assert not validate(copy / "datapackage.json").valid


def test_every_csv_has_its_header_and_a_row_per_record(out: Path) -> None:
    package = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))
    corpus = load_corpus(RECORDS)
    kinds = {
        "meetings": "meeting",
        "people": "person",
        "organizations": "organization",
        "memberships": "membership",
        "contracts": "contract",
    }
    for resource in package["resources"]:
        with (out / "data" / resource["path"]).open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == [field["name"] for field in resource["schema"]["fields"]]
        if resource["name"] in kinds:
            assert len(rows) - 1 == len(corpus.entries(kinds[resource["name"]]))
    items = sum(1 for _ in corpus.items())
    with (out / "data" / "items.csv").open(encoding="utf-8", newline="") as f:
        assert sum(1 for _ in csv.reader(f)) - 1 == items


def test_the_database_joins_attendance_by_party(out: Path) -> None:
    """Attendance by party on 21 November 2023, from the database and from the records."""
    corpus = load_corpus(RECORDS)
    entry = corpus.get("meeting", "2023-11-21")
    assert entry is not None and isinstance(entry.record, Meeting)
    meeting = entry.record

    def party(person_id: str) -> str | None:
        found = corpus.get("person", person_id)
        return found.record.party if found and isinstance(found.record, Person) else None

    expected = Counter((party(p), True) for p in meeting.present)
    expected += Counter((party(p), False) for p in meeting.absent if p not in meeting.present)
    with sqlite3.connect(out / "data" / "kkr-syddanmark.db") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = {row[2] for row in db.execute("PRAGMA foreign_key_list(attendance)")}
        assert keys == {"meetings", "people"}
        rows = db.execute(
            "SELECT people.party, attendance.present, count(*) FROM attendance"
            " JOIN people ON people.id = attendance.person"
            " JOIN meetings ON meetings.id = attendance.meeting"
            " WHERE meetings.date = '2023-11-21' GROUP BY 1, 2"
        ).fetchall()
    assert {(p, bool(present)): n for p, present, n in rows} == dict(expected)
    assert sum(expected.values()) > 0


def test_same_records_and_epoch_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    corpus = load_corpus(RECORDS)
    one = bundle(ExportContext.create(corpus, None, "arkiv")).files
    two = bundle(ExportContext.create(load_corpus(RECORDS), None, "arkiv")).files
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    three = bundle(ExportContext.create(corpus, None, "arkiv")).files
    # The build day reaches the calendar (DTSTAMP, status) and OParl's meetingState, and the
    # catalogue that gives their sizes and the build's date; no more.
    changed = {name.split("/")[0] for name in one if one[name] != three[name]}
    assert "kalender" in changed
    assert changed <= {"kalender", "oparl", "data"}
    assert [name for name in one if name.startswith("data/") and one[name] != three[name]] == [
        "data/catalog.jsonld"
    ]


def test_a_cell_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "tests" / "roots" / "test-site" / "records", records)
    meeting = records / "meetings" / "2023-11-21.yaml"
    text = meeting.read_text(encoding="utf-8")
    title = "title: Fordeling af flygtninge 2024"
    assert title in text
    meeting.write_text(text.replace(title, "title: '=HYPERLINK(\"https://x.example\")'"))
    out = write_exports(records, tmp_path / "out")
    with (out / "data" / "items.csv").open(encoding="utf-8", newline="") as f:
        titles = [row["title"] for row in csv.DictReader(f)]
    assert '\'=HYPERLINK("https://x.example")' in titles
    assert not any(t.startswith(("=", "+", "-", "@")) for t in titles)
    with sqlite3.connect(out / "data" / "kkr-syddanmark.db") as db:
        stored = {row[0] for row in db.execute("SELECT title FROM items")}
    assert '=HYPERLINK("https://x.example")' in stored
