"""Read a record file safely: size, encoding and characters first, then the YAML tree."""

from __future__ import annotations

import codecs
from pathlib import Path

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.characters import damaged, forbidden
from kkr.loading.document import Document, PathKey, Position
from kkr.loading.encoding import not_utf8, replacement_character
from kkr.loading.yamltree import MAX_DEPTH, MAX_LINE, MAX_TEXT, YAML11_BOOLS, build

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_LINE",
    "MAX_TEXT",
    "YAML11_BOOLS",
    "Document",
    "PathKey",
    "Position",
    "load",
    "load_text",
]

MAX_BYTES = 2_000_000
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _offset_position(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def load(path: Path, display: str | None = None) -> Document:
    """Load one YAML file into a ``Document``; never raises for bad input."""
    doc = Document(path=path, display=display or str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        doc.error(
            Position(1, 1),
            Code.IO_ERROR,
            _("cannot read the file: {reason}").format(reason=exc.strerror),
        )
        return doc
    if len(raw) > MAX_BYTES:
        doc.error(
            Position(1, 1),
            Code.FILE_TOO_LARGE,
            _(
                "the file is {size} bytes; a record may be at most {limit} bytes. "
                "Split it, e.g. one meeting per file"
            ).format(size=len(raw), limit=MAX_BYTES),
        )
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    build(text, doc)
    return doc


def load_text(text: str, display: str = "<string>") -> Document:
    """Load YAML from a string, for tests and tools."""
    doc = Document(path=Path(display), display=display)
    text = _normalize(text)
    if _characters_allowed(text, doc):
        build(text, doc)
    return doc


def _normalize(text: str) -> str:
    # A byte-order mark and Windows line ends are harmless; the rest of the loader needs neither.
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _decode(raw: bytes, doc: Document) -> str | None:
    if raw.startswith(_UTF16_MARKS) or b"\x00" in raw[:4]:
        doc.error(
            Position(1, 1),
            Code.ENCODING,
            _(
                "the file is saved as UTF-16; save it as UTF-8 (in the editor: 'Save with "
                "encoding' → UTF-8), so that e.g. ø is stored as the two bytes 0xc3 0xb8"
            ),
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The column counts characters, as editors do, so decode what comes before the byte.
        before = raw[: exc.start].decode("utf-8", errors="replace")
        doc.error(
            _offset_position(before, len(before)),
            Code.ENCODING,
            not_utf8(raw, exc.start, doc.display),
        )
        return None
    text = _normalize(text)
    return text if _characters_allowed(text, doc) else None


def _characters_allowed(text: str, doc: Document) -> bool:
    found = False
    for offset in damaged(text):
        found = True
        doc.error(_offset_position(text, offset), Code.ENCODING, replacement_character())
        if len(doc.diagnostics) >= 20:
            return False
    for offset, name in forbidden(text):
        found = True
        doc.error(
            _offset_position(text, offset),
            Code.CONTROL_CHARACTER,
            _(
                "the character {name} is not allowed in a record; delete it "
                "(tabs and line breaks are fine)"
            ).format(name=name),
        )
        if len(doc.diagnostics) >= 20:
            break
    return not found
