"""Read a record file safely: size, encoding and characters first, then the YAML tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kkr.diagnostics import Code
from kkr.loading.characters import forbidden
from kkr.loading.document import Document, PathKey, Position
from kkr.loading.yamltree import MAX_DEPTH, YAML11_BOOLS, build

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "YAML11_BOOLS",
    "Document",
    "PathKey",
    "Position",
    "load",
    "load_text",
]

MAX_BYTES = 2_000_000


def _offset_position(data: bytes | str, offset: int) -> Position:
    before = data[:offset]
    newline: Any = b"\n" if isinstance(data, bytes) else "\n"
    line = before.count(newline) + 1
    return Position(line, offset - (before.rfind(newline) + 1) + 1)


def load(path: Path, display: str | None = None) -> Document:
    """Load one YAML file into a ``Document``; never raises for bad input."""
    doc = Document(path=path, display=display or str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        doc.error(Position(1, 1), Code.IO_ERROR, f"cannot read the file: {exc.strerror}")
        return doc
    if len(raw) > MAX_BYTES:
        doc.error(
            Position(1, 1),
            Code.FILE_TOO_LARGE,
            f"the file is {len(raw)} bytes; a record may be at most {MAX_BYTES} bytes. "
            "Split it, e.g. one meeting per file",
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
    build(_strip_bom(text), doc)
    return doc


def _strip_bom(text: str) -> str:
    return text.removeprefix("\ufeff")


def _decode(raw: bytes, doc: Document) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        doc.error(
            _offset_position(raw, exc.start),
            Code.ENCODING,
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8 "
            "(e.g. ø is the two bytes 0xc3 0xb8)",
        )
        return None
    text = _strip_bom(text).replace("\r\n", "\n")
    found = False
    for offset, name in forbidden(text):
        found = True
        doc.error(
            _offset_position(text, offset),
            Code.CONTROL_CHARACTER,
            f"the character {name} is not allowed in a record; delete it "
            "(tabs and line breaks are fine)",
        )
        if len(doc.diagnostics) >= 20:
            break
    if found:
        return None
    return text
