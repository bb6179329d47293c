"""The indentation trap: a field written inside a block text by indenting it with the text."""

from __future__ import annotations

import re

from pydantic import BaseModel

from kkr.checks.roles import iter_markdown
from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.corpus import Entry
from kkr.loading.document import PathKey, Position

# "commitments:", "beslutning: Godkendt", "- id: sundhed-2": a key, alone or as a list item.
_KEY = re.compile(r"^([ \t]*)(?:- +)?([a-z_]+):(?:[ \t]|$)")


def check_trap(entry: Entry) -> None:
    """Warn at each line of a literal block text that looks like a field around the text."""
    for path, text in iter_markdown(entry.record):
        start = entry.document.blocks.get(path)
        if start is None or ":" not in text:
            continue
        names = _fields_around(entry.record, path)
        for number, line in enumerate(text.split("\n")):
            match = _KEY.match(line)
            if match is None or match.group(2) not in names:
                continue
            # A literal block keeps its lines: text line N is document line start + N.
            position = Position(start.line + number, start.column + len(match.group(1)))
            entry.document.warning(
                position,
                Code.FIELD_IN_TEXT,
                _(
                    "looks like the field {field}, but stands inside the text of {text}; "
                    "move it out if it is a field"
                ).format(field=match.group(2), text=str(path[-1])),
            )


def _fields_around(record: BaseModel, path: PathKey) -> set[str]:
    """The field names of every object from the record down to the one holding the text."""
    names: set[str] = set(type(record).model_fields)
    node: object = record
    for step in path[:-1]:
        if isinstance(step, int) and isinstance(node, list):
            node = node[step]
        else:
            node = getattr(node, str(step), None)
        if isinstance(node, BaseModel):
            names |= set(type(node).model_fields)
    return names
