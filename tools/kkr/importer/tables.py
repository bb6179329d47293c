"""Tab-separated tables, as the exports print them, turned into rows and columns."""

from __future__ import annotations

import re
from typing import Any

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.text import Line, html_to_markdown, slug, words

_RULE = re.compile(r"^-*$")


def is_row(line: Line) -> bool:
    """Whether a line is a table row: cells separated by tabs."""
    return "\t" in line.text.strip("\n") and not line.blank


def is_rule(line: Line) -> bool:
    """Whether a row is a ruler like '------\\t--' drawn by the export."""
    return all(_RULE.match(cell.strip()) for cell in line.text.split("\t"))


def _cell(text: str, *, markdown: bool) -> str:
    # The export writes <p> into the cells of both formats; any other text stays as printed.
    return words(html_to_markdown(text), markdown=markdown)


def build_table(
    rows: list[Line], caption: str | None, number: int, where: str, report: Report
) -> dict[str, Any] | None:
    """Turn table lines into a Table mapping; report rulers and a missing header row."""
    cells: list[list[str]] = []
    for line in rows:
        if is_rule(line):
            report.skip(line, _("table ruler line drawn by the export"))
            continue
        cells.append([_cell(cell, markdown=line.markdown) for cell in line.text.split("\t")])
        report.cover(line, f"{where}.tables")
    if not cells:
        return None
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    if _has_header(cells):
        columns, body = cells[0], cells[1:]
    else:
        columns, body = [""] * width, cells
        report.warning(
            rows[0].no,
            Code.NOT_UNDERSTOOD,
            _(
                "the table has no header row (its first row repeats values of the next row); "
                "its columns are left unnamed"
            ),
        )
    table: dict[str, Any] = {"id": slug(caption) if caption else f"tabel-{number}"}
    if caption:
        table["caption"] = caption
    table["columns"] = columns
    table["rows"] = body or [[""] * width]
    return table


def _has_header(cells: list[list[str]]) -> bool:
    """A header row names columns, so none of its cells recur in the row below it."""
    if len(cells) < 2:
        return False
    return not any(
        first and first == second for first, second in zip(cells[0], cells[1], strict=False)
    )
