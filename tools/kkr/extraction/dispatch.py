"""Which reader a document needs, and turning any failure to read it into a plain message."""

from __future__ import annotations

import contextlib
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

from kkr.extraction.furniture import drop_furniture
from kkr.extraction.layout import assemble
from kkr.extraction.model import Extraction, ExtractionError
from kkr.i18n import _

EXTRACTED = frozenset({".pdf", ".docx"})
_LOSS = "Data-loss"
"""What pdfminer logs when a compressed stream, and the text in it, is cut short."""


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


class _Problems(logging.Handler):
    """Collects what the PDF parser logs about a damaged file, instead of printing it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage()[:200])


@contextlib.contextmanager
def _parser_problems() -> Iterator[_Problems]:
    # pdfminer logs each damaged spot with text from the file; none of it may reach the
    # terminal raw, and a spot where text was lost must not pass unnoticed.
    problems = _Problems()
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber", "pypdfium2")]
    saved = [(logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(problems)
        logger.propagate = False
        logger.setLevel(logging.WARNING)
    try:
        yield problems
    finally:
        for logger, (propagate, level) in zip(loggers, saved, strict=True):
            logger.removeHandler(problems)
            logger.propagate, logger.level = propagate, level


def _pdf(path: Path) -> Extraction:
    from kkr.extraction.pdf import read_pdf

    with _parser_problems() as problems:
        read = read_pdf(path)
    if any(_LOSS in message for message in problems.messages):
        raise ExtractionError(
            _(
                "the PDF is damaged: part of its text cannot be unpacked ({count} problem(s)), "
                "so text would be missing. Download it again from KL, or open it and save a "
                "copy with 'Gem som PDF', then import that copy"
            ).format(count=len(problems.messages))
        )
    lines, notes = drop_furniture(read)
    if problems.messages:
        notes.append(
            _(
                "the PDF reader reported {count} small fault(s) in the file; compare the "
                "extracted text with the PDF"
            ).format(count=len(problems.messages))
        )
    if not any(line.text.strip() or line.rows for line in lines):
        raise ExtractionError(
            _(
                "the PDF holds no readable text: it is scanned (only images) or damaged; ask "
                "KL for the digital PDF, or run text recognition (OCR) on a scan first"
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
