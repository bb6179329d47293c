"""Settling a conflict without losing the edit; an agenda after its minutes; shown values."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from kkr.cli import main
from kkr.importer.values import readable, shown
from kkr.loading.loader import load
from meeting_variants import Meeting, free_meeting

REPO = Path(__file__).resolve().parent.parent
EDIT = ("er udsendt.", "er udsendt til medlemmerne.")
REVISED = "er udsendt og godkendt."


@pytest.fixture
def records(tmp_path: Path) -> Path:
    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target)
    return target


@pytest.fixture
def meeting(records: Path, tmp_path: Path) -> Meeting:
    return free_meeting(records, tmp_path / "documents")


def kkr_import(
    capsys: pytest.CaptureFixture[str], records: Path, *args: str | Path
) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["import", *map(str, args), "--records", str(records)])
    out = capsys.readouterr()
    return code, out.out + out.err


def revised(meeting: Meeting, tmp_path: Path, new: str = REVISED) -> Path:
    """The minutes again, with item 1.1's text changed, under the same name."""
    text = meeting.minutes.read_text(encoding="utf-8")
    assert EDIT[0] in text
    path = tmp_path / "revised" / meeting.minutes.name
    path.parent.mkdir(parents=True)
    path.write_text(text.replace(EDIT[0], new), encoding="utf-8")
    return path


def edit(records: Path, meeting: Meeting, old: str, new: str) -> None:
    path = records / meeting.relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def data(records: Path, meeting: Meeting) -> dict[str, object]:
    value = load(records / meeting.relative).data
    assert isinstance(value, dict)
    return value


def numbers(records: Path, meeting: Meeting) -> list[str]:
    items = data(records, meeting)["items"]
    assert isinstance(items, list)
    return [str(item["number"]) for item in items]


def baggrund(records: Path, meeting: Meeting) -> str:
    items = data(records, meeting)["items"]
    assert isinstance(items, list)
    return str(items[0]["baggrund"])


def test_an_agenda_after_its_minutes_keeps_decisions_attendance_and_status(
    records: Path, meeting: Meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, meeting.minutes)[0] == 0
    edit(records, meeting, "status: held", "status: minutes-approved")
    before = data(records, meeting)
    # A corrected agenda, as staff import after fixing a typo in it.
    text = meeting.agenda.read_text(encoding="utf-8").replace("Status & plan", "Status og plan")
    corrected = tmp_path / "corrected" / meeting.agenda.name
    corrected.parent.mkdir()
    corrected.write_text(text, encoding="utf-8")
    code, out = kkr_import(capsys, records, corrected)
    assert code == 0, out
    after = data(records, meeting)
    assert "already holds the minutes" in out and "items[2.1].baggrund" in out
    for field in ("document", "status", "present", "absent", "items", "imported"):
        assert after[field] == before[field], field
    cited = [s["document"] for s in after["sources"]]  # type: ignore[attr-defined]
    assert meeting.minutes.name in cited and meeting.agenda.name in cited
    capsys.readouterr()
    assert main(["validate", "--strict", str(records)]) == 0, capsys.readouterr().out


def test_keep_mine_and_take_document_settle_a_conflict_per_field(
    records: Path, meeting: Meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, meeting.agenda)[0] == 0
    edit(records, meeting, *EDIT)
    changed = revised(meeting, tmp_path)
    code, out = kkr_import(capsys, records, changed)
    assert code == 1
    assert "--keep-mine items[1.1].baggrund" in out
    assert "'None'" not in out and "\\n" not in out
    code, out = kkr_import(capsys, records, changed, "--keep-mine", "items[1.1].baggrund")
    assert code == 0, out
    assert EDIT[1] in baggrund(records, meeting)
    assert "--keep-mine items[1.1].baggrund: kept the record's" in out
    # The same document again: the kept edit is no longer a conflict.
    assert kkr_import(capsys, records, changed)[0] == 0
    assert EDIT[1] in baggrund(records, meeting)
    # A document that changes the text once more: take the document's, which says what it drops.
    again = revised(meeting, tmp_path / "again", "er udsendt og rettet.")
    code, out = kkr_import(capsys, records, again, "--take-document", "items[1.1].baggrund")
    assert code == 0, out
    assert "er udsendt og rettet." in baggrund(records, meeting)
    assert "warning[hand-edit]: --take-document items[1.1].baggrund" in out
    assert "til medlemmerne" in out  # the discarded edit, named


def test_an_edit_carried_into_the_documents_words_is_accepted(
    records: Path, meeting: Meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, meeting.agenda)[0] == 0
    edit(records, meeting, *EDIT)
    changed = revised(meeting, tmp_path)
    assert kkr_import(capsys, records, changed)[0] == 1
    # Staff carry their edit over as the message asked, wrapping the line differently.
    edit(records, meeting, "er udsendt til medlemmerne.", "er udsendt og\n      godkendt.")
    before = (records / meeting.relative).read_text(encoding="utf-8")
    code, out = kkr_import(capsys, records, changed)
    assert code == 0, out
    assert "holds the document's words" in out
    after = (records / meeting.relative).read_text(encoding="utf-8")
    assert "er udsendt og\n      godkendt." in after
    assert before.count("\n") <= after.count("\n")


