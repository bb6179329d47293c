"""The content hash of cited document lines, which kkr import writes and kkr validate checks."""

from __future__ import annotations

import hashlib

DIGEST_LENGTH = 16
"""Hex digits kept of the SHA-256: enough that two different texts never share one by chance."""


def document_lines(text: str) -> list[str]:
    """A document's lines as citations count them: any line end, no byte-order mark."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def lines_digest(lines: list[str]) -> str:
    """The digest of cited lines: SHA-256 of the lines, each with a line feed, shortened."""
    text = "".join(line + "\n" for line in lines).removeprefix("\ufeff")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]
