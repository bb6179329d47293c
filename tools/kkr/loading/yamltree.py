"""Parse a record's text: limits first, then PyYAML's C event stream, checked and built."""

from __future__ import annotations

from typing import Any

import yaml

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.builder import YAML11_BOOLS, Builder, describe
from kkr.loading.conformance import MAX_DEPTH, MAX_TEXT, Conformance, StopReadingError
from kkr.loading.document import Document, Position
from kkr.loading.layout import without_blank_tabs
from kkr.loading.syntax import explain

__all__ = ["MAX_DEPTH", "MAX_LINE", "MAX_TEXT", "YAML11_BOOLS", "build"]

MAX_LINE = 10_000
"""The longest line, in characters: more than ten times the longest in the records."""


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
    events = _Events(text, without_blank_tabs(text, rows), rows, doc, last_blank)
    try:
        doc.data = Builder(doc, events.next, rows).document()
    except StopReadingError:
        doc.data = None
    finally:
        events.parser.dispose()
    if doc.ok and not isinstance(doc.data, dict):
        doc.error(
            doc.values.get((), Position(1, 1)),
            Code.NOT_A_MAPPING,
            _(
                "the top level is a {kind}; a record is a mapping of fields, e.g. 'id: sundhed'"
            ).format(kind=describe(doc.data)),
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


class _Events:
    """PyYAML's C events of ``parsed``, checked on ``text`` where libyaml is lenient."""

    def __init__(
        self, text: str, parsed: str, rows: list[str], doc: Document, last_blank: int | None
    ) -> None:
        self.rows = rows
        self.doc = doc
        self.conformance = Conformance(text, rows, doc, last_blank)
        self.check = self.conformance.check
        self.parser = yaml.CSafeLoader(parsed)

    def next(self) -> Any:
        """The next event, checked; StopReadingError when the YAML cannot be read on."""
        # Called for every event: a method, not a generator behind next(), since each
        # layer of calls was a measurable share of loading the L archive.
        try:
            event = self.parser.get_event()
        except yaml.MarkedYAMLError as exc:
            position, message = explain(exc, self.rows, self.conformance.scalars)
            self.doc.error(position, Code.YAML_SYNTAX, message)
            raise StopReadingError from None
        except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as exc:
            # The C parser reports some failures without a mark.
            self.doc.error(
                Position(1, 1),
                Code.YAML_SYNTAX,
                _(
                    "the YAML cannot be read ({error}); check the file's indentation and quotes"
                ).format(error=exc.__class__.__name__),
            )
            raise StopReadingError from None
        if event is None:
            raise StopReadingError
        self.check(event)
        return event
