"""libyaml's syntax errors, said in plain words with a valid example, at the place to fix."""

from __future__ import annotations

from typing import Any

from kkr.i18n import _
from kkr.loading.document import Position


def explain(exc: Any, rows: list[str], scalars: tuple[Any, Any]) -> tuple[Position, str]:
    """Return where to fix a ``yaml.MarkedYAMLError`` and a message that says how.

    ``scalars`` holds the last two scalar events before the error, to recognise text under
    ``note: |`` that is not indented.
    """
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    problem = str(exc.problem or exc.context or "")
    row = rows[line] if line < len(rows) else ""
    unindented = _unindented_block(rows, scalars, line)
    if unindented is not None:
        return unindented
    tab = row.find("\t", 0, max(column, 0) + 1)
    if "tab" in problem or (tab != -1 and not row[:tab].strip()):
        column = tab if tab != -1 else column
        return Position(line + 1, column + 1), _(
            "a tab (tabulator) is used to indent this line; YAML is indented with spaces only. "
            "Replace the tab with spaces, e.g. '  - punkt'"
        )
    if "mapping values are not allowed" in problem:
        if _indented_more(rows, line, column):
            return Position(line + 1, _indent(row) + 1), _(
                "this line is indented more than the line above, but the line above does not "
                "open a list or mapping; indent it like its neighbours, e.g. 'name: Bo Hansen' "
                "directly under 'id: bo-hansen'"
            )
        return Position(line + 1, column + 1), _(
            "a value that contains ': ' must be quoted, e.g. title: 'Punkt: status'"
        )
    if "cannot start any token" in problem and column < len(row):
        return Position(line + 1, column + 1), _(
            "a value cannot start with {char!r} unquoted; put the value in quotes, "
            "e.g. note: '{char}KL'"
        ).format(char=row[column])
    if "could not find expected ':'" in problem:
        return Position(line + 1, column + 1), _(
            "every line of a mapping needs 'key: value'; add the key, or quote and indent the "
            "text that continues the line above, e.g. name: Bo Hansen"
        )
    for fragment, message in _messages():
        if fragment in problem:
            return Position(line + 1, column + 1), message
    return Position(line + 1, column + 1), _(
        "the YAML is malformed here ({problem}); check the indentation and the quotes near "
        'here, e.g. title: "Tekst"'
    ).format(problem=problem or "?")


def _messages() -> list[tuple[str, str]]:
    return [
        (
            "found unexpected end of stream",
            _(
                "a quote is opened and never closed; end the text with the same quote, "
                'e.g. title: "Tekst"'
            ),
        ),
        (
            "did not find expected ',' or ']'",
            _("a list in [ ] is not closed, or two entries lack a comma; e.g. tags: [a, b]"),
        ),
        (
            "did not find expected ',' or '}'",
            _("a mapping in { } is not closed, or two entries lack a comma; e.g. {a: 1, b: 2}"),
        ),
        (
            "block sequence entries are not allowed",
            _(
                "a list entry '- ' must start its own line; put it on the next line, indented, "
                "e.g. 'items:' then '  - punkt'"
            ),
        ),
        (
            "did not find expected '-' indicator",
            _(
                "every line of a list must start with '- ' at the same indentation, "
                "e.g. '  - a' then '  - b'"
            ),
        ),
        (
            "escape",
            _(
                "a backslash in double quotes starts an escape; write \\\\ for a backslash or use "
                "single quotes, e.g. path: 'C:\\mappe'"
            ),
        ),
        (
            "did not find expected key",
            _(
                "this line does not line up with the keys of its mapping; indent it like its "
                "neighbours, e.g. 'name: Bo Hansen' directly under 'id: bo-hansen'"
            ),
        ),
    ]


def _unindented_block(
    rows: list[str], scalars: tuple[Any, Any], line: int
) -> tuple[Position, str] | None:
    """Recognise text under ``note: |`` that starts at the key's own indentation."""
    key, block = scalars
    if key is None or block is None:
        return None
    if block.style not in ("|", ">") or block.value:
        return None
    for index in range(block.start_mark.line + 1, min(len(rows), line + 1)):
        if rows[index].strip():
            if _indent(rows[index]) > key.start_mark.column:
                return None
            example = " " * (key.start_mark.column + 2) + rows[index].strip()[:30]
            return Position(index + 1, _indent(rows[index]) + 1), _(
                "the text under '{key}: {indicator}' must be indented more than '{key}'; "
                "indent every line of it, e.g. '{example}'"
            ).format(key=key.value, indicator=block.style, example=example)
    return None


def _indented_more(rows: list[str], line: int, column: int) -> bool:
    row = rows[line]
    if row.find(": ") not in (column, -1) and not row.endswith(":"):
        return False
    for previous in range(line - 1, -1, -1):
        above = rows[previous]
        if above.strip() and not above.lstrip().startswith("#"):
            return _indent(row) > _indent(above)
    return False


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))
