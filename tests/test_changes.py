"""`kkr diff BASE` tells reviewers in Danish what a pull request changes, in a real git repo."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOTS
from kkr.cli import main


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose first commit holds the test site's records."""
    shutil.copytree(ROOTS / "test-site" / "records", tmp_path / "records")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "records")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KKR_LANG", "da")
    return tmp_path


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["diff", "main", *args]) == 0
    return capsys.readouterr().out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_no_change_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff(capsys) == "Ingen ændringer i vidensbasen siden main\n"


def test_a_new_meeting_is_named_by_date_with_its_item_count(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "meeting", "2024-09-10"]) == 0
    for _ in range(2):
        assert main(["new", "item", "2024-09-10"]) == 0
    out = diff(capsys)
    assert "Møde 10. september 2024\n  - Nyt møde 10. september 2024 (2 punkter)\n" in out
    assert out.startswith("Ændringer i vidensbasen siden main: 1 post\n")


def test_a_new_meeting_without_items_says_no_agenda_is_registered(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "meeting", "2024-12-02"]) == 0
    assert "  - Nyt møde 2. december 2024, endnu uden registreret dagsorden\n" in diff(capsys)


def test_a_decision_a_participant_and_an_extension(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = repo / "records" / "meetings" / "2023-11-21.yaml"
    edit(meeting, "  - bo-hansen\nsections:", "  - bo-hansen\n  - suha\nsections:")
    edit(meeting, "    beslutning: |\n      Godkendt.\n", "")
    git(repo, "commit", "-qam", "no decision yet")
    edit(
        meeting,
        "    case: SAG-2021-02179\n",
        "    case: SAG-2021-02179\n    beslutning: Godkendt.\n",
    )
    edit(meeting, "  - suha\nsections:", "sections:")
    edit(meeting, "  - bo-hansen\nsections:", "  - bo-hansen\n  - suha\nsections:")
    contract = repo / "records" / "contracts" / "sdeo-resultatkontrakt-2022.yaml"
    edit(contract, "payments:", "  - until: '2024'\npayments:")
    out = diff(capsys)
    assert "Møde 21. november 2023\n  - Punkt 2.1: beslutning tilføjet\n" in out
    assert "Aftale Resultatkontrakt med Syddansk EU-kontor 2022\n  - Forlænget til 2024\n" in out


def test_a_participant_added(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = repo / "records" / "meetings" / "2023-11-21.yaml"
    edit(meeting, "  - bo-hansen\nsections:", "  - bo-hansen\n  - suha\nsections:")
    out = diff(capsys)
    person = (repo / "records" / "people" / "suha.yaml").read_text(encoding="utf-8")
    name = next(line[6:] for line in person.splitlines() if line.startswith("name: "))
    assert f"  - {name} tilføjet som deltager\n" in out


def test_an_appointment_names_whom_it_replaces(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "person", "Søren Ærø"]) == 0
    args = ["soeren-aeroe", "kkr-syddanmark", "--role", "chair"]
    assert main(["new", "membership", *args, "--replaces", "kkr-formand-johannes"]) == 0
    out = diff(capsys)
    assert "Søren Ærø\n  - Ny person\n" in out
    assert "Udpegning: Søren Ærø i KKR Syddanmark\n" in out
    assert "  - Ny udpegning som formand, afløser Johannes Lundsryd Jensen\n" in out


def test_a_broken_file_is_reported_as_broken_not_removed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "records" / "people" / "bo-hansen.yaml").write_text("id: bo-hansen\nkind: [\n")
    out = diff(capsys)
    assert "people/bo-hansen.yaml\n  - Indeholder fejl; kkr validate viser hvor\n" in out
    assert "Fjernet" not in out


def test_markdown_for_the_job_summary_escapes_record_text(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "organization", "<img src=x> *Fond*"]) == 0
    out = diff(capsys, "--format", "markdown")
    assert out.startswith("## Ændringer i vidensbasen siden main: 1 post\n")
    assert "### \\<img src=x\\> \\*Fond\\*\n\n- Ny organisation\n" in out
    assert "<img" not in out.replace("\\<", "")


def test_english_with_kkr_lang(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkr import i18n

    monkeypatch.setattr(i18n, "_active", None)
    monkeypatch.setenv("KKR_LANG", "en")
    assert main(["new", "person", "Bo Ib"]) == 0
    assert "Bo Ib\n  - New person\n" in diff(capsys)
    monkeypatch.setattr(i18n, "_active", None)


@pytest.mark.parametrize("base", ["no-such-branch", "HEAD~5", "main:records"])
def test_an_unknown_revision_is_a_usage_error(
    repo: Path, base: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", base]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_records_absent_at_base_are_all_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "mv", "records", "old")
    git(repo, "commit", "-qm", "move")
    git(repo, "mv", "old", "records")
    assert main(["diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    count = len(list((repo / "records").rglob("*.yaml")))
    assert out.startswith(f"Ændringer i vidensbasen siden HEAD: {count} poster\n")


def test_records_outside_git_are_a_usage_error_with_gits_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOTS / "test-site" / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["diff", "main"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kkr: fejl: ") and "git" in err
    assert len(err.splitlines()) == 1


def test_people_are_listed_in_one_line_per_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = repo / "records" / "meetings" / "2023-11-21.yaml"
    edit(meeting, "present:\n  - johannes-lundsryd-jensen\n  - bo-hansen\n", "")
    out = diff(capsys)
    assert "  - Johannes Lundsryd Jensen og Bo Hansen er ikke længere opført som deltagere\n" in out


def test_a_person_moved_to_the_presenters_is_not_unlinked(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = repo / "records" / "meetings" / "2023-11-21.yaml"
    edit(meeting, "    people:\n      - bo-hansen\n", "    presenters:\n      - bo-hansen\n")
    out = diff(capsys)
    assert "  - Punkt 2.1: Bo Hansen tilføjet som oplægsholder\n" in out
    assert "ikke længere knyttet" not in out


def test_a_file_fixed_since_base_is_not_called_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = repo / "records" / "people" / "bo-hansen.yaml"
    # politiker is a valid Danish name for politician; borgmester is no kind at all.
    edit(person, "kind: politician", "kind: borgmester")
    git(repo, "commit", "-qam", "broken")
    edit(person, "kind: borgmester", "kind: politician")
    out = diff(capsys)
    assert "Bo Hansen\n  - Rettet: filen er nu gyldig\n" in out
    assert "Ny person" not in out
