"""What extraction reads from a page and hands to the import: lines, tables and the result."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextLine:
    """One printed line, or one table, with what the layout says about it."""

    text: str
    page: int
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    bold: bool = False
    marker: str | None = None
    """An attachment marker (./.) printed in the margin beside the line."""
    rows: list[list[str]] | None = None
    """A ruled table's cells, row by row; ``text`` is then empty."""


@dataclass
class Extraction:
    """A document's text in the import's format, and what extraction left out on purpose."""

    text: str
    notes: list[str] = field(default_factory=list)


class ExtractionError(Exception):
    """A document that cannot be read; the message says why and what to do, in the user's
    language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
