"""Wrap the long paragraphs of imported Markdown, so every record line stays within the limits.

A document may print a paragraph of 15,000 characters on one line, but a record line holds at
most 10,000. A Markdown paragraph may be broken at any space without changing what it says,
so the importer breaks long lines itself. It never breaks where the next line would start a
Markdown block (a list, a heading, a quote, a setext underline) or after a backslash, which
would make a hard line break. What cannot be wrapped or still exceeds a limit is refused at
the document line that holds it, with advice for the document.
"""

from __future__ import annotations

import re
from typing import Any

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.loading.loader import MAX_LINE, MAX_TEXT

WRAP_OVER = 2_000
"""A line longer than this is wrapped: shorter ones stay as printed, easy to compare."""
WIDTH = 100
"""The width wrapped lines are filled to, as a reviewer reads them."""
_MARGIN = 20  # room for the indentation of a block scalar in the record
_PARTS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
_BLOCK_START = re.compile(r"^(?:[-+*>#=|`~<]|\d{1,9}[.)]$|\d{1,9}[.)]\s)")
_LIST = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])\s+")


def wrap_record(record: dict[str, Any], report: Report) -> None:
    """Wrap the long lines of each item part of an imported meeting; refuse what cannot fit."""
    for item in record.get("items") or []:
        if not isinstance(item, dict):
            continue
        for name in _PARTS:
            value = item.get(name)
            if isinstance(value, str):
                item[name] = _checked(wrap(value), f"items[{item.get('number')}].{name}", report)


def wrap(text: str) -> str:
    """``text`` with each line over WRAP_OVER characters broken at spaces, meaning unchanged."""
    if all(len(line) <= WRAP_OVER for line in text.split("\n")):
        return text
    return "\n".join(piece for line in text.split("\n") for piece in _wrap_line(line))


def _wrap_line(line: str) -> list[str]:
    if len(line) <= WRAP_OVER or line.lstrip().startswith("#"):
        return [line]
    lead = _LIST.match(line)
    indent = " " * len(lead.group()) if lead else ""
    words = line.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        fits = len(current) + 1 + len(word) <= WIDTH
        breakable = (
            current.strip() and word and not _BLOCK_START.match(word) and not current.endswith("\\")
        )
        if current and not fits and breakable:
            lines.append(current)
            current = indent + word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _checked(text: str, path: str, report: Report) -> str:
    """``text``, after an error at its document line for any limit it still exceeds."""
    long = next((line for line in text.split("\n") if len(line) > MAX_LINE - _MARGIN), None)
    if long is not None:
        report.error(
            _line_holding(report, long),
            Code.TOO_LONG,
            _(
                "{field}: this paragraph has a run of {length} characters without a space "
                "where a line could break, more than a record line holds ({limit}). Put spaces "
                "or line breaks into it in the document, then import again"
            ).format(field=path, length=len(long), limit=MAX_LINE - _MARGIN),
        )
    elif len(text) > MAX_TEXT:
        report.error(
            _line_holding(report, text.split("\n", 1)[0]),
            Code.TOO_LONG,
            _(
                "{field} is {length} characters, more than a record text holds ({limit}). "
                "Split the item in the document, e.g. move an appendix into an attachment "
                "(bilag), then import again"
            ).format(field=path, length=len(text), limit=MAX_TEXT),
        )
    return text


def _line_holding(report: Report, text: str) -> int:
    """The document line that starts ``text``'s first words; the first line if none does."""
    probe = " ".join(text.split()[:8]).lstrip("\\-+*#> ")[:60]
    for line in report.lines:
        if probe and probe in " ".join(line.text.split()):
            return line.no
    return 1
