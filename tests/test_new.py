"""`kkr new` writes skeletons that validate, never overwrites, and adds items in agenda order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOTS
from kkr.checks.corpus import load_corpus
from kkr.checks.refs import unresolved
from kkr.cli import main

from schema.registry import KINDS


@pytest.fixture
def records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test site's records, as the working directory's records/."""
    shutil.copytree(ROOTS / "test-site" / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KKR_LANG", "da")
    return tmp_path / "records"


COMMANDS = {
    "meeting": ["2024-09-10"],
    "person": ["Søren Ærø Åberg", "--kind", "staff"],
    "organization": ["Grøn Omstillingsfond", "--kind", "board"],
    "membership": ["bo-hansen", "kl", "--role", "member"],
    "contract": ["Aftale om grøn vækst 2025"],
    "matter": ["Flygtninge 2024", "--item", "2023-11-21/2.1"],
}


def test_every_kind_a_command_makes_is_covered() -> None:
    kinds = {kind.name for kind in KINDS.values()}
    assert set(COMMANDS) <= kinds
    # The council, topics and the work plan are few and written once, by hand.
    assert kinds - set(COMMANDS) == {"body", "topic", "workplan"}


@pytest.mark.parametrize("kind", COMMANDS)
def test_each_skeleton_validates_strictly_and_is_never_overwritten(
    records: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = load_corpus(records).diagnostics
    assert main(["new", kind, *COMMANDS[kind]]) == 0
    path = Path(capsys.readouterr().out.strip())
    directory = next(k.directory for k in KINDS.values() if k.name == kind)
    assert path.parent == Path("records") / directory
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schema/json/{kind}.json\n")
    corpus = load_corpus(records)
    assert corpus.diagnostics == before
    assert corpus.get(kind, path.stem) is not None
    path.write_text(text + "# a hand edit\n", encoding="utf-8")
    assert main(["new", kind, *COMMANDS[kind]]) == 1
    assert path.read_text(encoding="utf-8") == text + "# a hand edit\n"
    if kind != "meeting":
        assert f"--id {path.stem}-2" in capsys.readouterr().err
        assert main(["new", kind, *COMMANDS[kind], "--id", f"{path.stem}-2"]) == 0
        assert load_corpus(records).get(kind, f"{path.stem}-2") is not None


def test_ids_come_from_danish_names(records: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "person", "Søren Ærø Åberg"]) == 0
    assert capsys.readouterr().out.strip().endswith("people/soeren-aeroe-aaberg.yaml")


def test_items_take_the_next_free_number_in_agenda_order(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = records / "meetings" / "2023-11-21.yaml"
    before = path.read_text(encoding="utf-8")
    corpus = load_corpus(records)
    meeting = corpus.get("meeting", "2023-11-21")
    assert meeting is not None
    numbers = [item.number for item in meeting.record.items]  # type: ignore[attr-defined]
    section, last = numbers[-1].split(".")
    expected = f"{section}.{int(last) + 1}"
    assert main(["new", "item", "2023-11-21", "--title", "Status"]) == 0
    assert f"punkt {expected} tilføjet" in capsys.readouterr().out
    after = load_corpus(records)
    assert after.diagnostics == corpus.diagnostics
    record = after.get("meeting", "2023-11-21")
    assert record is not None
    got = [item.number for item in record.record.items]  # type: ignore[attr-defined]
    assert got == [*numbers, expected]
    # Nothing but the new lines changed.
    new = path.read_text(encoding="utf-8").splitlines()
    old = before.splitlines()
    assert [line for line in new if line not in old] == [
        f"  - number: '{expected}'",
        "    title: Status",
        "    beslutning: ''",
    ]


def test_an_item_goes_before_later_sections(records: Path) -> None:
    assert main(["new", "meeting", "2024-09-10"]) == 0
    for section in ("3", "2", "3", "1"):
        assert main(["new", "item", "2024-09-10", "--section", section]) == 0
    meeting = load_corpus(records).get("meeting", "2024-09-10")
    assert meeting is not None
    numbers = [item.number for item in meeting.record.items]  # type: ignore[attr-defined]
    assert numbers == ["1.1", "2.1", "3.1", "3.2"]


@pytest.mark.parametrize(
    "args",
    [
        ["meeting", "2024-02-30"],
        ["item", "2030-01-01"],
        ["item", "2023-11-21", "--section", "9"],
        ["person", "!!!"],
        ["membership", "no-one", "kl"],
        ["membership", "bo-hansen", "kl", "--replaces", "nothing"],
        ["matter", "X", "--item", "2023-11-21/9.9"],
        ["person", "Bo Ib", "--id", "Bo Ib"],
        ["organization", "x" * 2001],
    ],
)
def test_impossible_requests_are_usage_errors(
    records: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(records.rglob("*"))
    assert main(["new", *args]) == 2
    assert capsys.readouterr().err.startswith("kkr: fejl: ")
    assert sorted(records.rglob("*")) == before


def test_a_mistyped_id_gets_the_hint_kkr_validate_gives(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = load_corpus(records)
    organization = corpus.entries("organization")[-1].record.id
    typo = organization[:-2] + organization[-1]  # one letter left out
    assert main(["new", "membership", corpus.entries("person")[0].record.id, typo]) == 2
    err = capsys.readouterr().err
    hint = unresolved("organization", typo, set(corpus.by_kind["organization"])).split("; ")[-1]
    assert organization in hint and hint in err
