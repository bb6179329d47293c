"""Plain data from PyYAML's event stream, with positions, and no constructor ever run.

Building the tree from events means tags cannot execute, and only JSON's literals are
typed, so YAML 1.1 implicit typing (`no`, `0755`, `10:00`, `1.10`) never changes a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from kkr.diagnostics import Code
from kkr.loading.document import Document, PathKey, Position

MAX_DEPTH = 24

# Plain scalars that are typed; every other plain scalar stays a string.
_INT = re.compile(r"-?(0|[1-9][0-9]{0,17})")
_NULLS = frozenset({"", "~", "null"})
_BOOLS = {"true": True, "false": False}
# YAML 1.1 spellings whose meaning differs between YAML versions; named in hints.
YAML11_BOOLS = frozenset(
    {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON"}
    | {"off", "Off", "OFF", "True", "TRUE", "False", "FALSE"}
)


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def build(text: str, doc: Document) -> None:
    """Parse ``text`` into ``doc.data``, recording positions and every problem in ``doc``."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        doc.error(
            Position(1, 1),
            Code.EMPTY_FILE,
            "the file is empty; a record is a mapping of fields, e.g. 'id: sundhed'",
        )
        return
    events = _events(text, doc)
    try:
        builder = _Builder(doc, events, text.split("\n"))
        doc.data = builder.document()
    except _StopError:
        doc.data = None
    if doc.ok and not isinstance(doc.data, dict):
        doc.error(
            doc.values.get((), Position(1, 1)),
            Code.NOT_A_MAPPING,
            f"the top level is a {_describe(doc.data)}; a record is a mapping of fields, "
            "e.g. 'id: sundhed'",
        )
        doc.data = None
    if not doc.ok:
        doc.data = None


def _block_start(event: Any, rows: list[str]) -> Position:
    # The block's text starts on the first non-blank line after the indicator;
    # its column is that line's indentation.
    for index in range(event.start_mark.line + 1, min(len(rows), event.end_mark.line + 1)):
        if rows[index].strip():
            return Position(index + 1, len(rows[index]) - len(rows[index].lstrip(" ")) + 1)
    return Position(event.start_mark.line + 2, 1)


class _StopError(Exception):
    """The event stream cannot be continued."""


def _events(text: str, doc: Document) -> Iterator[Any]:
    try:
        yield from yaml.parse(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _position(mark) if mark is not None else Position(1, 1)
        problem = exc.problem or exc.context or "malformed YAML"
        doc.error(position, Code.YAML_SYNTAX, f"{problem}; {_syntax_hint(problem)}")
        raise _StopError from None
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as exc:
        # The C parser reports some failures without a mark.
        doc.error(Position(1, 1), Code.YAML_SYNTAX, f"malformed YAML ({exc.__class__.__name__})")
        raise _StopError from None


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: 'Punkt: status'"
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "every line of a mapping needs 'key: value', e.g. name: Bo Hansen"
    return "check the indentation and quoting near here, e.g. 'title: \"Tekst\"'"


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "number"
    if value is None:
        return "null"
    return "text value"


class _Builder:
    """Turns parser events into plain data, recording positions and problems."""

    def __init__(self, doc: Document, events: Iterator[Any], rows: list[str]) -> None:
        self.doc = doc
        self.events = events
        self.rows = rows

    def next(self) -> Any:
        try:
            return next(self.events)
        except StopIteration:
            raise _StopError from None

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
                        "a record file holds exactly one YAML document; remove this '---' "
                        "and put the next record in a file of its own",
                    )
                    raise _StopError
                data = self.node(self.next(), (), 1)

    def node(self, event: Any, path: PathKey, depth: int) -> Any:
        position = _position(event.start_mark)
        self.doc.values.setdefault(path, position)
        if isinstance(event, yaml.AliasEvent):
            self.doc.error(
                position,
                Code.ANCHOR,
                f"the alias *{event.anchor} is not allowed; write the value out in full",
            )
            return None
        if event.anchor is not None:
            self.doc.error(
                position,
                Code.ANCHOR,
                f"the anchor &{event.anchor} is not allowed; write each value out in full",
            )
        if event.tag is not None:
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
            self.doc.error(
                position,
                Code.TAG,
                f"the explicit tag {tag} is not allowed (tags are never executed); "
                "remove it, e.g. write date: 2023-11-21",
            )
        if depth > MAX_DEPTH:
            self.doc.error(
                position,
                Code.TOO_DEEP,
                f"the nesting is deeper than {MAX_DEPTH} levels; no record needs that, "
                "flatten the structure",
            )
            self.skip(event)
            return None
        if isinstance(event, yaml.ScalarEvent):
            if event.style == "|":
                self.doc.blocks[path] = _block_start(event, self.rows)
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(path, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path, depth)
        raise _StopError

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

    def sequence(self, path: PathKey, depth: int) -> list[Any]:
        items: list[Any] = []
        while True:
            event = self.next()
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self.node(event, (*path, len(items)), depth + 1))

    def mapping(self, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while True:
            event = self.next()
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key_position = _position(event.start_mark)
            key = self.key(event, key_position)
            value_event = self.next()
            if key is None:
                self.skip(value_event)
                continue
            child = (*path, key)
            if key in result:
                first = self.doc.keys[child]
                self.doc.error(
                    key_position,
                    Code.DUPLICATE_KEY,
                    f"the key {key!r} is repeated; it was first given at line {first.line}. "
                    "Keep one of them",
                )
                self.skip(value_event)
                continue
            self.doc.keys[child] = key_position
            result[key] = self.node(value_event, child, depth + 1)

    def key(self, event: Any, position: Position) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.doc.error(
                position,
                Code.NON_STRING_KEY,
                "a mapping key must be plain text, not a list or mapping; e.g. name: Bo Hansen",
            )
            self.skip(event)
            return None
        if event.anchor is not None or event.tag is not None:
            self.node(event, (), 1)  # reports the anchor or tag
            return None
        value = self.scalar(event)
        if value == "<<" and event.style in (None, ""):
            self.doc.error(
                position,
                Code.MERGE_KEY,
                "the merge key << is not supported; write the fields out in full",
            )
            return None
        if not isinstance(value, str):
            self.doc.error(
                position,
                Code.NON_STRING_KEY,
                f"the key {event.value!r} is read as a {_describe(value)}, but keys must be "
                f"text; quote it, e.g. '{event.value}': ...",
            )
            return None
        return value
