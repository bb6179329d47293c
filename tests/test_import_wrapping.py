"""The importer wraps long paragraphs itself, or refuses at the document's line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from english import english  # noqa: F401  (messages in English)
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.cli import main
from kkr.importer.wrapping import WRAP_OVER, wrap
from kkr.loading.loader import MAX_LINE, load
from markdown_it import MarkdownIt
from meeting_variants import Meeting, free_meeting

REPO = Path(__file__).resolve().parent.parent
SENTENCE = "Kommunerne i Syddanmark samarbejder om - 1. prioritet + #klima > alt = 2024. og det er"
PLACE = "Referatet fra mødet den"
_MD = MarkdownIt("commonmark")


def _html(text: str) -> str:
    """The rendered HTML with every run of whitespace as one space."""
    return " ".join(_MD.render(text).split())


@pytest.fixture
def records(tmp_path: Path) -> Path:
    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target)
    return target


def _with_paragraph(meeting: Meeting, tmp_path: Path, paragraph: str) -> tuple[Path, int]:
    text = meeting.agenda.read_text(encoding="utf-8")
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith(PLACE))) + 1
    path = tmp_path / "long" / meeting.agenda.name
    path.parent.mkdir()
    path.write_text(
        "\n".join(paragraph if n == line else x for n, x in enumerate(text.split("\n"), 1)),
        encoding="utf-8",
    )
    return path, line


def _import(capsys: pytest.CaptureFixture[str], records: Path, path: Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["import", str(path), "--records", str(records)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_paragraph_longer_than_a_record_line_is_wrapped(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "documents")
    paragraph = " ".join([SENTENCE] * 170) + "."
    assert len(paragraph) > 14_000
    path, _line = _with_paragraph(meeting, tmp_path, paragraph)
    code, out = _import(capsys, records, path)
    assert code == 0, out
    record = records / meeting.relative
    assert max(map(len, record.read_text(encoding="utf-8").split("\n"))) < MAX_LINE // 50
    value = load(record).data["items"][0]["baggrund"]
    assert _html(value) == _html(paragraph)
    capsys.readouterr()
    assert main(["validate", "--strict", str(records)]) == 0, capsys.readouterr().out


def test_a_run_without_spaces_is_refused_at_the_document_line(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "documents")
    path, line = _with_paragraph(meeting, tmp_path, "Se " + "x" * 12_000 + " her.")
    code, out = _import(capsys, records, path)
    assert code == 1
    (error,) = [x for x in out.splitlines() if "error[too-long]" in x]
    assert error.startswith(f"{path}:{line}:1: error[too-long]: items[1.1].baggrund")
    assert "in the document" in error and "note: |" not in error
    assert not (records / meeting.relative).exists()


_WORDS = st.sampled_from(
    [
        *("Kommunerne", "1.", "2024.", "-", "+", "*", "#", ">", "=", "---", "|", "`kode`"),
        *("a\\", "1)", "[link](https://kl.dk)", "**fed**", "_kursiv_", "æøå", "<b>"),
    ]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(_WORDS, min_size=450, max_size=600), st.sampled_from(["", "- ", "1. "]))
def test_wrapping_never_changes_what_markdown_renders(words: list[str], lead: str) -> None:
    text = lead + "Start " + " ".join(words)
    assert len(text) > WRAP_OVER
    wrapped = wrap(text)
    assert _html(wrapped) == _html(text)
    # Lines break at spaces only where no Markdown block could start; runs of such words
    # stay together, so a line may pass the width filled to, but never the threshold.
    assert all(len(line) <= WRAP_OVER for line in wrapped.split("\n"))
    assert wrapped.count("\n") >= len(text) // WRAP_OVER
