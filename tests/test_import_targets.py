"""Where kkr import writes: an existing records folder, regular files, never through a link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from kkr.cli import main

REPO = Path(__file__).resolve().parent.parent
AGENDA = REPO / "tests" / "data" / "meeting" / "kkr-syddanmark-2024-09-10-dagsorden.txt"
ROOT = REPO / "tests" / "roots" / "test-site" / "records"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["import", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A fixed records root: what the live archive holds never changes these tests."""
    target = tmp_path / "records"
    shutil.copytree(ROOT, target)
    (target / "documents").mkdir(exist_ok=True)
    return target


def test_a_missing_records_folder_asks_for_init(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "recrods"
    code, out = run(capsys, AGENDA, "--records", typo)
    assert code == 2 and "--init" in out
    assert not typo.exists()
    code, out = run(capsys, AGENDA, "--records", typo, "--init")
    assert code == 0, out
    assert (typo / "meetings" / "2024-09-10.yaml").is_file()


def test_a_target_that_is_a_directory_is_a_usage_error(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (records / "meetings" / "2024-09-10.yaml").mkdir()
    code, out = run(capsys, AGENDA, "--records", records)
    assert code == 2
    assert "2024-09-10.yaml" in out and "internal error" not in out


@pytest.mark.parametrize(
    "link", ["meetings/2024-09-10.yaml", "people/ghost.yaml", "documents/ghost.txt"]
)
def test_a_dangling_symlink_never_is_an_internal_error(
    records: Path, tmp_path: Path, link: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (records / link).symlink_to(tmp_path / "nowhere" / "x.yaml")
    code, out = run(capsys, AGENDA, "--records", records)
    assert code != 3 and "internal error" not in out and "Traceback" not in out
    if link.startswith("meetings/"):
        assert code == 1  # the import would write through the link
        assert f"{records / link}:1:1: error[symlink]" in out
        assert not (tmp_path / "nowhere").exists()
    else:
        assert code == 0, out


def test_a_symlinked_document_is_a_usage_error(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    assert run(capsys, dangling, "--records", records)[0] == 2
    assert run(capsys, tmp_path, "--records", records)[0] == 2


def test_a_document_name_a_citation_cannot_use_is_made_one(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "KKR Dagsorden 10.09.2024.TXT"
    shutil.copy2(AGENDA, odd)
    code, out = run(capsys, odd, "--records", records)
    assert code == 0, out
    kept = records / "documents" / "kkr-dagsorden-10-09-2024.txt"
    assert kept.read_bytes() == AGENDA.read_bytes()
    assert f"document: {kept.name}" in (records / "meetings" / "2024-09-10.yaml").read_text("utf-8")


def test_a_problem_in_new_text_is_shown_at_its_document_line(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The meeting is new to these records, so its problems are shown in the document.
    (records / "meetings" / "2020-11-11.yaml").unlink(missing_ok=True)
    source = REPO / "records" / "documents" / "kkr-syddanmark-2020-11-11-dagsorden.md"
    lines = source.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("Rammeaftalen har et"))
    lines[number - 1] += " Se [her](javascript:alert(1))."
    document = tmp_path / "kkr-syddanmark-2020-11-11-dagsorden-rettet.md"
    document.write_text("\n".join(lines), encoding="utf-8")
    code, out = run(capsys, document, "--records", records)
    assert code != 0
    problem = next(line for line in out.splitlines() if "javascript" in line)
    assert problem.startswith(f"{document}:{number}:"), problem
