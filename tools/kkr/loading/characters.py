"""The one rule for which characters record text may hold, wherever the text came from."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# C0 and C1 controls except tab and line feed, DEL, carriage return, the line and paragraph
# separators, all twelve bidirectional controls (ALM, LRM, RLM, LRE-RLO, LRI-PDI), the BOM,
# noncharacters U+FFFE/U+FFFF and lone surrogates (which a YAML "\ud800" escape can produce).
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ufeff\ufffe\uffff\ud800-\udfff]"
)


def forbidden(text: str) -> Iterator[tuple[int, str]]:
    """Yield the offset and a readable name of each character record text may not hold."""
    for match in FORBIDDEN.finditer(text):
        yield match.start(), describe(match.group())


def describe(char: str) -> str:
    """Name a character for a message, e.g. 'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}"


def without_forbidden(text: str) -> str:
    """Return ``text`` with every forbidden character removed."""
    return FORBIDDEN.sub("", text)


def printable(text: str) -> str:
    """Return ``text`` safe to print in a report line: forbidden characters shown as escapes."""
    return FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


REPLACEMENT = "\ufffd"
"""U+FFFD, which an editor writes for each byte it could not decode: the letter is lost."""


def damaged(text: str) -> Iterator[int]:
    """Yield the offset of each U+FFFD in ``text``: a letter a wrong encoding destroyed."""
    start = text.find(REPLACEMENT)
    while start >= 0:
        yield start
        start = text.find(REPLACEMENT, start + 1)
