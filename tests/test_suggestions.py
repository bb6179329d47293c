"""The advice in a message names the right fix: the next free item number, indentation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from kkr.cli import main

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    """A planned meeting with items 2.1 and 2.2 in a copy of the test site's records."""
    records = tmp_path / "records"
    shutil.copytree(ROOTS / "test-site" / "records", records)
    day = "2039-01-05"
    assert main(["new", "meeting", day, "--records", str(records)]) == 0
    for title in ("Et", "To"):
        args = ["new", "item", day, "--section", "2", "--title", title, "--records", str(records)]
        assert main(args) == 0
    return records / "meetings" / f"{day}.yaml"


def _validate(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    capsys.readouterr()
    assert main(["--lang", "da", "validate", str(path)]) == 1
    return capsys.readouterr().out


def test_a_repeated_item_number_suggests_the_next_free_one_in_its_section(
    meeting: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text + "  - number: '2.2'\n    title: Tre\n", encoding="utf-8")
    out = _validate(capsys, meeting)
    assert "punktnummer 2.2 bruges to gange" in out
    assert "fx 2.3, det næste ledige nummer i afsnit 2" in out


def test_a_list_entry_indented_too_far_is_reported_as_indentation(
    meeting: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = sorted(p.stem for p in (meeting.parent.parent / "people").glob("*.yaml"))
    text = meeting.read_text(encoding="utf-8")
    lines = text.replace(
        "    title: To\n",
        f"    title: To\n    people:\n      - {people[0]}\n        - {people[1]}\n",
    )
    meeting.write_text(lines, encoding="utf-8")
    number = lines.splitlines().index(f"        - {people[1]}") + 1
    out = _validate(capsys, meeting)
    assert f"{meeting.name}:{number}:9: error[yaml-syntax]: linjen er rykket for langt ind" in out
    assert f"'- {people[1]}' lige under '- {people[0]}'" in out
    assert "unresolved-reference" not in out and "mente du" not in out


def test_replacing_a_seat_that_does_not_exist_names_one_that_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "records"
    shutil.copytree(ROOTS / "test-site" / "records", records)
    seats = sorted(p.stem for p in (records / "memberships").glob("*.yaml"))
    person = sorted(p.stem for p in (records / "people").glob("*.yaml"))[0]
    args = ["new", "membership", person, "kkr-syddanmark", "--replaces", "zz-no-such-seat"]
    capsys.readouterr()
    assert main(["--lang", "da", *args, "--records", str(records)]) == 2
    err = capsys.readouterr().err
    assert f"brug et id, der findes, fx {seats[0]}" in err
    # A successor replaces a seat that exists; creating the old one now would be invented.
    assert "kkr new membership" not in err
