"""Checks on PyYAML's event stream where libyaml accepts what YAML 1.2 rejects.

libyaml (the engine behind CSafeLoader) does not check the indentation of multi-line quoted
scalars and flow collections, reads a `#` glued to a token as a comment, and lets the leading
blank lines of a block scalar be more indented than its text (kkr.loading.layout holds the
line checks). Each check looks only at the source lines of the event in hand, and comments are
checked once per file, so the whole pass stays linear in the size of the file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.characters import forbidden
from kkr.loading.document import Document, Position
from kkr.loading.layout import block_indicators, leading_blank_lines, unindented_continuation

MAX_DEPTH = 24
MAX_TEXT = 100_000
"""The longest text field, in characters: some 20 times the longest in the records."""


class StopReadingError(Exception):
    """The event stream cannot, or must not, be read any further."""


class _Collection(NamedTuple):
    opener: str  # "{", "[", or for a block collection or a pair inside [ ] its first character
    flow: bool
    column: int


_SCALAR = yaml.ScalarEvent
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
# The checker makes a _Collection for every collection: tuple.__new__ skips the named
# tuple's Python-level __new__.
_new = tuple.__new__


@dataclass
class _Flow:
    """The outermost flow collection that is open, and the quoted lines inside it."""

    line: int
    indent: int
    quoted: set[int] = field(default_factory=set)


class Conformance:
    """Reports, in ``doc``, every place where an event's source is not YAML 1.2."""

    def __init__(
        self, text: str, rows: list[str], doc: Document, last_blank: int | None = None
    ) -> None:
        # last_blank: the spaces on the text's last line, if it held only spaces and no line
        # break (the loader has added one).
        self.last_blank = last_blank
        self.text = text
        self.rows = rows
        self.doc = doc
        self.stack: list[_Collection] = []
        self.blocks: list[int] = []  # the columns of the block collections in the stack
        self.flow: _Flow | None = None
        self.flow_depth = 0
        self.spans: list[int] = []  # start and end of each scalar, to tell text from comments
        self.counted = (0, 0)  # an index and its 0-based line, to count lines incrementally
        # The last two scalars, to explain a syntax error.
        self.previous: Any = None
        self.last: Any = None

    @property
    def scalars(self) -> tuple[Any, Any]:
        """The last two scalar events, the later last."""
        return self.previous, self.last

    def check(self, event: Any) -> None:
        """Check one event; may correct a scalar's value to the one YAML 1.2 gives it."""
        # Called for every event, so the commonest case comes first and is kept lean.
        kind = type(event)
        if kind is _SCALAR:
            self.previous, self.last = self.last, event
            start, end = event.start_mark, event.end_mark
            if start.index != end.index:
                self.spans += (start.index, end.index)
            if len(event.value) > MAX_TEXT:
                self._too_long(event)
            if event.style:
                self._styled(event)
            elif self.flow is not None:
                if start.index != end.index:
                    self._plain_in_flow(event)
            elif start.line != end.line:
                self._lines(start.line, end.line, self.indent, range(start.line, end.line + 1))
        elif kind in _STARTS:
            self._start(event)
        elif kind in _ENDS:
            self._end(event)
        elif kind is yaml.AliasEvent:
            self.spans += (event.start_mark.index, event.end_mark.index)
        elif kind is yaml.StreamEndEvent:
            self._comments()

    @property
    def indent(self) -> int:
        """The indentation continuation lines need: one more than the enclosing block's."""
        return self.blocks[-1] + 1 if self.blocks else 0

    def _start(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.doc.error(
                _position(event.start_mark),
                Code.TOO_DEEP,
                _(
                    "the nesting is deeper than {limit} levels; no record needs that, "
                    "flatten the structure, e.g. items: [a, b] instead of items: [[a, b]]"
                ).format(limit=MAX_DEPTH),
            )
            # Stop here: libyaml's cost grows with the square of the depth.
            raise StopReadingError
        flow = bool(event.flow_style)
        if flow:
            self.flow_depth += 1
            if self.flow is None:
                self.flow = _Flow(event.start_mark.line, self.indent)
        else:
            self.blocks.append(event.start_mark.column)
        opener = self.text[event.start_mark.index : event.start_mark.index + 1]
        self.stack.append(_new(_Collection, (opener, flow, event.start_mark.column)))

    def _end(self, event: Any) -> None:
        closed = self.stack.pop() if self.stack else None
        if closed is None:
            return
        if not closed.flow:
            self.blocks.pop()
            return
        self.flow_depth -= 1
        flow = self.flow
        if self.flow_depth == 0 and flow is not None:
            self.flow = None
            self._lines(flow.line, event.end_mark.line, flow.indent, flow.quoted)

    def _too_long(self, event: Any) -> None:
        self.doc.error(
            _position(event.start_mark),
            Code.TOO_LONG,
            _(
                "this text is {length} characters long; a text field may hold at most "
                "{limit}. Split it, e.g. into the item's sections"
            ).format(length=len(event.value), limit=MAX_TEXT),
        )

    def _styled(self, event: Any) -> None:
        """Check a quoted or block scalar."""
        start, end = event.start_mark, event.end_mark
        # The source text holds no forbidden character (the loader checked it first), so
        # only an escape in double quotes can bring one in.
        for _offset, name in forbidden(event.value) if event.style == '"' else ():
            self.doc.error(
                _position(start),
                Code.CONTROL_CHARACTER,
                _(
                    "the text holds the character {name}, written as an escape; it is not "
                    "allowed in a record. Delete the escape, e.g. write "
                    '"Punkt 1" instead of "Punkt\\u202e1"'
                ).format(name=name),
            )
            break
        if event.style in ("|", ">"):
            self._block_header(event)
        elif self.flow is not None:
            self.flow.quoted.update(range(start.line + 1, end.line + 1))
        elif end.line > start.line:
            self._lines(start.line, end.line, self.indent, range(start.line, end.line + 1))

    def _plain_in_flow(self, event: Any) -> None:
        index = event.start_mark.index
        first = self.text[index]
        after = self.text[index + 1 : index + 2]
        if first in "-?:" and (after in ("", " ", "\t", "\n") or after in ",[]{}"):
            self._error(
                event.start_mark.line,
                event.start_mark.column,
                _(
                    "a lone {char!r} cannot stand as a value inside [ ] or {{ }}; quote it, "
                    'e.g. ["{char}", b]'
                ).format(char=first),
            )
        elif index and self.text[index - 1] == "?" and self.stack and self.stack[-1].flow:
            # libyaml reads "?foo" inside [ ] or { } as the key indicator and "foo"; YAML 1.2
            # reads the text "?foo". Inside { } the key is corrected; inside [ ] libyaml has
            # already made a mapping of it, so it is reported.
            if self.stack[-1].opener == "{":
                event.value = "?" + event.value
            else:
                self._error(
                    event.start_mark.line,
                    event.start_mark.column - 1,
                    _(
                        "inside [ ] write text that starts with '?' in quotes, e.g. [\"?{text}\"]"
                    ).format(text=event.value),
                )

    def _block_header(self, event: Any) -> None:
        row = self.rows[event.start_mark.line]
        indicators, column = block_indicators(row, event.start_mark.column)
        if column < len(row) and row[column] == "#":
            self._comment_error(event.start_mark.line, column)
        digits = "".join(c for c in indicators if c.isdigit())
        if digits:
            indent: int | None = self.indent - 1 + int(digits)
        else:
            indent, problem = leading_blank_lines(self.rows, event, self.indent)
            if problem is not None:
                self._error(*problem)
        if "+" in indicators and self.last_blank is not None and event.value.endswith("\n"):
            at_end = event.end_mark.index >= len(self.text) - 1
            if at_end and (indent is None or self.last_blank <= indent):
                # The loader gave the text a final line break that YAML 1.2 does not count
                # after a last line with no more spaces than the block's indentation.
                event.value = event.value[:-1]

    def _lines(self, first: int, last: int, indent: int, quoted: Container[int]) -> None:
        problem = unindented_continuation(self.rows, first, last, indent, quoted)
        if problem is not None:
            self._error(*problem)

    def _comments(self) -> None:
        """Check that every comment follows a space or a line start, as YAML 1.2 requires."""
        text, spans = self.text, self.spans
        found = text.find("#")
        while found != -1:
            if bisect_right(spans, found) % 2:  # inside a scalar: text, not a comment
                found = text.find("#", found + 1)
                continue
            line_start = text.rfind("\n", 0, found) + 1
            if (
                found > line_start
                and text[found - 1] not in " \t"
                and not text.startswith("%TAG", line_start)
            ):
                self._comment_error(self._line_of(found), found - line_start)
            end = text.find("\n", found)
            found = -1 if end == -1 else text.find("#", end)

    def _line_of(self, index: int) -> int:
        # Indexes only grow, so counting from the last one keeps the pass linear.
        start, line = self.counted
        line += self.text.count("\n", start, index)
        self.counted = (index, line)
        return line

    def _comment_error(self, line: int, column: int) -> None:
        self._error(
            line,
            column,
            _(
                "a comment needs a space before '#'; write e.g. key: \"value\" # note, "
                "or quote the text if '#' belongs to it"
            ),
        )

    def _error(self, line: int, column: int, message: str) -> None:
        self.doc.error(Position(line + 1, column + 1), Code.YAML_SYNTAX, message)


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)
