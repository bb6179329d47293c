"""Untrusted input: damaged PDF and Word files, and text that still carries a PDF's furniture."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from kkr import i18n
from kkr.cli import main
from kkr.extraction.layout import join
from kkr.importer.assemble import import_document
from kkr.importer.report import Report
from kkr.importer.resolve import Resolver
from kkr.importer.selfcheck import contents_problems

CORPUS = Path(__file__).resolve().parent / "data" / "extraction"
AGENDA = (CORPUS / "moede-1-dagsorden.txt").read_text(encoding="utf-8")


def _minimal_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "DAGSORDEN 2031")
    return bytes(pdf.output())


def _drawing_only_pdf() -> bytes:
    """A page with a drawing and no text, as a scan without text recognition has."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())


def _docx_bytes() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return out.getvalue()


BROKEN = {
    "empty.pdf": b"",
    "garbage.pdf": b"\x00\xff" * 500,
    "text-named.pdf": b"DAGSORDEN 2031\n",
    "truncated.pdf": _minimal_pdf()[:300],
    "header-only.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog",
    "no-text.pdf": _drawing_only_pdf(),
    "empty.docx": b"",
    "garbage.docx": b"PK\x03\x04" + b"\x00" * 200,
    "truncated.docx": _docx_bytes()[:2000],
    "plain-zip.docx": _zip_without_document(),
    "text-named.docx": b"DAGSORDEN 2031\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_damaged_file_is_a_located_danish_error_not_a_traceback(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(BROKEN[name])
    records = tmp_path / "records"
    assert main(["import", str(path), "--records", str(records), "--init"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert f"{path}:1:1: error[unreadable-document]: " in err
    assert "intet blev skrevet" in out
    assert not (records / "documents").exists()


def test_the_error_is_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "agenda.pdf"
    path.write_bytes(b"%PDF-1.7 cut")
    try:
        assert main(["--lang", "en", "import", str(path), "--records", str(tmp_path)]) == 1
    finally:
        i18n.set_language("da")
    assert "the PDF cannot be read" in capsys.readouterr().err


def furniture(text: str, name: str = "dagsorden.txt") -> Report:
    return import_document(Path(name), text, Resolver(), name).report


def test_a_page_footer_is_refused_at_its_line_with_the_remedy() -> None:
    lines = AGENDA.split("\n")
    lines.insert(40, "Side 3 af 8 KKR Syddanmark")
    report = furniture("\n".join(lines))
    assert [d.text() for d in report.diagnostics] == [
        "dagsorden.txt:41:1: error[page-furniture]: 'Side 3 af 8' ligner en sidefod fra en PDF; "
        "importér PDF-filen direkte: kkr import dagsorden.pdf"
    ]


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        ("#### Side 3", "et sidetal, som et konverteringsprogram har gjort til en overskrift"),
        ("## 7", "et sidetal, som et konverteringsprogram har gjort til en overskrift"),
        ("\fDet indstilles, at", "et sideskift (form feed)"),
        ("Eventuelt……10", "slutter med prikker og sidetal"),
        ("Teksten \uf0a7 med et symbol", "tegnet U+F0A7 er et punkttegn"),
    ],
)
def test_page_furniture_is_refused(line: str, cause: str) -> None:
    lines = AGENDA.split("\n")
    lines.insert(30, line)
    report = furniture("\n".join(lines))
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert len(errors) == 1 and errors[0].line == 31 and cause in errors[0].message


def test_a_running_header_is_refused_on_every_page() -> None:
    lines = AGENDA.split("\n")
    for at in (60, 40, 20):
        lines.insert(at, "KKR Syddanmark · Dagsorden · 04.03.2031")
    report = furniture("\n".join(lines))
    assert [d.line for d in report.diagnostics if d.severity == "error"] == [21, 42, 63]


def test_word_bullets_and_leader_contents_are_repaired() -> None:
    text = AGENDA.replace("- drøfter", "\uf0b7 drøfter").replace(
        "3. Eventuelt\t5", "3. Eventuelt……5"
    )
    repaired = furniture(text)
    original = furniture(AGENDA)
    assert repaired.ok, [d.text() for d in repaired.diagnostics]
    assert len(repaired.notes) == len(original.notes) + 2
    assert repaired.summary().split(":", 1)[1] == original.summary().split(":", 1)[1]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("den al-", "men praksis", "den almen praksis"),
        ("udsender KKR-", "sekretariatet og", "udsender KKR-sekretariatet og"),
        ("med EU-", "kontoret", "med EU-kontoret"),
        ("Carla Opdigtsen-", "Holm (C)", "Carla Opdigtsen-Holm (C)"),
        ("social-", "og sundhedsområdet", "social- og sundhedsområdet"),
        ("frem til 2030", "og videre", "frem til 2030 og videre"),
    ],
)
def test_line_end_hyphens(first: str, second: str, joined: str) -> None:
    assert join(first, second) == joined


