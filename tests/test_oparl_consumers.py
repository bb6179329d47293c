"""What meine-stadt-transparent's importer relies on beyond the OParl schemas (docs/oparl.md).

`make oparl-interop` runs MST itself; these checks hold the same constraints on the tree of the
real records without it, so that `make test` catches a change that would break the import.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from exports_support import BASE, REPO, write_exports
from kkr.exports.oparl_names import split

SPEC = "https://schema.oparl.org/1.1/"
# MST reads only these four lists of a body; every other object must be embedded in them.
READ_LISTS = ("paper", "person", "meeting", "organization")
EMBEDDED = {
    "Membership": "Person",
    "AgendaItem": "Meeting",
    "Location": "Meeting",
    "Consultation": "Paper",
    "LegislativeTerm": "Body",
}
# MST's column widths (mainapp/models): longer values fail on PostgreSQL and MySQL.
WIDTHS = {
    ("Person", "name"): 100,
    ("Person", "givenName"): 100,
    ("Person", "familyName"): 100,
    ("Membership", "role"): 200,
    ("Paper", "reference"): 50,
    ("AgendaItem", "number"): 20,
}
# References MST resolves through the objects of the lists it read.
REFERENCES = {
    "AgendaItem": ("meeting", "consultation"),
    "Consultation": ("paper", "meeting"),
    "Membership": ("person", "organization"),
    "Meeting": ("participant", "organization"),
}


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _objects(value: Any, parent: str = "") -> Iterator[tuple[dict[str, Any], str]]:
    """Every object in ``value`` with the type of the object that embeds it."""
    if isinstance(value, dict):
        kind = str(value.get("type", "")).removeprefix(SPEC)
        if kind and "id" in value:
            yield value, parent
            parent = kind
        for child in value.values():
            yield from _objects(child, parent)
    elif isinstance(value, list):
        for child in value:
            yield from _objects(child, parent)


def _list(root: Path, url: str) -> list[dict[str, Any]]:
    out = []
    while url:
        page = _load(root / url.removeprefix(BASE))
        out += page["data"]
        url = page["links"].get("next", "")
    return out


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The OParl export of the real records."""
    return write_exports(REPO / "records", tmp_path_factory.mktemp("real"))


@pytest.fixture(scope="module")
def seen(tree: Path) -> dict[str, tuple[dict[str, Any], str]]:
    """Every object MST would read: the body and its four lists, with what embeds each."""
    system = _load(tree / "oparl" / "system.json")
    out: dict[str, tuple[dict[str, Any], str]] = {}
    for body in _list(tree, system["body"]):
        out[body["id"]] = (body, "")
        for name in READ_LISTS:
            for obj, parent in _objects(_list(tree, body[name])):
                out.setdefault(obj["id"], (obj, parent))
        for obj, parent in _objects(body["legislativeTerm"], "Body"):
            out.setdefault(obj["id"], (obj, parent))
    return out


def _live(tree: Path) -> Iterator[dict[str, Any]]:
    for path in sorted((tree / "oparl").rglob("*.json")):
        for obj, _parent in _objects(_load(path)):
            if not obj.get("deleted"):
                yield obj


def test_every_object_reaches_mst_through_the_lists_it_reads(
    tree: Path, seen: dict[str, tuple[dict[str, Any], str]]
) -> None:
    live = {o["id"] for o in _live(tree) if o["type"] != SPEC + "System"}
    missing = sorted(live - set(seen))
    assert missing == []
    for obj, parent in seen.values():
        kind = obj["type"].removeprefix(SPEC)
        if kind in EMBEDDED and not obj.get("deleted"):
            assert parent == EMBEDDED[kind], obj["id"]


def test_references_resolve_within_what_mst_read(
    seen: dict[str, tuple[dict[str, Any], str]],
) -> None:
    for obj, _parent in seen.values():
        for key in REFERENCES.get(obj["type"].removeprefix(SPEC), ()):
            value = obj.get(key)
            for url in value if isinstance(value, list) else [value] if value else []:
                assert url in seen, f"{obj['id']}: {key} {url} is in no list MST reads"


def test_terms_and_meetings_have_the_dates_mst_requires(tree: Path) -> None:
    live = list(_live(tree))
    terms = [o for o in live if o["type"] == SPEC + "LegislativeTerm"]
    meetings = [o for o in live if o["type"] == SPEC + "Meeting"]
    assert terms
    assert meetings
    for term in terms:
        assert term["startDate"], term["id"]
        # The name says which term: its years, not "denne valgperiode".
        assert any(ch.isdigit() for ch in term["name"]), term["name"]
    for meeting in meetings:
        start = datetime.fromisoformat(meeting["start"])
        assert start.tzinfo is not None
        # A day without a known time is marked, never passed off as a time.
        if meeting.get("kkr:startTimeUnknown"):
            assert (start.hour, start.minute) == (12, 0)


