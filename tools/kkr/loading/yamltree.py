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
from kkr.i18n import _
from kkr.loading.conformance import MAX_DEPTH, MAX_TEXT, Conformance, StopReadingError
from kkr.loading.document import Document, PathKey, Position
from kkr.loading.syntax import explain

__all__ = ["MAX_DEPTH", "MAX_LINE", "MAX_TEXT", "YAML11_BOOLS", "build"]

MAX_LINE = 10_000
"""The longest line, in characters: more than ten times the longest in the records."""

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
    # YAML 1.2 ends the last line of a block scalar with a line break even at the end of the
    # file; libyaml drops it there, so every text is given a final line break first.
    last = text[text.rfind("\n") + 1 :]
    last_blank = len(last) if last and not last.strip(" ") else None
    if last:
        text += "\n"
    rows = text.split("\n")
    if all(not row.strip() or row.lstrip().startswith("#") for row in rows):
        doc.error(
            Position(1, 1),
            Code.EMPTY_FILE,
            _("the file is empty; a record is a mapping of fields, e.g. 'id: sundhed'"),
        )
        return
    if not _lines_fit(rows, doc):
        return
    try:
        builder = _Builder(doc, _events(text, rows, doc, last_blank), rows)
        doc.data = builder.document()
    except StopReadingError:
        doc.data = None
    if doc.ok and not isinstance(doc.data, dict):
        doc.error(
            doc.values.get((), Position(1, 1)),
            Code.NOT_A_MAPPING,
            _(
                "the top level is a {kind}; a record is a mapping of fields, e.g. 'id: sundhed'"
            ).format(kind=_describe(doc.data)),
        )
        doc.data = None
    if not doc.ok:
        doc.data = None


def _lines_fit(rows: list[str], doc: Document) -> bool:
    if max(map(len, rows)) <= MAX_LINE:
        return True
    number, row = next((n, r) for n, r in enumerate(rows, 1) if len(r) > MAX_LINE)
    doc.error(
        Position(number, MAX_LINE + 1),
        Code.TOO_LONG,
        _(
            "this line is {length} characters long; a line may hold at most {limit}. "
            "Break the text over several lines, e.g. note: |"
        ).format(length=len(row), limit=MAX_LINE),
    )
    return False


def _block_start(event: Any, rows: list[str]) -> Position:
    # The block's text starts on the first non-blank line after the indicator;
    # its column is that line's indentation.
    for index in range(event.start_mark.line + 1, min(len(rows), event.end_mark.line + 1)):
        if rows[index].strip():
            return Position(index + 1, len(rows[index]) - len(rows[index].lstrip(" ")) + 1)
    return Position(event.start_mark.line + 2, 1)


def _events(text: str, rows: list[str], doc: Document, last_blank: int | None) -> Iterator[Any]:
    """PyYAML's C event stream, checked where libyaml is more lenient than YAML 1.2."""
    conformance = Conformance(text, rows, doc, last_blank)
    scalars: tuple[Any, Any] = (None, None)  # the last two scalars, to explain an error
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            conformance.check(event)
            if type(event) is yaml.ScalarEvent:
                scalars = (scalars[1], event)
            yield event
    except yaml.MarkedYAMLError as exc:
        position, message = explain(exc, rows, scalars)
        doc.error(position, Code.YAML_SYNTAX, message)
        raise StopReadingError from None
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as exc:
        # The C parser reports some failures without a mark.
        doc.error(
            Position(1, 1),
            Code.YAML_SYNTAX,
            _("the YAML cannot be read ({error}); check the file's indentation and quotes").format(
                error=exc.__class__.__name__
            ),
        )
        raise StopReadingError from None


def _describe(value: object) -> str:
    if isinstance(value, list):
        return _("list")
    if isinstance(value, bool):
        return _("true/false value")
    if isinstance(value, int):
        return _("number")
    if value is None:
        return _("empty value")
    return _("text")


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
            raise StopReadingError from None

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
                    for _event in self.events:
                        pass
                    return None
                data = self.node(self.next(), ())

    def node(self, event: Any, path: PathKey) -> Any:
        position = _position(event.start_mark)
        self.doc.values.setdefault(path, position)
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
        while True:
            event = self.next()
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self.node(event, (*path, len(items))))

    def mapping(self, path: PathKey) -> dict[str, Any]:
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
                    _(
                        "the key {key!r} is repeated; it was first given at line {line}. "
                        "Keep one of them"
                    ).format(key=key, line=first.line),
                )
                self.skip(value_event)
                continue
            self.doc.keys[child] = key_position
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
                ).format(key=event.value, kind=_describe(value)),
            )
            return None
        return value