def test_the_self_check_finds_duplicated_sections_and_leaders_in_titles() -> None:
    record = (
        "sections:\n- {number: '1', title: Sager}\n- {number: '1', title: Sager}\n"
        "- {number: '2', title: 'Eventuelt……10'}\n"
        "items:\n- {number: '1.1', title: Sag}\n- {number: '1.1', title: Sag}\n"
        "- {number: '3.1', title: Løs}\n"
    )
    report = Report("dagsorden.txt", [])
    lines = {"sections[1].title": [9], "items[3.1].title": [20]}
    found = contents_problems(record.encode(), (report, lines))
    messages = [(d.line, d.message) for d in found]
    assert (9, "afsnit 1 importeres 2 gange; et konverteringsprogram kan have gentaget "
            "indholdsfortegnelsen som overskrifter") in messages  # fmt: skip
    assert any("punkt 1.1 importeres 2 gange" in m for _, m in messages)
    assert (20, "punkt 3.1 hører ikke til noget afsnit") in messages
    assert any("afsnit 2s titel 'Eventuelt……10'" in m for _, m in messages)
    assert len(found) == 4


def test_a_table_goes_on_across_a_page_break_without_its_repeated_header() -> None:
    from kkr.extraction.layout import assemble
    from kkr.extraction.model import TextLine

    header = ["Kommune", "Pladser"]
    lines = [
        TextLine("Baggrund", 1, 100, 111, 70, 130, 11, bold=True),
        TextLine("", 1, 140, 200, 70, 400, rows=[header, ["Testrup", "8"]]),
        TextLine("", 2, 40, 80, 70, 400, rows=[header, ["Prøvelund", "5"]]),
    ]
    text, notes = assemble(lines)
    assert "Kommune\tPladser\nTestrup\t8\nPrøvelund\t5" in text
    assert len(notes) == 1 and "side 2" in notes[0]


def test_a_word_comment_is_named_not_lost_silently(tmp_path: Path) -> None:
    import docx
    from kkr.extraction.dispatch import extract

    document = docx.Document()
    paragraph = document.add_paragraph("Tekst i brødteksten.")
    document.add_comment(paragraph.runs, text="En kommentar", author="Test")
    path = tmp_path / "kommentar.docx"
    document.save(str(path))
    found = extract(path, path.read_bytes())
    assert found.text == "Tekst i brødteksten.\n"
    assert found.notes == ["1 kommentar(er) blev ikke læst"]


def test_a_pdf_whose_text_cannot_be_unpacked_is_refused_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kkr.extraction.dispatch import extract
    from kkr.extraction.model import ExtractionError

    corpus = Path(__file__).resolve().parent / "data" / "extraction" / "moede-1-dagsorden.txt"
    import extraction_corpus

    path = tmp_path / "dagsorden.pdf"
    extraction_corpus.write_pdf(corpus.read_text(encoding="utf-8"), path)
    raw = bytearray(path.read_bytes())
    # Cut into the middle of each compressed page stream: zlib reports lost data.
    start = 0
    while (start := raw.find(b"stream\n", start) + 1) > 0:
        raw[start + 60 : start + 64] = b"\x00\xff\x00\xff"
    path.write_bytes(bytes(raw))
    with pytest.raises(ExtractionError) as refused:
        extract(path, bytes(raw))
    assert "beskadiget" in refused.value.message
    out, err = capsys.readouterr()
    assert not out and not err  # the parser's own complaints are collected, not printed


