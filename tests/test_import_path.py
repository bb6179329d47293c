"""The pull-request path: a new meeting's agenda, then its minutes, then hand-made records, and
every data check of ``make test`` is green in a copy of the repository."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from kkr.cli import main
from kkr.importer.writer import emit, schema_comment

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "meeting"
AGENDA = DATA / "kkr-syddanmark-2024-09-10-dagsorden.txt"
MINUTES = DATA / "kkr-syddanmark-2024-09-10-referat.txt"
# What a pull request holds: the records, the pages and configuration, and the data tests.
PULL_REQUEST = ("conf.py", "pyproject.toml", "docs", "records")
DATA_TESTS = ("sources.py", "english.py", "test_knowledge.py", "test_links.py")


def _copy(target: Path) -> Path:
    target.mkdir()
    for name in PULL_REQUEST:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("_build"))
        else:
            shutil.copy2(source, target / name)
    (target / "tests").mkdir()
    for name in DATA_TESTS:
        shutil.copy2(REPO / "tests" / name, target / "tests" / name)
    return target


def _free_year(records: Path) -> int:
    """A year no record or document of the copy mentions, on the fixture's weekdays.

    The calendar repeats every 28 years (1901-2099), so 10 September stays a Tuesday.
    """
    for year in range(2024 + 28, 2100, 28):
        if not any(str(year) in path.name for path in records.rglob("*")):
            return year
    raise AssertionError("no free year for the test meeting")


def _shifted(documents: tuple[Path, ...], year: int, target: Path) -> list[Path]:
    """The fixture documents with 2024 read as ``year``: a meeting no archive holds."""
    target.mkdir()
    shifted = []
    for document in documents:
        path = target / document.name.replace("2024", str(year))
        path.write_text(document.read_text(encoding="utf-8").replace("2024", str(year)), "utf-8")
        shifted.append(path)
    return shifted


def _free_person(records: Path) -> tuple[str, str]:
    """A name and id no person record has yet."""
    for name in ("Karen Mosebo", "Karen Mosebo Holm", "Karen Mosebo Lund"):
        person_id = name.lower().replace(" ", "-")
        if not (records / "people" / f"{person_id}.yaml").exists():
            return name, person_id
    raise AssertionError("no free name for the test person")


def _strict_findings(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> set[tuple[str, int, int, str]]:
    """What kkr validate --strict reports (it exits 1 on any)."""
    capsys.readouterr()
    code = main(["validate", "--strict", "--format", "json", str(records)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert code == (1 if found else 0)
    return {(d["file"], d["line"], d["column"], d["code"]) for d in found}


def _write(path: Path, record: dict[str, object], kind: str) -> None:
    path.write_text(emit(record, schema_comment(kind)), encoding="utf-8")


def _page_text(path: Path) -> str:
    """The words of an HTML page, as a reader sees them."""
    text = re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8"))
    return " ".join(html.unescape(text).split())


@pytest.mark.sphinx
def test_a_new_meeting_passes_every_data_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy(tmp_path / "repo")
    records = copy / "records"
    # A date and a name that are checked to be free, whatever the archive holds by now.
    year = _free_year(records)
    agenda, minutes = _shifted((AGENDA, MINUTES), year, tmp_path / "documents")
    for document in (agenda, minutes):
        assert main(["import", str(document), "--records", str(records)]) == 0
    before = _strict_findings(records, capsys)
    # Staff add a person and an appointment by hand; the person cites nothing.
    name, person_id = _free_person(records)
    person = {"id": person_id, "name": name, "kind": "politician"}
    _write(records / "people" / f"{person_id}.yaml", person, "person")
    membership = {
        "id": f"kkr-syddanmark-lise-kjaergaard-holm-{year}",
        "person": "lise-kjaergaard-holm",
        "organization": "kkr-syddanmark",
        "role": "member",
        "period": {"start": f"{year}-09"},
        "sources": [
            {
                "document": minutes.name,
                "lines": str(
                    minutes.read_text(encoding="utf-8")
                    .split("\n")
                    .index("Lise Kjærgaard Holm (A) Kolding")
                    + 1
                ),
                "quote": "Lise Kjærgaard Holm (A) Kolding",
            }
        ],
    }
    _write(records / "memberships" / f"{membership['id']}.yaml", membership, "membership")
    capsys.readouterr()

    # The person without sources is the only new finding, and --strict fails on it.
    assert main(["validate", str(records)]) == 0
    (finding,) = _strict_findings(records, capsys) - before
    assert finding == (f"{records / 'people' / person_id}.yaml", 2, 5, "no-sources")

    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *DATA_TESTS[2:]],
        cwd=copy / "tests",
        capture_output=True,
        text=True,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]

    site = copy / "_build" / "html"
    sphinx = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q"]
    build = subprocess.run(
        [*sphinx, str(copy), str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]

    # Every line of the items reads on the page as printed: item headings as number and title,
    # case lines as the case number (the handlers' initials become names).
    page = _page_text(site / "arkiv" / "moeder" / f"{year}-09-10.html")
    lines = minutes.read_text(encoding="utf-8").split("\n")
    start = lines.index("1. Godkendelse af referat", lines.index("Afbud"))
    printed = [line.strip() for line in lines[start:] if line.strip()]
    assert "[1]: https://www.kl.dk/projekt-x" in printed and "***" in printed
    shown = [re.sub(r"^(\d+\.\d+)\. ", r"\1 ", line) for line in printed]
    shown = [line.split()[0] if line.startswith("SAG-") else line for line in shown]
    missing = [line for line in shown if line.rstrip("-") not in page]
    assert not missing, missing
