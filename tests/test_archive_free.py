"""No test depends on which meetings, people or documents records/ holds.

The proof: a copy of the repository whose records already hold a meeting on every date, and a
person of every name, that the import fixtures use, as a pull request for that meeting would;
then the data and import tests run in that copy (their REPO is the copy, so they read its
records) and pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kkr.cli import main

DATA = Path(__file__).parent / "data" / "meeting"
# The tests that import into records, and the data tests a pull request with a meeting runs.
TESTS = (
    "test_import_lifecycle.py",
    "test_import_path.py",
    "test_import_targets.py",
    "test_import_cli.py",
    "test_import_preserve.py",
    "test_knowledge.py",
    "test_links.py",
)


def _copy(repo: Path, target: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = repo / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.mark.sphinx
def test_the_tests_pass_on_an_archive_that_holds_the_fixtures_dates_and_names(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy(repo, tmp_path / "repo")
    records = copy / "records"
    # The fixtures' date (10 September 2024, agenda then minutes), their people and
    # neighbouring meetings, imported as a pull request would import them.
    documents = sorted(DATA.glob("kkr-syddanmark-*.txt"))
    assert [d.name for d in documents] == [
        "kkr-syddanmark-2024-09-10-dagsorden.txt",
        "kkr-syddanmark-2024-09-10-referat.txt",
    ]
    # Another meeting on that date, under the same file names, as KL's system names them.
    other = tmp_path / "other"
    other.mkdir()
    for document in documents:
        text = document.read_text(encoding="utf-8")
        assert "Klimasamarbejdet" in text
        variant = other / document.name
        variant.write_text(text.replace("Klimasamarbejdet", "Trafiksamarbejdet"), "utf-8")
        assert main(["import", str(variant), "--records", str(records)]) == 0
    # The other date and name the fixtures use: the moved agenda's previous meeting, and the
    # person the pull-request test writes by hand.
    added = []
    if not (records / "meetings" / "2024-02-05.yaml").exists():
        assert main(["new", "meeting", "2024-02-05", "--records", str(records)]) == 0
        added.append(records / "meetings" / "2024-02-05.yaml")
    assert main(["new", "person", "Karen Mosebo", "--records", str(records)]) == 0
    added.append(records / "people" / "karen-mosebo.yaml")
    # As in a real pull request, they cite their source: CI runs kkr validate --strict.
    for path in added:
        with path.open("a", encoding="utf-8") as record:
            record.write(f"sources:\n  - document: {documents[1].name}\n    lines: '1'\n")
    assert main(["validate", "--strict", str(records)]) == 0, capsys.readouterr().out
    assert (records / "meetings" / "2024-09-10.yaml").is_file()

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", *TESTS],
        cwd=copy / "tests",
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "error" not in result.stdout.splitlines()[-1]
