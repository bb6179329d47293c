"""The records folder is the boundary: what kkr validate (and so the site) reads, and from where."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import kkr
from kkr.checks.corpus import load_corpus
from kkr.commands.validate import find_root
from kkr.site import source

CASES = Path(__file__).parent / "cases"
VALID = CASES / "unquoted-numbers"


def validate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return kkr("--lang", "en", "validate", *args, cwd=cwd)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of a valid case, as a checkout with records/ and a notes/ folder."""
    root = tmp_path / "checkout"
    shutil.copytree(VALID / "records", root / "records")
    (root / "notes").mkdir()
    (root / "notes" / "readme.txt").write_text("id: x\n", encoding="utf-8")
    return root


def test_a_fifo_is_reported_and_never_opened(checkout: Path) -> None:
    os.mkfifo(checkout / "records" / "people" / "pipe.yaml")
    result = validate("records", cwd=checkout)
    assert result.returncode == 1
    assert "records/people/pipe.yaml:1:1: error[special-file]" in result.stdout


def test_a_symlink_inside_the_folder_is_read(checkout: Path) -> None:
    people = checkout / "records" / "people"
    (people / "bo-hansen.yaml").rename(checkout / "records" / "bo.txt")
    (people / "bo-hansen.yaml").symlink_to(Path("..") / "bo.txt")
    corpus = load_corpus(checkout / "records", base=checkout)
    assert corpus.diagnostics == []
    assert corpus.get("person", "bo-hansen") is not None


def test_a_symlinked_folder_leaving_the_records_is_named_and_not_read(checkout: Path) -> None:
    outside = checkout / "elsewhere"
    shutil.copytree(checkout / "records" / "people", outside)
    shutil.rmtree(checkout / "records" / "people")
    (checkout / "records" / "people").symlink_to(outside)
    corpus = load_corpus(checkout / "records", base=checkout)
    assert ("records/people", "symlink") in [(d.file, d.code.value) for d in corpus.diagnostics]
    assert not any("elsewhere" in str(path) for path in corpus.paths)
    assert corpus.entries("person") == []
    # The site loads through the same function, so it never reads the linked records either.
    assert source.load(checkout / "records", checkout).entries("person") == []


@pytest.mark.parametrize("ancestor", ["people", "meetings", "body", "records"])
def test_the_checkout_location_changes_nothing(tmp_path: Path, ancestor: str) -> None:
    root = tmp_path / ancestor / "kkr"
    shutil.copytree(VALID / "records", root / "records")
    for args, cwd in (
        (["records"], root),
        ([str(root / "records")], tmp_path),
        (["records/people"], root),
        (["people/bo-hansen.yaml"], root / "records"),
    ):
        result = validate(*args, cwd=cwd)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "no problems found" in result.stdout


@pytest.mark.parametrize(
    "path", ["notes/readme.txt", "notes", "/etc/passwd", "/", ".", "records/people/notes.txt"]
)
def test_a_path_outside_a_records_folder_is_a_usage_error(checkout: Path, path: str) -> None:
    (checkout / "records" / "people" / "notes.txt").write_text("x", encoding="utf-8")
    result = validate(path, cwd=checkout)
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert "example: kkr validate" in result.stderr


def test_a_record_in_no_kind_folder_gets_one_answer_however_it_is_named(checkout: Path) -> None:
    (checkout / "records" / "zz.yaml").write_text("id: zz\n", encoding="utf-8")
    alone, whole = (validate(path, cwd=checkout) for path in ("records/zz.yaml", "records"))
    assert alone.returncode == whole.returncode == 1
    [line] = [line for line in whole.stdout.splitlines() if "zz.yaml" in line]
    assert line.startswith("records/zz.yaml:1:1: error[unknown-kind]: ")
    assert alone.stdout.splitlines()[0] == line


def test_the_root_is_found_from_the_path_alone(checkout: Path) -> None:
    records = checkout / "records"
    assert find_root(records) == records
    assert find_root(records / "people" / "bo-hansen.yaml") == records
    assert find_root(checkout / "notes" / "readme.txt") is None
    assert find_root(Path("/")) is None
    # A records folder under another name is accepted when given itself.
    other = records.rename(checkout / "export")
    assert find_root(other) == other
    assert find_root(other / "people" / "bo-hansen.yaml") is None


def test_record_extensions_in_any_case_are_read(checkout: Path) -> None:
    people = checkout / "records" / "people"
    (people / "bo-hansen.yaml").rename(people / "bo-hansen.YAML")
    corpus = load_corpus(checkout / "records", base=checkout)
    assert corpus.diagnostics == []
    assert [p.name for p in corpus.paths if p.parent == people] == ["bo-hansen.YAML"]
    assert validate("records/people/bo-hansen.YAML", cwd=checkout).returncode == 0


def test_other_files_beside_the_records_are_left_alone(checkout: Path) -> None:
    documents = checkout / "records" / "documents"
    documents.mkdir()
    (documents / "kkr-syddanmark-2023-11-21-referat.txt").write_text("REFERAT\n", "utf-8")
    (checkout / "records" / "README.md").write_text("# Poster\n", "utf-8")
    result = validate("records", cwd=checkout)
    assert result.returncode == 0, result.stdout
    assert "no problems found" in result.stdout
