"""How YAML 1.2 wants continuation lines and block scalars laid out, checked line by line.

The checks look only at the lines of one construct and return the first problem as a 0-based
line, a 0-based column and a message, or None.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

import yaml

from kkr.i18n import _, ngettext

Problem = tuple[int, int, str]


def unindented_continuation(
    rows: list[str], first: int, last: int, indent: int, quoted: Container[int]
) -> Problem | None:
    """Check that lines ``first + 1`` to ``last`` are indented by ``indent`` spaces or more.

    Lines in ``quoted`` continue a scalar; the others lie between the entries of a flow
    collection, where blank and comment lines may stand anywhere.
    """
    for line in range(first + 1, last + 1):
        row = rows[line]
        spaces = len(row) - len(row.lstrip(" "))
        rest = row[spaces:]
        if not rest or spaces >= indent:
            continue
        if line not in quoted and (not rest.strip(" \t") or rest.lstrip(" \t")[0] == "#"):
            continue
        if rest[0] == "\t":
            message = ngettext(
                "a tab (tabulator) stands where the line must be indented with spaces; "
                "replace it with at least {indent} space, e.g. '{example}'",
                "a tab (tabulator) stands where the line must be indented with spaces; "
                "replace it with at least {indent} spaces, e.g. '{example}'",
                indent,
            )
        else:
            message = ngettext(
                "this line continues the value above, so it must be indented by at least "
                "{indent} space, e.g. '{example}'",
                "this line continues the value above, so it must be indented by at least "
                "{indent} spaces, e.g. '{example}'",
                indent,
            )
        example = " " * indent + rest.lstrip(" \t")[:30]
        return line, spaces, message.format(indent=indent, example=example)
    return None


def block_indicators(row: str, column: int) -> tuple[str, int]:
    """Return a block scalar header's chomping and indentation indicators, and the column after."""
    while column < len(row) and row[column] not in "|>":
        column += 1
    column += 1
    start = column
    while column < len(row) and row[column] in "+-0123456789":
        column += 1
    return row[start:column], column


def leading_blank_lines(
    rows: list[str], event: Any, indent: int
) -> tuple[int | None, Problem | None]:
    """Return the indentation of a block scalar's text and any over-indented blank line before it.

    ``indent`` is the least indentation the text may have; a first line with fewer spaces
    ends the (empty) scalar.
    """
    deepest = (0, -1)
    for line in range(event.start_mark.line + 1, min(len(rows), event.end_mark.line + 1)):
        row = rows[line]
        spaces = len(row) - len(row.lstrip(" "))
        if spaces < len(row):
            if spaces < indent:
                return None, None
            if deepest[0] > spaces:
                return spaces, (
                    deepest[1],
                    spaces,
                    _(
                        "a blank line at the start of this text holds more spaces than "
                        "the first line of text; delete the spaces on the blank line, or "
                        "give the indentation, e.g. note: |2"
                    ),
                )
            return spaces, None
        if spaces > deepest[0]:
            deepest = (spaces, line)
    return None, None


def without_blank_tabs(text: str, rows: list[str]) -> str:
    """Return ``text`` with the tabs that indent a blank or comment line made spaces.

    YAML 1.2 reads such a line as blank, but libyaml rejects the tab. In and right after a
    block scalar the tab matters (it may be text, or make the line invalid), so a first parse,
    run only when such a line exists, finds those lines. Lengths stay the same, so every
    position stays true.
    """
    if "\t" not in text:
        return text  # the common case, decided at C speed
    blank = [index for index, row in enumerate(rows) if "\t" in row and _tab_indented_blank(row)]
    if not blank:
        return text
    spaced = rows.copy()
    for index in blank:
        body = rows[index].lstrip(" \t")
        spaced[index] = " " * (len(rows[index]) - len(body)) + body
    kept: set[int] = set()
    parser = yaml.CSafeLoader("\n".join(spaced))
    try:
        while parser.check_event():
            event: Any = parser.get_event()
            if type(event) is yaml.ScalarEvent and event.style in ("|", ">"):
                start: Any = event.start_mark
                end: Any = event.end_mark
                kept.update(_block_lines(rows, start.line, end.line))
    except yaml.YAMLError:
        pass  # the real parse reports it
    finally:
        parser.dispose()
    for index in kept.intersection(blank):
        spaced[index] = rows[index]
    return "\n".join(spaced)


def _tab_indented_blank(row: str) -> bool:
    body = row.lstrip(" \t")
    return "\t" in row[: len(row) - len(body)] and body[:1] in ("", "#")


def _block_lines(rows: list[str], start: int, end: int) -> range:
    """Lines of a block scalar and the blank lines after it, up to its first trailing comment.

    Until that comment, YAML 1.2 allows only spaces there (l-chomped-empty, l-trail-comments).
    """
    line = end
    while line < len(rows):
        body = rows[line].lstrip(" \t")
        if body and (body[0] != "#" or not _tab_indented_blank(rows[line])):
            break
        line += 1
    return range(start + 1, line)