def test_show_text_prints_the_text_the_messages_count_lines_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = Path(__file__).resolve().parent.parent / "docs" / "eksempler" / "dagsorden.pdf"
    assert main(["import", "--show-text", str(pdf), "--records", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    lines = out.split("\n")
    assert lines[0] == "DAGSORDEN 2030" and "1.1. Godkendelse af referat\t4" in lines
    assert not (tmp_path / "none").exists()


def test_a_font_change_inside_a_word_adds_no_space(tmp_path: Path) -> None:
    """A word set partly in another font (bold 'KKR' before '-sekretariatet', or a ligature a
    producer keeps in a second font subset, as matplotlib does) stays one word."""
    from fpdf import FPDF
    from kkr.extraction.pdf import read_pdf

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.write(6, "KKR")
    pdf.set_font("Helvetica", "", 11)
    pdf.write(6, "-sekretariatet har samlet erfaringerne fra ")
    pdf.set_font("Times", "", 11)
    pdf.write(6, "fi")
    pdf.set_font("Helvetica", "", 11)
    pdf.write(6, "re kommuner.")
    path = tmp_path / "dagsorden.pdf"
    path.write_bytes(bytes(pdf.output()))
    (line,) = read_pdf(path)
    assert line.text == "KKR-sekretariatet har samlet erfaringerne fra fire kommuner."


def test_a_pdfs_name_reaches_the_terminal_escaped_and_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 'read as text from the PDF file' line escapes control characters in the file
    name, as every diagnostic does, and quotes the path in the command it suggests."""
    path = tmp_path / "Dagsorden 18.03.2031 \x1b[31mrød.pdf"
    path.write_bytes(_minimal_pdf())
    main(["import", "--dry-run", "--records", str(tmp_path / "records"), "--init", str(path)])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err
    line = next(line for line in out.out.splitlines() if "--show-text" in line)
    assert "--show-text '" in line, line


def _records_without_sources(text: str) -> dict[str, object]:
    imported = import_document(Path("dagsorden.txt"), text, Resolver(), "dagsorden.txt")
    assert imported.report.ok, [d.text() for d in imported.report.diagnostics]
    return {
        name: {key: value for key, value in record.items() if key != "sources"}
        for name, record in imported.records.items()
    }


def test_a_contents_line_with_a_space_before_its_page_is_read_when_its_heading_follows() -> None:
    """Word's tab before the page number can end at a default tab stop right after the title,
    so LibreOffice's PDF shows a space there. Such a line is a contents line when the document
    later has 'NUMBER TITLE' as a heading; it imports as the tab's version does."""
    entry = "2.1. Testsag om fælles indkøb af prøveudstyr"
    spaced = AGENDA.replace(f"{entry}\t3", f"{entry} 3", 1)
    assert spaced != AGENDA
    assert _records_without_sources(spaced) == _records_without_sources(AGENDA)


def test_a_spaced_number_whose_heading_never_follows_still_ends_the_contents() -> None:
    """Without the heading after it, 'NUMBER TITLE 3' is not taken as a contents line."""
    from kkr.importer.report import Report
    from kkr.importer.text import read_lines
    from kkr.importer.toc import parse_toc

    lines = read_lines("1. Punkt\t3\n1.1. Budget for 2031\t3\n2.1. Noget andet 3\n\n1. Punkt\n")
    toc = parse_toc(lines, 0, Report("dagsorden.txt", lines))
    assert sorted(toc.items) == ["1.1"]