def test_force_lists_each_hand_edit_it_discards(
    records: Path, meeting: Meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, meeting.agenda)[0] == 0
    edit(records, meeting, *EDIT)
    code, out = kkr_import(capsys, records, revised(meeting, tmp_path), "--force")
    assert code == 0
    (line,) = [line for line in out.splitlines() if "warning[hand-edit]" in line]
    assert "items[1.1].baggrund" in line and "discarded the hand edit" in line
    assert "til medlemmerne" in line and "og godkendt" in line


def test_a_choice_that_names_no_conflict_is_told(
    records: Path, meeting: Meeting, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = kkr_import(capsys, records, meeting.agenda, "--keep-mine", "items[9.9].titel")
    assert code == 0
    assert "warning[hand-edit]: --keep-mine items[9.9].titel" in out
    code, out = kkr_import(
        capsys, records, meeting.agenda, "--keep-mine", "place", "--take-document", "place"
    )
    assert code == 2 and "place" in out


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "(empty)"),
        ("", "(empty)"),
        ("Første linje\n\nAnden  linje\n", "«Første linje Anden linje»"),
        (["bo-hansen", "lone-myrhoej"], "«bo-hansen; lone-myrhoej»"),
        ([{"marker": "./.", "text": None}], "«marker: ./., text: (empty)»"),
        ("a\x1b[31m", "«a\\u001b[31m»"),
    ],
)
def test_values_are_shown_as_plain_words(value: object, text: str) -> None:
    assert shown(value, "other") == text
    assert "None" not in readable(value) and "\n" not in readable(value)


def test_a_long_value_is_shown_where_it_differs() -> None:
    old = "Indledning. " * 40 + "Her er rettelsen."
    new = "Indledning. " * 40 + "Her er dokumentets tekst."
    text = shown(old, new)
    assert text.startswith("«…") and "rettelsen" in text and len(text) < 200


def test_a_meeting_planned_with_kkr_new_takes_its_agenda(
    records: Path, meeting: Meeting, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["new", "meeting", meeting.date, "--records", str(records)]) == 0
    code, out = kkr_import(capsys, records, meeting.agenda)
    assert code == 0, out
    record = data(records, meeting)
    assert record["status"] == "agenda-published" and record["document"] == "agenda"
    assert [s["title"] for s in record["sections"]][-1] == "Eventuelt"  # type: ignore[attr-defined]


def test_a_place_typed_into_a_planned_meeting_is_weighed_as_a_hand_edit(
    records: Path, meeting: Meeting, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["new", "meeting", meeting.date, "--records", str(records)]) == 0
    edit(records, meeting, "status: planned\n", "status: planned\nplace: Vejle Rådhus\n")
    before = (records / meeting.relative).read_bytes()
    code, out = kkr_import(capsys, records, meeting.agenda)
    assert code == 1 and "--keep-mine place" in out and "«Vejle Rådhus»" in out
    assert (records / meeting.relative).read_bytes() == before
    code, out = kkr_import(capsys, records, meeting.agenda, "--keep-mine", "place")
    assert code == 0, out
    assert data(records, meeting)["place"] == "Vejle Rådhus"


def test_an_edited_item_the_new_document_lacks_is_not_dropped_silently(
    records: Path, meeting: Meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, meeting.minutes)[0] == 0
    edit(records, meeting, "Intet.", "Intet, men formanden takkede.")
    # Revised minutes without item 4.1 (Eventuelt), which staff had edited.
    text = meeting.minutes.read_text(encoding="utf-8")
    assert "4. Eventuelt\t7\n4.1. Eventuelt\t7\n" in text
    cut = text[: text.rindex("\n4. Eventuelt\n") + 1]
    cut = cut.replace("4. Eventuelt\t7\n4.1. Eventuelt\t7\n", "")
    shorter = tmp_path / "shorter" / meeting.minutes.name
    shorter.parent.mkdir()
    shorter.write_text(cut, encoding="utf-8")
    code, out = kkr_import(capsys, records, shorter)
    assert code == 1 and "error[hand-edit]: items[4.1]" in out, out
    code, out = kkr_import(capsys, records, shorter, "--keep-mine", "items[4.1]")
    assert code == 0, out
    assert numbers(records, meeting)[-1] == "4.1"
    code, out = kkr_import(capsys, records, shorter, "--take-document", "items[4.1]")
    assert code == 0, out
    assert "formanden takkede" in out  # the discarded edit, named
    assert "4.1" not in numbers(records, meeting)
