"""Staff may write roles and other enum values in Danish (formand) or as stored (chair)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from kkr import i18n
from kkr.checks.corpus import load_corpus
from kkr.cli import main

from schema.membership import Membership, Role
from schema.types import DANISH

REPO = Path(__file__).resolve().parent.parent
CONTEXT = Path(__file__).parent / "editor" / "context" / "records"


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    i18n.set_language("da")
    yield
    i18n.set_language()


@pytest.fixture
def records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CONTEXT, tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "records"


def _seat(records: Path, role: str) -> Path:
    path = records / "memberships" / "kkr-bo-hansen.yaml"
    # git keeps no empty folder, so a fresh clone has none to write into.
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f"id: kkr-bo-hansen\nperson: bo-hansen\norganization: kkr\nrole: {role}\n",
        encoding="utf-8",
    )
    return path


def test_every_role_has_one_danish_name() -> None:
    assert sorted(DANISH[Role].values()) == sorted(m.value for m in Role)


@pytest.mark.parametrize(("danish", "english"), sorted(DANISH[Role].items()))
def test_a_danish_role_validates_as_its_english_value(
    records: Path, danish: str, english: str
) -> None:
    _seat(records, danish)
    corpus = load_corpus(records)
    assert not corpus.diagnostics
    seat = corpus.entries("membership")[0].record
    assert isinstance(seat, Membership)
    assert seat.role == Role(english)


def test_an_unknown_role_lists_the_danish_names(records: Path) -> None:
    _seat(records, "formandinde")
    [diagnostic] = load_corpus(records).diagnostics
    assert diagnostic.code == "invalid-value"
    assert "'formand'" in diagnostic.message and "'chair'" in diagnostic.message


def test_the_editor_schema_accepts_danish_and_english_roles() -> None:
    schema = json.loads((REPO / "schema" / "json" / "membership.json").read_text())
    validator = Draft202012Validator(schema)
    seat = {"id": "kkr-bo-hansen", "person": "bo-hansen", "organization": "kkr"}
    for role in ["formand", "chair", "suppleant"]:
        assert not list(validator.iter_errors({**seat, "role": role}))
    assert list(validator.iter_errors({**seat, "role": "formandinde"}))


def test_kkr_new_takes_a_danish_role(records: Path) -> None:
    assert main(["new", "membership", "bo-hansen", "kkr", "--role", "næstformand"]) == 0
    [path] = (records / "memberships").glob("*.yaml")
    assert "role: vice-chair\n" in path.read_text(encoding="utf-8")
    assert not load_corpus(records).diagnostics


def test_every_enum_staff_type_has_danish_names() -> None:
    from kkr.reference import _nested

    from schema.registry import KINDS

    enums = set()
    seen: set[type] = set()
    for kind in KINDS.values():
        seen.add(kind.model)
        for model in [kind.model, *_nested(kind.model, seen)]:
            for info in model.model_fields.values():  # type: ignore[attr-defined]
                annotation = info.annotation
                for candidate in getattr(annotation, "__args__", (annotation,)):
                    if isinstance(candidate, type) and issubclass(candidate, Enum):
                        enums.add(candidate)
    assert len(enums) >= 8
    for enum in enums:
        assert enum in DANISH, enum
        assert set(DANISH[enum].values()) <= {m.value for m in enum}
        assert not set(DANISH[enum]) & {m.value for m in enum}


def test_danish_kinds_keep_the_kind_rules(records: Path) -> None:
    person = records / "people" / "anne-dam.yaml"
    person.write_text("id: anne-dam\nname: Anne Dam\nkind: politiker\nparty: A\n", "utf-8")
    assert not load_corpus(records).diagnostics
    schema = json.loads((REPO / "schema" / "json" / "person.json").read_text())
    validator = Draft202012Validator(schema)
    assert not list(
        validator.iter_errors({"id": "a", "name": "A", "kind": "politiker", "party": "A"})
    )
    assert list(validator.iter_errors({"id": "a", "name": "A", "kind": "ekstern", "party": "A"}))


def test_danish_minutes_require_decisions_in_the_editor_schema() -> None:
    schema = json.loads((REPO / "schema" / "json" / "meeting.json").read_text())
    meeting = {"id": "2023-11-21", "body": "kkr", "date": "2023-11-21", "status": "afholdt"}
    meeting["items"] = [{"number": "1.1", "title": "Punkt"}]
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors({**meeting, "document": "dagsorden"}))
    assert list(validator.iter_errors({**meeting, "document": "referat"}))


def test_kkr_new_takes_a_danish_kind(records: Path) -> None:
    assert main(["new", "organization", "FGU Danmark", "--kind", "forening"]) == 0
    text = (records / "organizations" / "fgu-danmark.yaml").read_text(encoding="utf-8")
    assert "kind: association\n" in text
