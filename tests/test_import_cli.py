"""kkr import on the command line: writing, never overwriting, idempotence, bad documents."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.cli import main
from kkr.importer.assemble import import_document
from kkr.importer.resolve import Resolver
from kkr.loading.loader import load
from sources import MEETING_DOCUMENTS, SOURCES

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "import"
MINUTES = "kkr-syddanmark-2023-11-21-referat.txt"
DOCUMENTS = MEETING_DOCUMENTS


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A copy of the repository's records without its meetings."""
    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target, ignore=shutil.ignore_patterns("meetings"))
    return target


def source(name: str) -> Path:
    return SOURCES / name


def test_import_writes_records_that_validate(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(source(name)) for name in DOCUMENTS]
    assert main(["import", *files, "--records", str(records)]) == 0
    written = records / "meetings" / "2023-11-21.yaml"
    first = written.read_text(encoding="utf-8").split("\n")[0]
    assert first == "# yaml-language-server: $schema=../../schema/json/meeting.json"
    doc = load(written)
    assert doc.ok and doc.data["start_time"] == "10:00"
    capsys.readouterr()
    assert main(["validate", str(records)]) == 0, capsys.readouterr().out


def test_importing_twice_changes_nothing(records: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(source(name)) for name in DOCUMENTS]
    assert main(["import", *files, "--records", str(records)]) == 0
    before = {p: p.read_bytes() for p in records.rglob("*.yaml")}
    capsys.readouterr()
    assert main(["import", *files, "--records", str(records)]) == 0
    assert {p: p.read_bytes() for p in records.rglob("*.yaml")} == before
    assert "unchanged" in capsys.readouterr().out