def test_people_have_given_and_family_names_and_values_fit_mst(tree: Path) -> None:
    for obj in _live(tree):
        kind = obj["type"].removeprefix(SPEC)
        assert len(obj["id"]) <= 255
        for (owner, key), width in WIDTHS.items():
            if kind == owner and key in obj:
                assert len(str(obj[key])) <= width, (obj["id"], key)
        if kind == "Person" and " " in obj["name"] and "familyName" in obj:
            assert f"{obj.get('givenName', '')} {obj['familyName']}".strip() == obj["name"]
        if kind in ("Meeting", "Paper", "Person", "AgendaItem", "Organization"):
            assert obj["created"] <= obj["modified"], obj["id"]


def test_each_item_has_its_own_paper_under_its_own_title(tree: Path) -> None:
    live = list(_live(tree))
    items = {o["id"]: o for o in live if o["type"] == SPEC + "AgendaItem"}
    papers = [o for o in live if o["type"] == SPEC + "Paper"]
    assert papers
    for paper in papers:
        (consultation,) = paper["consultation"]
        item = items[consultation["agendaItem"]]
        assert paper["name"] == item["name"]
        assert item["consultation"] == consultation["id"]


@pytest.mark.parametrize(
    ("name", "family", "expected"),
    [
        ("Hans Stavnsager Rasmussen", None, ("Hans Stavnsager", "Rasmussen")),
        ("Alexander von Oettingen", None, ("Alexander", "von Oettingen")),
        ("Anne la Cour Vågen", None, ("Anne la Cour", "Vågen")),
        ("Peter van der Berg", None, ("Peter", "van der Berg")),
        ("De Nielsen", None, ("De", "Nielsen")),
        ("Johannes Lundsryd Jensen", "Lundsryd Jensen", ("Johannes", "Lundsryd Jensen")),
        ("Bo Hansen", "Jensen", ("Bo", "Hansen")),
        ("Madonna", None, (None, "Madonna")),
    ],
)
def test_the_danish_name_rule(name: str, family: str | None, expected: tuple[str, str]) -> None:
    assert split(name, family) == expected


def _git(cwd: Path, *args: str) -> None:
    env = {
        "GIT_AUTHOR_DATE": "2024-03-12T10:00:00+01:00",
        "GIT_COMMITTER_DATE": "2024-03-12T10:00:00+01:00",
        "PATH": "/usr/bin:/bin",
    }
    who = ["-c", "user.name=t", "-c", "user.email=t@invalid", "-c", "init.defaultBranch=main"]
    subprocess.run(["git", *who, *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_a_record_deleted_in_git_stays_as_a_tombstone_in_its_list(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    records = repo / "records"
    (records / "people").mkdir(parents=True)
    (records / "people" / "bo-hansen.yaml").write_text(
        "id: bo-hansen\nname: Bo Hansen\nkind: politician\n", encoding="utf-8"
    )
    (records / "people" / "ib-holm.yaml").write_text(
        "id: ib-holm\nname: Ib Holm\nkind: politician\n", encoding="utf-8"
    )
    (records / "body").mkdir()
    (records / "body" / "kkr.yaml").write_text(
        "id: kkr\nname: KKR Syddanmark\norganization: kkr\n", encoding="utf-8"
    )
    (records / "organizations").mkdir()
    (records / "organizations" / "kkr.yaml").write_text(
        "id: kkr\nname: KKR Syddanmark\nkind: council\n", encoding="utf-8"
    )
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Tilføj")
    (records / "people" / "ib-holm.yaml").unlink()
    _git(repo, "commit", "-q", "-a", "-m", "Slet Ib Holm")
    out = write_exports(records, tmp_path / "out")
    people = _list(out, BASE + "oparl/body/kkr/person.json")
    by_id = {p["id"]: p for p in people}
    dead = by_id[BASE + "oparl/person/ib-holm.json"]
    assert dead == {
        "id": BASE + "oparl/person/ib-holm.json",
        "type": SPEC + "Person",
        "modified": "2024-03-12T10:00:00+01:00",
        "deleted": True,
    }
    assert _load(out / "oparl/person/ib-holm.json") == dead
    alive = by_id[BASE + "oparl/person/bo-hansen.json"]
    assert (alive["created"], alive["modified"]) == ("2024-03-12T10:00:00+01:00",) * 2
    system = _load(out / "oparl/system.json")
    assert system["kkr:datesFrom"].startswith("git")
