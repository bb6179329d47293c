"""Which reader a document needs, and turning any failure to read it into a plain message."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kkr.extraction.furniture import drop_furniture
from kkr.extraction.layout import assemble
from kkr.extraction.model import Extraction, ExtractionError
from kkr.i18n import _

EXTRACTED = frozenset({".pdf", ".docx"})


def needs_extraction(path: Path) -> bool:
    """Whether ``path`` is a PDF or Word document rather than text."""
    return path.suffix.lower() in EXTRACTED


def extract(path: Path, raw: bytes) -> Extraction:
    """The import's text of a PDF or DOCX file; raises ExtractionError with the reason."""
    suffix = path.suffix.lower()
    if suffix == ".pdf" and not raw.startswith(b"%PDF-"):
        raise ExtractionError(
            _(
                "the file is named .pdf but is not a PDF (it does not start with %PDF-); "
                "save or download it again as PDF"
            )
        )
    if suffix == ".docx" and not raw.startswith(b"PK"):
        raise ExtractionError(
            _(
                "the file is named .docx but is not a Word document; open it in Word and "
                "save it again as Word-dokument (*.docx)"
            )
        )
    try:
        if suffix == ".pdf":
            return _pdf(path)
        return _docx(path)
    except ExtractionError:
        raise
    # The readers parse untrusted files and fail in many library-specific ways; every one of
    # them means the same to staff: this file cannot be read as it is.
    except Exception as exc:
        reason = type(exc).__name__
        if suffix == ".pdf":
            message = _(
                "the PDF cannot be read ({reason}); it may be damaged, cut short or "
                "password-protected. Download it again from KL, or open it and save a copy "
                "with 'Gem som PDF', then import that copy"
            )
        else:
            message = _(
                "the Word document cannot be read ({reason}); it may be damaged or cut short. "
                "Open it in Word and save it again as Word-dokument (*.docx), then import it"
            )
        raise ExtractionError(message.format(reason=reason)) from exc


def _pdf(path: Path) -> Extraction:
    from kkr.extraction.pdf import read_pdf

    lines, notes = drop_furniture(read_pdf(path))
    if not any(line.text or line.rows for line in lines):
        raise ExtractionError(
            _(
                "the PDF holds no text, only images (a scanned document?); ask KL for the "
                "digital PDF, or run text recognition (OCR) on it first"
            )
        )
    text, repaired = assemble(lines)
    return Extraction(text, notes + repaired)


def _docx(path: Path) -> Extraction:
    from kkr.extraction.word import read_docx

    if not zipfile.is_zipfile(path):
        raise ExtractionError(
            _(
                "the Word document is damaged or cut short (it is not a complete ZIP archive); "
                "open it in Word and save it again as Word-dokument (*.docx)"
            )
        )
    text, notes = read_docx(path)
    return Extraction(text, notes)
