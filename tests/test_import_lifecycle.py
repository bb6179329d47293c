"""The import lifecycle without --force: planned, agenda, minutes, re-import and hand edits."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from kkr import i18n
from kkr.cli import main
from kkr.importer.writer import emit, schema_comment
from kkr.loading.loader import load

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "meeting"
AGENDA = DATA / "kkr-syddanmark-2024-09-10-dagsorden.txt"
MINUTES = DATA / "kkr-syddanmark-2024-09-10-referat.txt"
MEETING = "meetings/2024-09-10.yaml"
# The test site's records: a fixed root, unlike the live records/ (tests/test_archive_free.py).
ROOT = REPO / "tests" / "roots" / "test-site" / "records"
# The fixed root's own records cite no sources; --strict may say so, about them only.
OWN = {path.relative_to(ROOT).as_posix() for path in ROOT.rglob("*.yaml")}


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A fixed records root: what the live archive holds never changes these tests."""
    target = tmp_path / "records"
    shutil.copytree(ROOT, target)
    return target


def kkr_import(
    capsys: pytest.CaptureFixture[str], records: Path, *args: str | Path
) -> tuple[int, str, str]:
    """Run kkr import; return the exit code, stdout and stderr."""
    capsys.readouterr()
    code = main(["import", *map(str, args), "--records", str(records)])
    out = capsys.readouterr()
    return code, out.out, out.err


