"""Plain data from PyYAML's checked event stream, with positions; no constructor ever runs.

Building the tree from events means tags cannot execute, and only JSON's literals are
typed, so YAML 1.1 implicit typing (`no`, `0755`, `10:00`, `1.10`) never changes a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.conformance import StopReadingError
from kkr.loading.document import Document, PathKey, Position

# Plain scalars that are typed; every other plain scalar stays a string.
_INT = re.compile(r"-?(0|[1-9][0-9]{0,17})")
_NULLS = frozenset({"", "~", "null"})
_BOOLS = {"true": True, "false": False}
# YAML 1.1 spellings whose meaning differs between YAML versions; named in hints.
YAML11_BOOLS = frozenset(
    {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON"}
    | {"off", "Off", "OFF", "True", "TRUE", "False", "FALSE"}
)


_SCALAR = yaml.ScalarEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_MAPPING_END = yaml.MappingEndEvent
# Plain scalars that scalar() types, and keys that key() reports: the rest are taken as they
# stand. Any that starts with a digit or '-' goes the long way (_INT).
_TYPED = _NULLS | _BOOLS.keys()
_SPECIAL_KEYS = _TYPED | {"<<"}
_NUMERIC_START = frozenset("-0123456789")
# tuple.__new__ makes a Position without the Python-level __new__ of a named tuple: the
# loader makes one for every key and value (220,000 on the L archive).
_new = tuple.__new__


def _position(mark: Any) -> Position:
    return _new(Position, (mark.line + 1, mark.column + 1))


def _block_start(event: Any, rows: list[str]) -> Position:
    # The block's text starts on the first non-blank line after the indicator;
    # its column is that line's indentation.
    for index in range(event.start_mark.line + 1, min(len(rows), event.end_mark.line + 1)):
        if rows[index].strip():
            return Position(index + 1, len(rows[index]) - len(rows[index].lstrip(" ")) + 1)
    return Position(event.start_mark.line + 2, 1)


def describe(value: object) -> str:
    """Name the type of a loaded value for a message, e.g. "list"."""
    if isinstance(value, list):
        return _("list")
    if isinstance(value, bool):
        return _("true/false value")
    if isinstance(value, int):
        return _("number")
    if value is None:
        return _("empty value")
    return _("text")


class Builder:
    """Turns parser events into plain data, recording positions and problems."""

    def __init__(self, doc: Document, next_event: Callable[[], Any], rows: list[str]) -> None:
        self.doc = doc
        self.next = next_event
        self.rows = rows
        self.values = doc.values
        self.keys = doc.keys

    def document(self) -> Any:
        data: Any = None
        documents = 0
        while True:
            event = self.next()
            if isinstance(event, yaml.StreamEndEvent):
                return data
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.doc.error(
                        _position(event.start_mark),
                        Code.MULTIPLE_DOCUMENTS,
                        _(
                            "a record file holds exactly one YAML document; remove this '---' "
                            "and put the next record in a file of its own"
                        ),
                    )
                    # Read on, so that YAML errors further down are reported too.
                    while not isinstance(self.next(), yaml.StreamEndEvent):
                        pass
                    return None
                data = self.node(self.next(), ())

    def node(self, event: Any, path: PathKey) -> Any:
        mark = event.start_mark
        position = _new(Position, (mark.line + 1, mark.column + 1))
        if path not in self.values:
            self.values[path] = position
        kind = type(event)
        if kind is _SCALAR and event.anchor is None and event.tag is None:
            # The commonest case first, and without the checks below that cannot apply.
            style, value = event.style, event.value
            if style == "|":
                self.doc.blocks[path] = _block_start(event, self.rows)
            if style or (value not in _TYPED and value[0] not in _NUMERIC_START):
                return value  # text, as scalar() would find
            return self.scalar(event)
        if isinstance(event, yaml.AliasEvent):
            self.doc.error(
                position,
                Code.ANCHOR,
                _("the alias *{name} is not allowed; write the value out in full").format(
                    name=event.anchor
                ),
            )
            return None
        if event.anchor is not None:
            self.doc.error(
                position,
                Code.ANCHOR,
                _("the anchor &{name} is not allowed; write each value out in full").format(
                    name=event.anchor
                ),
            )
        if event.tag is not None:
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
            self.doc.error(
                position,
                Code.TAG,
                _(
                    "the explicit tag {tag} is not allowed (tags are never executed); "
                    "remove it, e.g. write date: 2023-11-21"
                ).format(tag=tag),
            )
        if isinstance(event, yaml.ScalarEvent):
            if event.style == "|":
                self.doc.blocks[path] = _block_start(event, self.rows)
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(path)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        raise StopReadingError

    def skip(self, event: Any) -> None:
        level = 0 if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) else 1
        while level:
            event = self.next()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                level += 1
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                level -= 1

    @staticmethod
    def scalar(event: Any) -> Any:
        value: str = event.value
        if event.style not in (None, "") or event.tag is not None:
            return value
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        if _INT.fullmatch(value):
            return int(value)
        return value

    def sequence(self, path: PathKey) -> list[Any]:
        items: list[Any] = []
        next_event, node = self.next, self.node
        while True:
            event = next_event()
            if type(event) is _SEQUENCE_END:
                return items
            items.append(node(event, (*path, len(items))))

    def mapping(self, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        next_event = self.next
        while True:
            event = next_event()
            if type(event) is _MAPPING_END:
                return result
            mark = event.start_mark
            key_position = _new(Position, (mark.line + 1, mark.column + 1))
            key = event.value if type(event) is _SCALAR else None
            if (
                key is None
                or event.anchor is not None
                or event.tag is not None
                or (not event.style and (key in _SPECIAL_KEYS or key[0] in _NUMERIC_START))
            ):
                key = self.key(event, key_position)
            value_event = next_event()
            if key is None:
                self.skip(value_event)
                continue
            child = (*path, key)
            if key in result:
                first = self.keys[child]
                self.doc.error(
                    key_position,
                    Code.DUPLICATE_KEY,
                    _(
                        "the key {key!r} is repeated; it was first given at line {line}. "
                        "Keep one of them"
                    ).format(key=key, line=first.line),
                )
                self.skip(value_event)
                continue
            self.keys[child] = key_position
            result[key] = self.node(value_event, child)

    def key(self, event: Any, position: Position) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.doc.error(
                position,
                Code.NON_STRING_KEY,
                _("a mapping key must be plain text, not a list or mapping; e.g. name: Bo Hansen"),
            )
            self.skip(event)
            return None
        if event.anchor is not None or event.tag is not None:
            self.node(event, ())  # reports the anchor or tag
            return None
        value = self.scalar(event)
        if value == "<<" and event.style in (None, ""):
            self.doc.error(
                position,
                Code.MERGE_KEY,
                _("the merge key << is not supported; write the fields out in full"),
            )
            return None
        if not isinstance(value, str):
            self.doc.error(
                position,
                Code.NON_STRING_KEY,
                _(
                    "the key {key!r} is read as a {kind}, but keys must be text; quote it, "
                    "e.g. '{key}': ..."
                ).format(key=event.value, kind=describe(value)),
            )
            return None
        return value