def test_a_hand_edit_the_document_leaves_alone_is_kept_even_with_force(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", str(source(MINUTES)), "--records", str(records)]
    assert main(args) == 0
    written = records / "meetings" / "2023-11-21.yaml"
    original = written.read_text(encoding="utf-8")
    edited = original.replace("status: held", "status: minutes-approved")
    assert edited != original
    written.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    for extra in ([], ["--force"]):
        assert main([*args, *extra]) == 0
        out = capsys.readouterr().out
        assert "status" in out and "unchanged" in out
        assert written.read_text(encoding="utf-8") == edited


def test_dry_run_prints_and_writes_nothing(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(records.rglob("*"))
    assert main(["import", str(source(MINUTES)), "--records", str(records), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert sorted(records.rglob("*")) == before
    assert "--- /dev/null" in out and "+# yaml-language-server: $schema=../../schema/json/" in out


def test_import_into_an_empty_records_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The council, people, initials and neighbouring meetings get records; nothing is dropped."""
    root = tmp_path / "records"
    root.mkdir()
    files = [str(source(name)) for name in DOCUMENTS]
    assert main(["import", *files, "--records", str(root)]) == 0
    out = capsys.readouterr()
    assert "record-created" in out.err
    assert main(["validate", "--strict", str(root)]) == 0, capsys.readouterr().out
    assert (root / "body" / "kkr-syddanmark.yaml").exists()
    assert load(root / "organizations" / "kkr-syddanmark.yaml").data["kind"] == "council"
    imported = {}
    for name in DOCUMENTS:
        text = source(name).read_text(encoding="utf-8")
        date = re.search(r"Dato:\W*(\d\d)-(\d\d)-(\d{4})", text)
        assert date is not None
        day, month, year = date.groups()
        imported[f"{year}-{month}-{day}"] = text
    for meeting_id, text in imported.items():
        meeting = load(root / "meetings" / f"{meeting_id}.yaml").data
        printed = set(re.findall(r"^SAG-\d{4}-\d{5} ([a-z/]+)$", text, flags=re.MULTILINE))
        handlers = {h for group in printed for h in group.split("/")}
        kept = {h for item in meeting["items"] for h in item.get("handlers", [])}
        assert kept == handlers, meeting_id
        for neighbour in ("previous", "next"):
            other = meeting.get(neighbour)
            assert other is not None, (meeting_id, neighbour)
            assert (root / "meetings" / f"{other}.yaml").exists()
    for initials in handlers:
        assert load(root / "people" / f"{initials}.yaml").data["kind"] == "staff"
    capsys.readouterr()
    assert main(["import", *files, "--records", str(root)]) == 0
    assert "wrote" not in capsys.readouterr().out


MALFORMED = {
    "truncated.txt": "truncated",
    "no-header.txt": "no-header",
    "duplicate.txt": "item-numbering",
}


def _expected_line(name: str) -> int:
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    numbered = list(enumerate(lines, start=1))
    if name == "truncated.txt":
        return max(n for n, line in numbered if line.strip())
    if name == "no-header.txt":
        return min(n for n, line in numbered if line.strip())
    headings = [n for n, line in numbered if re.match(r"\d+\.\d+\.? [^\t]*$", line)]
    return headings[-1]


@pytest.mark.parametrize(("name", "code"), sorted(MALFORMED.items()))
def test_malformed_documents_give_located_errors(
    name: str, code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / name
    assert main(["import", str(path), "--records", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert f"{path}:{_expected_line(name)}:1: error[{code}]:" in captured.err
    assert "nothing was written" in captured.out
    assert not list(tmp_path.rglob("*.yaml"))


def test_an_item_without_a_case_number_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / "no-case.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    heading = next(
        n
        for n, line in enumerate(lines, start=1)
        if re.match(r"\d+\.\d+\. [^\t]*$", line) and not lines[n + 1].startswith("SAG-")
    )
    assert main(["import", str(path), "--records", str(tmp_path)]) == 0
    assert f"{path}:{heading}:1: warning[missing-case]:" in capsys.readouterr().err
    items = load(tmp_path / "meetings" / "2023-11-21.yaml").data["items"]
    assert [item.get("case") for item in items].count(None) == 1


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["import", str(tmp_path / "none.txt"), "--records", str(tmp_path)]) == 2


def test_a_file_that_is_not_utf8_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("REFERAT 2023\n\nMødet\n".encode("latin-1"))
    assert main(["import", str(path), "--records", str(tmp_path)]) == 1
    assert "error[encoding]" in capsys.readouterr().err


_LINES = st.sampled_from(
    [
        "",
        "DAGSORDEN 2020",
        "REFERAT 2023",
        "KKR SYDDANMARK",
        "Dato: 11-11-2020 10:00",
        "Sted: Teams",
        "1.\tGodkendelse\t3",
        "1.1.\tGodkendelse af referat\t3",
        "1. Godkendelse",
        "1.1. Godkendelse af referat",
        "SAG-2020-04616 bel",
        "Baggrund",
        "Beslutning",
        "- ./.",
        "./.. Tekst",
        "a\tb",
        "----\t--",
        "kom-",
        "muner og region.",
        "**Fed**",
        "<b>x</b>\t<p>y</p>",
        "Deltagere",
        "Bo Hansen (A) Svendborg",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_no_input_raises(lines: list[str]) -> None:
    result = import_document(Path("x.txt"), "\n".join(lines), Resolver(), "x.txt")
    assert result.report.ok or not result.records


def test_a_line_nothing_understands_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DATA / "duplicate.txt").read_text(encoding="utf-8")
    # Keep the first item only, and put a stray line between the contents and the body.
    text = text.split("\n1.1. Temarække\n")[0].replace("1.2. Temarække\t4\n", "")
    text = text.replace(
        "\n1. Godkendelse af referat\n", "\nLøs linje\n\n1. Godkendelse af referat\n", 1
    )
    path = tmp_path / "stray.txt"
    path.write_text(text, encoding="utf-8")
    stray = text.split("\n").index("Løs linje") + 1
    main(["import", str(path), "--records", str(tmp_path), "--dry-run"])
    err = capsys.readouterr().err
    assert f"{path}:{stray}:1: warning[not-understood]" in err


def test_a_new_persons_unknown_municipality_is_reported(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A participant whose municipality no record names gets a record without it; the run
    says so once, although the person's record is made in the import's first pass."""
    text = (SOURCES / MINUTES).read_text(encoding="utf-8")
    text = text.replace("Lone Myrhøj (F) Vejle", "Lone Opdigtsen (F) Opdigtby", 1)
    assert "Lone Opdigtsen (F) Opdigtby" in text
    document = tmp_path / MINUTES
    document.write_text(text, encoding="utf-8")
    assert main(["import", str(document), "--records", str(records)]) == 0
    out = capsys.readouterr()
    said = [line for line in (out.out + out.err).splitlines() if "'Opdigtby'" in line]
    assert len(said) == 1, said
    assert "unresolved-reference" in said[0] and "municipality" in said[0]
