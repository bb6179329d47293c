"""kkr import of PDF and Word files: every form of a meeting gives the records of its text.

The corpus (tests/extraction_corpus.py) renders two invented meetings, agenda and minutes, as
DOCX, as a PDF converted from the DOCX by LibreOffice, as a PDF written directly by fpdf2 and
as a PDF printed by Chromium from HTML, and runs poppler's pdftotext on the first two PDFs with
and without -layout. Two real documents' text is rendered the same way.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from extraction_corpus import CORPUS, ORIGINALS, PAGE_BREAK_BEFORE, REAL, build, source
from kkr.diagnostics import Code
from kkr.extraction.dispatch import extract
from kkr.extraction.furniture import drop_furniture
from kkr.extraction.pdf import read_pdf
from kkr.importer.assemble import Imported, import_document
from kkr.importer.resolve import Resolver

PDFS = ("fpdf.pdf", "libreoffice.pdf")
"""The producers whose PDFs show the corpus's hard cases (Chromium breaks lines its own way)."""
EXTRACTED = ("docx", *PDFS, "chromium.pdf")
TEXTS = ("fpdf.txt", "fpdf-layout.txt", "libreoffice.txt", "libreoffice-layout.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    return build(tmp_path_factory.mktemp("corpus"))


def imported(path: Path, text: str, empty: Path) -> Imported:
    """Import one document's text against an empty records folder."""
    name = path.stem + (".md" if path.suffix == ".md" else ".txt")
    return import_document(path, text, Resolver.scan(empty), str(path), name)


def without_sources(value: Any) -> Any:
    """The records without ``sources`` (document name, lines), and with every "linje N" a note
    cites as "linje N": the extracted text numbers its lines differently, and nothing else."""
    if isinstance(value, dict):
        return {k: without_sources(v) for k, v in value.items() if k != "sources"}
    if isinstance(value, list):
        return [without_sources(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"\blinje \d+", "linje N", value)
    return value


def squeezed(value: Any) -> Any:
    """The records without sources, and with no whitespace in any text."""
    value = without_sources(value)
    if isinstance(value, dict):
        return {k: squeezed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [squeezed(v) for v in value]
    return "".join(value.split()) if isinstance(value, str) else value


@pytest.mark.parametrize("form", EXTRACTED)
@pytest.mark.parametrize("original", [*ORIGINALS, *REAL])
def test_every_form_imports_to_the_records_of_its_text(
    corpus: dict[str, dict[str, Path]], original: str, form: str, tmp_path: Path
) -> None:
    text = source(original)
    expected = imported(text, text.read_text(encoding="utf-8"), tmp_path)
    assert expected.report.ok and expected.records
    path = corpus[original][form]
    extraction = extract(path, path.read_bytes())
    got = imported(path, extraction.text, tmp_path)
    assert got.report.ok, [d.text() for d in got.report.diagnostics]
    if original in REAL and form == "libreoffice.pdf":
        # LibreOffice breaks a word too long for its line or cell (a link, a narrow column)
        # without a hyphen, and a sentence ending at a page's foot may end its paragraph: the
        # same characters in the same order, but spaces and paragraph breaks may differ.
        assert squeezed(got.records) == squeezed(expected.records)
    else:
        assert without_sources(got.records) == without_sources(expected.records)
    # Nothing the text original holds is missing: every line was understood, and the synthetic
    # originals (one line per paragraph) have as many lines as their extracted text.
    assert "ikke forstået" not in got.report.summary()
    if original in ORIGINALS:
        assert got.report.summary().split(":", 1)[1] == expected.report.summary().split(":", 1)[1]


@pytest.mark.parametrize("form", TEXTS)
@pytest.mark.parametrize("original", ORIGINALS)
def test_pdftotext_output_is_refused_at_its_furniture(
    corpus: dict[str, dict[str, Path]], original: str, form: str, tmp_path: Path
) -> None:
    path = corpus[original][form]
    text = path.read_text(encoding="utf-8")
    result = imported(path, text, tmp_path)
    assert not result.report.ok and not result.records
    errors = [d for d in result.report.diagnostics if d.severity == "error"]
    assert errors and all(d.code is Code.PAGE_FURNITURE for d in errors)
    lines = text.split("\n")
    for error in errors:
        line = lines[error.line - 1]
        # Each refusal stands at a line that holds furniture, and names the PDF to import.
        private = any("\ue000" <= char <= "\uf8ff" for char in line)  # Word's bullet
        assert "\f" in line or "Side " in line or "KKR Syddanmark ·" in line or private, line
        assert f"kkr import {path.stem}.pdf" in error.message


def test_the_corpus_holds_the_hard_cases(corpus: dict[str, dict[str, Path]]) -> None:
    """Line-end hyphenation (also before "men" and at a name's own hyphen), a paragraph cut by
    a page break, a table, a margin marker and an item without a case number."""
    ends: set[tuple[str, str]] = set()
    for original in ORIGINALS:
        for form in PDFS:
            lines, _notes = drop_furniture(read_pdf(corpus[original][form]))
            for before, after in itertools.pairwise(lines):
                if before.text.endswith("-"):
                    ends.add((before.text.split()[-1], after.text.split()[0]))
                if after.text.startswith(PAGE_BREAK_BEFORE):
                    assert after.page == before.page + 1, "the page break is not in the paragraph"
            assert any(line.rows for line in lines), "no ruled table found"
            if form == "fpdf.pdf" and original.startswith("moede-2"):
                assert any(line.marker == "./." for line in lines), "no marker in the margin"
    assert {("al-", "men"), ("KKR-", "sekretariatet"), ("EU-", "kontoret")} <= ends
    assert len(ends) > 6  # LibreOffice hyphenates at the soft hyphens too
    texts = [(CORPUS / name).read_text(encoding="utf-8") for name in ORIGINALS]
    assert all("\n./.\n" in text for text in texts[2:])
    assert "3.1. Eventuelt\n\nIndstilling" in texts[0]  # an item without a case number


def test_the_original_pdf_is_kept_beside_its_text_and_cited(
    corpus: dict[str, dict[str, Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kkr.cli import main

    source = tmp_path / "dagsorden.pdf"
    source.write_bytes(corpus["moede-1-dagsorden.txt"]["libreoffice.pdf"].read_bytes())
    records = tmp_path / "records"
    assert main(["import", str(source), "--records", str(records), "--init"]) == 0
    out = capsys.readouterr().out
    assert (records / "documents" / "dagsorden.pdf").read_bytes() == source.read_bytes()
    text = (records / "documents" / "dagsorden.txt").read_text(encoding="utf-8")
    assert "Side 1 af" not in text and "KKR Syddanmark ·" not in text
    meeting = (records / "meetings" / "2031-03-04.yaml").read_text(encoding="utf-8")
    assert "document: dagsorden.txt" in meeting
    assert "sidefoden 'Side 1 af " in out  # the left-out footer is named
    assert main(["validate", "--strict", str(records)]) == 0


def test_a_docx_header_and_footer_stay_out(corpus: dict[str, dict[str, Path]]) -> None:
    path = corpus["moede-1-referat.txt"]["docx"]
    text = extract(path, path.read_bytes()).text
    assert "Side" not in text and "·" not in text
    assert "Udstyr\tAntal\tPris i kr.\n" in text


def test_the_guides_example_pdf_is_what_the_corpus_script_writes(tmp_path: Path) -> None:
    from extraction_corpus import write_pdf

    docs = Path(__file__).resolve().parent.parent / "docs" / "eksempler"
    text = (docs / "kkr-syddanmark-2030-09-10-dagsorden.txt").read_text(encoding="utf-8")
    write_pdf(text, tmp_path / "dagsorden.pdf")
    assert (tmp_path / "dagsorden.pdf").read_bytes() == (docs / "dagsorden.pdf").read_bytes()
