"""The importer's document store: no collisions, no writes through links, citations checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from kkr.cli import main
from kkr.loading.loader import load
from meeting_variants import free_meeting

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def records(tmp_path: Path) -> Path:
    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target)
    return target


def kkr(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _sources(path: Path) -> list[dict[str, str]]:
    data = load(path).data
    assert isinstance(data, dict)
    return list(data["sources"])


def test_two_documents_of_one_name_in_one_run_are_both_kept(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = free_meeting(records, tmp_path / "first")
    # A later meeting's agenda under the very same file name: dated after the meeting that
    # the first one's import plans as its next.
    scratch = tmp_path / "scratch"
    shutil.copytree(records, scratch)
    assert kkr(capsys, "import", first.agenda, "--records", scratch)[0] == 0
    later = free_meeting(scratch, tmp_path / "later")
    assert later.previous == first.following
    named = tmp_path / "first" / "dagsorden.txt"
    second = tmp_path / "later" / "dagsorden.txt"
    first.agenda.rename(named)
    later.agenda.rename(second)
    code, out = kkr(capsys, "import", named, second, "--records", records)
    assert code == 0, out
    documents = records / "documents"
    assert (documents / "dagsorden.txt").read_bytes() == named.read_bytes()
    assert (documents / "dagsorden-2.txt").read_bytes() == second.read_bytes()
    cited = {
        meeting: {s["document"] for s in _sources(records / "meetings" / f"{meeting}.yaml")}
        for meeting in (first.date, later.date)
    }
    assert cited == {first.date: {"dagsorden.txt"}, later.date: {"dagsorden-2.txt"}}
    code, out = kkr(capsys, "validate", "--strict", records)
    assert code == 0, out


def test_validate_catches_a_citation_of_changed_lines(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "documents")
    assert kkr(capsys, "import", meeting.agenda, "--records", records)[0] == 0
    record = records / meeting.relative
    (source,) = [s for s in _sources(record) if s["document"] == meeting.agenda.name]
    assert len(source["digest"]) == 16
    kept = records / "documents" / meeting.agenda.name
    # Another meeting's text put in its place, with as many lines: only the digest can tell.
    text = kept.read_text(encoding="utf-8")
    kept.write_text(text.replace("Status & plan", "Status og plan"), encoding="utf-8")
    code, out = kkr(capsys, "validate", records)
    assert code == 1
    line = 1 + record.read_text(encoding="utf-8").split("\n").index(
        f"    digest: {source['digest']}"
    )
    assert f"{record}:{line}:" in out and "error[citation]" in out and "digest" in out


@pytest.mark.parametrize("dangling", [False, True])
def test_a_linked_documents_folder_is_refused(
    records: Path, tmp_path: Path, dangling: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "incoming")
    outside = tmp_path / "outside"
    if not dangling:
        outside.mkdir()
    shutil.rmtree(records / "documents")
    (records / "documents").symlink_to(outside, target_is_directory=True)
    code, out = kkr(capsys, "import", meeting.agenda, "--records", records)
    assert code == 1
    assert f"{records / 'documents'}:1:1: error[symlink]" in out
    assert ("to nothing" if dangling else "outside the records folder") in out
    assert not (records / meeting.relative).exists()
    assert not dangling or not outside.exists()
    assert dangling or not any(outside.iterdir())


def test_a_link_to_a_folder_inside_records_is_followed(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "incoming")
    (records / "documents").rename(records / "kept-documents")
    (records / "documents").symlink_to(records / "kept-documents", target_is_directory=True)
    code, out = kkr(capsys, "import", meeting.agenda, "--records", records)
    assert code == 0, out
    assert (records / "kept-documents" / meeting.agenda.name).is_file()
