"""Record history from git: log pass, renames, deletions, shallow clones, the Historik."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOTS
from exports_support import REPO, write_exports
from kkr.changes import history, timeline
from kkr.changes.names import Names
from kkr.checks.corpus import load_corpus
from kkr.site.views.history import section_for

MEETING = "records/meetings/2021-06-09.yaml"


def _git(repo: Path, *args: str, when: str = "2024-03-12T10:00:00+01:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    who = ["-c", "user.name=t", "-c", "user.email=t@invalid", "-c", "init.defaultBranch=main"]
    done = subprocess.run(
        ["git", *who, *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site's records in git: added, a decision added, a file renamed, one deleted."""
    root = tmp_path_factory.mktemp("history") / "repo"
    (root / "records").mkdir(parents=True)
    for path in (ROOTS / "test-site" / "records").rglob("*"):
        if path.is_file():
            target = root / "records" / path.relative_to(ROOTS / "test-site" / "records")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Dagsorden importeret")
    meeting = root / MEETING
    text = meeting.read_text(encoding="utf-8")
    text = text.replace(
        "    presenters:\n      - johannes-lundsryd-jensen\n    attachments:",
        "    beslutning: |\n      KKR Syddanmark godkendte fordelingen.\n"
        "    presenters:\n      - johannes-lundsryd-jensen\n    attachments:",
        1,
    )
    meeting.write_text(text, encoding="utf-8")
    _git(root, "commit", "-q", "-a", "-m", "Referat importeret", when="2024-04-02T09:00:00+02:00")
    people = root / "records" / "people"
    extra = people / "ib-holm.yaml"
    extra.write_text("id: ib-holm\nname: Ib Holm\nkind: politician\n", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Ib Holm", when="2024-04-03T09:00:00+02:00")
    _git(root, "rm", "-q", "records/people/ib-holm.yaml")
    _git(root, "commit", "-q", "-m", "Ib Holm var en fejl", when="2024-05-01T09:00:00+02:00")
    return root


def test_one_log_pass_gives_each_file_its_commits(repo: Path) -> None:
    found = history.read(repo / "records")
    assert found.available
    changes = found.of(repo / MEETING)
    assert [(c.status, c.commit.subject) for c in changes] == [
        ("A", "Dagsorden importeret"),
        ("M", "Referat importeret"),
    ]
    assert changes[1].commit.when.isoformat() == "2024-04-02T09:00:00+02:00"
    deleted = found.deleted()
    assert list(deleted) == ["records/people/ib-holm.yaml"]
    assert deleted["records/people/ib-holm.yaml"].commit.subject == "Ib Holm var en fejl"


def test_a_renamed_record_keeps_its_history(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    _git(clone, "mv", "records/people/bo-hansen.yaml", "records/people/bo-hansen-2.yaml")
    _git(clone, "commit", "-q", "-m", "Omdøbt", when="2024-06-01T09:00:00+02:00")
    changes = history.read(clone / "records").of(clone / "records/people/bo-hansen-2.yaml")
    assert [c.commit.subject for c in changes] == ["Dagsorden importeret", "Omdøbt"]


def test_an_item_removed_from_a_meeting_leaves_tombstones(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    meeting = clone / MEETING
    lines = meeting.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - number: '3.2'")
    del lines[start : start + 2]
    meeting.write_text("\n".join(lines), encoding="utf-8")
    _git(clone, "commit", "-q", "-a", "-m", "Punkt 3.2 fjernet", when="2024-06-01T09:00:00+02:00")
    out = write_exports(clone / "records", tmp_path / "out")
    dead = json.loads((out / "oparl/agendaitem/2021-06-09-3.2.json").read_text(encoding="utf-8"))
    assert dead["deleted"] is True
    assert dead["modified"] == "2024-06-01T09:00:00+02:00"
    items = json.loads(
        (out / "oparl/body/kkr-syddanmark/agendaItem.json").read_text(encoding="utf-8")
    )["data"]
    assert dead in items


def test_steps_tell_the_change_in_kkr_diffs_words(repo: Path) -> None:
    corpus = load_corpus(repo / "records")
    line = timeline.of(corpus)
    entry = corpus.get("meeting", "2021-06-09")
    assert entry is not None
    first, second = line.steps(entry)
    assert first.first
    assert not second.first
    assert second.lines == ["Punkt 3.6: beslutning tilføjet"]
    assert second.subject == "Referat importeret"
    block = section_for(line, [first, second])
    text = json.dumps(block, ensure_ascii=False)
    assert "2. april 2024 (ændret efter offentliggørelsen): punkt 3.6: beslutning tilføjet" in text
    assert "(Referat importeret)" in text
    (dead,) = line.tombstones()
    assert (dead.kind, dead.record.id) == ("person", "ib-holm")


def test_oparl_dates_come_from_the_commits(repo: Path, tmp_path: Path) -> None:
    out = write_exports(repo / "records", tmp_path / "out")
    meeting = json.loads((out / "oparl/meeting/2021-06-09.json").read_text(encoding="utf-8"))
    assert meeting["created"] == "2024-03-12T10:00:00+01:00"
    assert meeting["modified"] == "2024-04-02T09:00:00+02:00"
    # Objects made from the meeting have its dates.
    item = meeting["agendaItem"][0]
    assert (item["created"], item["modified"]) == (meeting["created"], meeting["modified"])
    again = write_exports(repo / "records", tmp_path / "again")
    for path in (out / "oparl").rglob("*.json"):
        assert path.read_bytes() == (again / path.relative_to(out)).read_bytes()


def test_a_shallow_clone_says_it_has_no_history(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    found = history.read(clone / "records")
    assert (found.available, found.reason) == (False, "shallow")
    corpus = load_corpus(clone / "records")
    line = timeline.of(corpus)
    text = json.dumps(section_for(line, []), ensure_ascii=False)
    assert "Historikken er ikke tilgængelig" in text
    assert "shallow clone" in text
    out = write_exports(clone / "records", tmp_path / "out")
    system = json.loads((out / "oparl/system.json").read_text(encoding="utf-8"))
    assert system["kkr:datesFrom"].startswith("build: a shallow clone")
    meeting = json.loads((out / "oparl/meeting/2021-06-09.json").read_text(encoding="utf-8"))
    # Not the commit's dates, which the clone cannot know: the build's stamp.
    assert meeting["created"] == meeting["modified"]
    assert not meeting["created"].startswith("2024-03-12")


def test_history_names_commitments_as_the_site_does() -> None:
    corpus = load_corpus(REPO / "records")
    plan = corpus.entries("workplan")[0].record
    area = plan.areas[0]  # type: ignore[attr-defined]
    ref = f"{plan.id}/{area.commitments[0].id}"
    assert Names(corpus, corpus).link("commitments", ref) == f"{area.title}, målsætning 1"


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        ("Status ændret fra dagsorden udsendt til afholdt", "status ændret fra dagsorden"),
        ("Punkt 3.6: beslutning tilføjet", "punkt 3.6: beslutning tilføjet"),
        ("Anne Testesen og Bo Hansen tilføjet som deltagere", "Anne Testesen og Bo Hansen"),
        ("Eva Demomand tilføjet med afbud", "Eva Demomand tilføjet med afbud"),
        ("Alexander von Oettingen tilføjet med afbud", "Alexander von Oettingen"),
        ("KKR Syddanmark tilføjet", "KKR Syddanmark tilføjet"),
    ],
)
def test_a_change_that_starts_with_a_name_keeps_its_capital(change: str, shown: str) -> None:
    """The Historik continues a sentence in lower case, but never lowercases a name."""
    from datetime import datetime
    from types import SimpleNamespace
    from typing import Any, cast

    step = timeline.Step(datetime.fromisoformat("2024-04-02T09:00:00+02:00"), "s", [change], False)
    line = cast(Any, SimpleNamespace(available=True))
    text = json.dumps(section_for(line, [step]), ensure_ascii=False)
    assert f"(ændret efter offentliggørelsen): {shown}" in text