def validate_strict(
    capsys: pytest.CaptureFixture[str], records: Path, *, before: frozenset[str] = frozenset()
) -> None:
    """kkr validate --strict finds nothing in what the imports wrote (``before``: not theirs)."""
    capsys.readouterr()
    main(["validate", "--strict", "--format", "json", str(records)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert found, "the fixed root's records without sources were not reported"
    assert [
        d
        for d in found
        if d["code"] != "no-sources"
        or Path(d["file"]).relative_to(records).as_posix() not in OWN | before
    ] == []


def meeting(records: Path, meeting_id: str = "2024-09-10") -> dict[str, object]:
    data = load(records / "meetings" / f"{meeting_id}.yaml").data
    assert isinstance(data, dict)
    return data


def variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    """A copy of ``source`` with one passage changed, under the same file name."""
    text = source.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "variant" / source.name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


def test_agenda_then_minutes_needs_no_force(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    assert meeting(records)["document"] == "agenda"
    code, out, _ = kkr_import(capsys, records, MINUTES)
    assert code == 0, out
    record = meeting(records)
    assert (record["document"], record["status"]) == ("minutes", "held")
    items = record["items"]
    assert isinstance(items, list)
    assert all("beslutning" in item for item in items)
    cited = {source["document"] for source in record["sources"]}  # type: ignore[attr-defined]
    assert cited == {AGENDA.name, MINUTES.name}
    assert (records / "documents" / MINUTES.name).read_bytes() == MINUTES.read_bytes()
    validate_strict(capsys, records)


def test_an_unchanged_reimport_writes_nothing(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA, MINUTES)[0] == 0
    before = {p: p.read_bytes() for p in records.rglob("*") if p.is_file()}
    code, out, _ = kkr_import(capsys, records, AGENDA, MINUTES)
    assert code == 0
    assert {p: p.read_bytes() for p in records.rglob("*") if p.is_file()} == before
    assert "wrote" not in out and "updated" not in out


def test_a_planned_placeholder_is_replaced(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    placeholder = {"id": "2024-09-10", "body": "kkr-syddanmark", "date": "2024-09-10"}
    placeholder["status"] = "planned"
    path = records / MEETING
    path.write_text(emit(placeholder, schema_comment("meeting")), encoding="utf-8")
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    assert meeting(records)["status"] == "agenda-published"


HAND_EDIT = ("er udsendt.", "er udsendt til medlemmerne.")


def _edit_by_hand(records: Path) -> None:
    path = records / MEETING
    text = path.read_text(encoding="utf-8")
    assert HAND_EDIT[0] in text
    path.write_text(text.replace(*HAND_EDIT), encoding="utf-8")


def test_a_hand_edit_survives_the_minutes(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    _edit_by_hand(records)
    code, out, _ = kkr_import(capsys, records, MINUTES)
    assert code == 0
    assert "items[1.1].baggrund" in out
    assert HAND_EDIT[1] in (records / MEETING).read_text(encoding="utf-8")
    validate_strict(capsys, records)


def test_a_hand_edit_the_document_changes_is_refused_then_forced(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    _edit_by_hand(records)
    edited = (records / MEETING).read_text(encoding="utf-8")
    changed = variant(tmp_path, MINUTES, HAND_EDIT[0], "er udsendt og rettet.")
    code, out, err = kkr_import(capsys, records, changed)
    assert code == 1
    assert (records / MEETING).read_text(encoding="utf-8") == edited
    line = 1 + edited.split("\n").index("    baggrund: |")
    (refusal,) = [e for e in err.splitlines() if "error[hand-edit]" in e]
    assert refusal.startswith(f"{records / MEETING}:{line}:")
    assert "items[1.1].baggrund" in refusal
    assert "udsendt til medlemmerne" in refusal and "udsendt og rettet" in refusal
    document_line = (
        changed.read_text(encoding="utf-8")
        .split("\n")
        .index("Referatet fra mødet den 17. juni 2024 er udsendt og rettet.")
    )
    assert f"{changed}:{document_line + 1}" in refusal
    assert "nothing was written" in out or "intet blev skrevet" in out.lower()
    code, _, err = kkr_import(capsys, records, changed, "--force")
    assert code == 0
    assert "warning[hand-edit]" in err
    text = (records / MEETING).read_text(encoding="utf-8")
    assert "udsendt og rettet" in text and HAND_EDIT[1] not in text


def test_dry_run_prints_a_unified_diff_of_the_change(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    before = (records / MEETING).read_bytes()
    code, out, _ = kkr_import(capsys, records, MINUTES, "--dry-run")
    assert code == 0
    assert (records / MEETING).read_bytes() == before
    assert f"--- {records / MEETING}\n+++ {records / MEETING}\n@@ " in out
    assert "\n-document: agenda\n" in out and "\n+document: minutes\n" in out
    assert "+    beslutning: |\n" in out
    # Only the changes and their context, not the whole file.
    diff = out[out.index(f"--- {records / MEETING}") :]
    assert "+id: " not in diff and "+items:" not in diff


def test_neighbours_point_back(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    record = meeting(records)
    assert meeting(records, str(record["previous"]))["next"] == "2024-09-10"
    assert meeting(records, str(record["next"]))["previous"] == "2024-09-10"
    # An existing meeting without a next one gets this meeting as its next.
    moved = variant(tmp_path, AGENDA, "den 17. juni 2024", "den 5. februar 2024")
    shutil.rmtree(records)
    shutil.copytree(ROOT, records)
    assert main(["new", "meeting", "2024-02-05", "--records", str(records)]) == 0
    assert "next" not in meeting(records, "2024-02-05")
    assert kkr_import(capsys, records, moved)[0] == 0
    assert meeting(records, "2024-02-05")["next"] == "2024-09-10"
    assert meeting(records)["previous"] == "2024-02-05"
    validate_strict(capsys, records, before=frozenset({"meetings/2024-02-05.yaml"}))


def test_agenda_and_minutes_in_one_run_merge_as_two_runs_do(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    assert kkr_import(capsys, records, MINUTES)[0] == 0
    two_runs = (records / MEETING).read_bytes()
    for order in ((AGENDA, MINUTES), (MINUTES, AGENDA)):
        shutil.rmtree(records)
        shutil.copytree(ROOT, records)
        code, out, _ = kkr_import(capsys, records, *order)
        assert code == 0
        assert (records / MEETING).read_bytes() == two_runs
        assert out.count(" 0 in record fields") == 0


def test_two_documents_of_one_run_that_disagree_are_reported_with_both_lines(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Klimasamarbejdet *efter* DK2020"
    renamed = variant(tmp_path, MINUTES, f"2.2. {title}\n", "2.2. Klimasamarbejdet i 2024\n")
    code, _, err = kkr_import(capsys, records, AGENDA, renamed)
    assert code == 0
    agenda_line = AGENDA.read_text(encoding="utf-8").split("\n").index(f"2.2. {title}") + 1
    minutes_lines = renamed.read_text(encoding="utf-8").split("\n")
    minutes_line = minutes_lines.index("2.2. Klimasamarbejdet i 2024") + 1
    (warning,) = [e for e in err.splitlines() if "items[2.2].title" in e]
    assert warning.startswith(f"{renamed}:{minutes_line}:1: warning[source-discrepancy]")
    assert f"{AGENDA}" in warning and f"{agenda_line}" in warning
    assert meeting(records)["items"][2]["title"] == "Klimasamarbejdet i 2024"  # type: ignore[index]


def test_no_warning_is_printed_twice(records: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(records / "people")  # every participant and handler becomes a new record
    (records / "people").mkdir()
    _, out, err = kkr_import(capsys, records, AGENDA, MINUTES, "--dry-run")
    repeated = [line for line, n in Counter(err.splitlines() + out.splitlines()).items() if n > 1]
    assert not [line for line in repeated if "warning[" in line or line.startswith("  note")]
    assert "warning[record-created]" in err


def test_a_changed_document_of_the_same_name_is_kept_beside_the_first(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    changed = variant(tmp_path, AGENDA, "Status & plan", "Status og plan")
    code, _, err = kkr_import(capsys, records, changed)
    assert code == 0
    second = AGENDA.stem + "-2" + AGENDA.suffix
    assert f"{changed}:1:1: warning[record-exists]" in err and second in err
    # The first stays as it was, for the records that cite it; the new one is cited by its name.
    assert (records / "documents" / AGENDA.name).read_bytes() == AGENDA.read_bytes()
    assert (records / "documents" / second).read_bytes() == changed.read_bytes()
    cited = {source["document"] for source in meeting(records)["sources"]}  # type: ignore[attr-defined]
    assert second in cited
    # The same bytes again reuse the name they were kept under.
    assert kkr_import(capsys, records, changed)[0] == 0
    assert not (records / "documents" / (AGENDA.stem + "-3" + AGENDA.suffix)).exists()
    validate_strict(capsys, records)


def test_an_impossible_date_points_at_the_document_line(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = variant(tmp_path, AGENDA, "Dato: 10-09-2024 10:00", "Dato: 30-02-2024 10:00")
    code, _, err = kkr_import(capsys, records, wrong)
    assert code == 1
    line = wrong.read_text(encoding="utf-8").split("\n").index("Dato: 30-02-2024 10:00") + 1
    assert err.startswith(f"{wrong}:{line}:1: error[invalid-date]")
    assert "meetings/" not in err


def test_names_and_acronyms_keep_their_hyphen(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    text = (records / MEETING).read_text(encoding="utf-8")
    assert "KKR-sekretariatet" in text and "DK2020-klimakoordinatorer" in text
    assert "kommunaldirektørerne" in text
    assert not re.search(r"(KKR|DK2020)- ", text)


def test_messages_are_danish_by_default(
    records: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KKR_LANG")
    i18n.set_language()
    assert kkr_import(capsys, records, AGENDA)[0] == 0
    _edit_by_hand(records)
    changed = variant(tmp_path, MINUTES, HAND_EDIT[0], "er udsendt og rettet.")
    code, out, err = kkr_import(capsys, records, changed)
    assert code == 1
    assert "error[hand-edit]: items[1.1].baggrund er rettet i hånden" in err
    assert "intet blev skrevet" in out


def test_a_problem_in_a_record_not_yet_written_points_at_the_document(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Both the contents line and the heading: items 2.1 and 2.4, a gap the validator warns of.
    gap = variant(tmp_path, AGENDA, "2.2. Klimasamarbejdet", "2.4. Klimasamarbejdet")
    code, _, err = kkr_import(capsys, records, gap, "--dry-run")
    assert code == 0
    heading = (
        gap.read_text(encoding="utf-8").split("\n").index("2.4. Klimasamarbejdet *efter* DK2020")
    )
    (warning,) = [line for line in err.splitlines() if "numbering-gap" in line]
    assert warning.startswith(f"{gap}:{heading + 1}:1: warning[numbering-gap]")
    assert "meetings/2024-09-10.yaml" in warning  # named as the record it would be
