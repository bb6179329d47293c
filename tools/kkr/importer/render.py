"""Turning the units of one item part into Markdown, attachments and tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kkr.checks.deadlinks import unlink
from kkr.importer.blocks import Unit, marker_of, repair, tokenize
from kkr.importer.report import Report
from kkr.importer.tables import build_table
from kkr.importer.text import (
    Line,
    ends_sentence,
    escape_markdown,
    html_to_markdown,
    plain,
    shape,
    words,
)

_HTML_START = re.compile(r"<(?!https?://|mailto:)")
_BLOCK_START = re.compile(r"^(?:[#>+=|]|(\d{1,9})([.)])(?=\s|$))")
_MAX_TEXT = 2000


@dataclass
class Part:
    """One converted item part."""

    markdown: str
    attachments: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _State:
    name: str
    where: str
    markdown_source: bool
    report: Report
    table_number: int
    blocks: list[str] = field(default_factory=list)
    listing: list[str] = field(default_factory=list)
    pending: list[tuple[str, Line]] = field(default_factory=list)
    part: Part = field(default_factory=lambda: Part(""))
    parent_bullet: str = "-"

    def flush(self) -> None:
        if self.listing:
            self.blocks.append("\n".join(self.listing))
            self.listing = []

    def attach(self, marker: str, text: str) -> None:
        entry: dict[str, Any] = {"marker": marker, "section": self.name}
        described = words(text, markdown=self.markdown_source)[:_MAX_TEXT]
        if described:
            entry["text"] = described
        self.part.attachments.append(entry)

    def attach_pending(self, text: str) -> None:
        for marker, _line in self.pending:
            self.attach(marker, text)
        self.pending = []


def convert(
    lines: list[Line],
    name: str,
    where: str,
    *,
    markdown_source: bool,
    report: Report,
    table_number: int,
    taken: dict[str, int],
) -> Part:
    """Convert the lines of the part ``name`` of an item into Markdown."""
    state = _State(name, where, markdown_source, report, table_number)
    units = repair(tokenize(lines), report)
    caption: str | None = None
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if unit.kind == "marker":
            state.pending.append((unit.text, unit.lines[0]))
            report.cover(unit.lines, f"{where}.attachments")
        elif unit.kind == "table":
            state.flush()
            table = build_table(unit.lines, caption, state.table_number + 1, where, report)
            if table is None:
                if caption:
                    state.blocks.append(f"#### {caption}")
                caption = None
                continue
            state.table_number += 1
            table["id"] = _free_id(table["id"], taken)
            state.part.tables.append(table)
            state.blocks.append(f"[[tabel:{table['id']}]]")
            caption = None
        elif unit.kind == "item":
            _item(state, unit)
        elif following is not None and following.kind == "table" and _is_heading(state, unit):
            caption = words(unit.text, markdown=state.markdown_source)
            report.cover(unit.lines, f"{where}.tables")
        else:
            _paragraph(state, unit)
    state.flush()
    if state.pending:
        state.attach_pending("")
    state.part.markdown = "\n\n".join(state.blocks).strip() + "\n"
    return state.part


def _free_id(base: str, taken: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... if taken; ``taken`` remembers the next suffix."""
    chosen = base
    if base in taken:
        suffix = taken[base]
        while f"{base}-{suffix}" in taken:
            suffix += 1
        taken[base] = suffix + 1
        chosen = f"{base}-{suffix}"
    taken[chosen] = 2
    return chosen


def _is_heading(state: _State, unit: Unit) -> bool:
    """A short line standing alone: a sub-heading inside the part."""
    if len(unit.lines) != 1:
        return False
    look = shape(unit.text)
    if state.markdown_source:
        if look.italic and plain(unit.text).endswith(":"):
            return False
        return bool(look.heading or look.bold or look.italic)
    text = unit.text
    return (
        len(text) <= 90
        and len(text.split()) <= 12
        and text[:1].isupper()
        and "," not in text
        and not ends_sentence(text)
        and "](" not in text
    )


def _paragraph(state: _State, unit: Unit) -> None:
    state.flush()
    marker, text = marker_of(unit.text)
    probe = Unit(unit.kind, unit.lines, text)
    heading = _is_heading(state, probe)
    if heading:
        body = words(unlink(text), markdown=state.markdown_source)
        body = body if state.markdown_source else escape_markdown(body)
    else:
        body = _inline(state, text)
    if marker is not None:
        state.attach(marker, text)
    state.attach_pending(text)
    state.report.cover(unit.lines, state.where)
    state.blocks.append(f"#### {body}" if heading else body)


def _item(state: _State, unit: Unit) -> None:
    marker, text = marker_of(unit.text)
    state.report.cover(unit.lines, state.where)
    if marker is not None and not text:
        # "- ./." on a line of its own: the bullet is the export's, the marker belongs below.
        state.pending.append((marker, unit.lines[0]))
        state.report.cover(unit.lines, f"{state.where}.attachments")
        return
    if marker is not None:
        state.attach(marker, text)
    state.attach_pending(text)
    bullet = unit.bullet if unit.bullet[0].isdigit() else "-"
    if unit.level == 0:
        if state.listing and bullet[0].isdigit() != state.parent_bullet[0].isdigit():
            state.flush()
        state.parent_bullet = bullet
        state.listing.append(f"{bullet} {_inline(state, text)}")
    else:
        indent = " " * (len(state.parent_bullet) + 1)
        state.listing.append(f"{indent}{bullet} {_inline(state, text)}")


def _inline(state: _State, text: str) -> str:
    """Make one paragraph's text Markdown: a plain-text document's renders as printed; a
    Markdown document's HTML becomes Markdown or is escaped. A link the export left without
    its address ("[SDEO kontrakt](#)") becomes its words, as a reader of the document sees it."""
    text = unlink(text)
    if not state.markdown_source:
        return escape_markdown(text)
    text = html_to_markdown(text)
    lead = _BLOCK_START.match(text)
    if lead is not None and lead.group(1):
        text = lead.group(1) + "\\" + text[len(lead.group(1)) :]
    elif lead is not None:
        text = "\\" + text
    return _HTML_START.sub("\\\\<", text)
