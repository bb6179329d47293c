"""The pull-request path: a new meeting's agenda, then its minutes, then hand-made records, and
every data check of ``make test`` is green in a copy of the repository."""

from __future__ import annotations

import html
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
    for document in (AGENDA, MINUTES):
        assert main(["import", str(document), "--records", str(records)]) == 0
    # Staff add a person and an appointment by hand; the person cites nothing.
    person = {"id": "karen-mosebo", "name": "Karen Mosebo", "kind": "politician"}
    _write(records / "people" / "karen-mosebo.yaml", person, "person")
    membership = {
        "id": "kkr-syddanmark-lise-kjaergaard-holm-2024",
        "person": "lise-kjaergaard-holm",
        "organization": "kkr-syddanmark",
        "role": "member",
        "period": {"start": "2024-09"},
        "sources": [
            {
                "document": MINUTES.name,
                "lines": str(
                    MINUTES.read_text(encoding="utf-8")
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

    assert main(["validate", "--strict", str(records)]) == 0
    out = capsys.readouterr().out
    assert "people/karen-mosebo.yaml:2:5: warning[no-sources]" in out

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
    page = _page_text(site / "arkiv" / "moeder" / "2024-09-10.html")
    lines = MINUTES.read_text(encoding="utf-8").split("\n")
    start = lines.index("1. Godkendelse af referat", lines.index("Afbud"))
    printed = [line.strip() for line in lines[start:] if line.strip()]
    assert "[1]: https://www.kl.dk/projekt-x" in printed and "***" in printed
    shown = [re.sub(r"^(\d+\.\d+)\. ", r"\1 ", line) for line in printed]
    shown = [line.split()[0] if line.startswith("SAG-") else line for line in shown]
    missing = [line for line in shown if line.rstrip("-") not in page]
    assert not missing, missing
