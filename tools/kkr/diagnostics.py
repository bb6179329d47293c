"""Every problem the tools can report, and how a report is written."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Literal

from kkr.i18n import N_, _, ngettext
from kkr.loading.characters import printable

Severity = Literal["error", "warning"]


class Code(StrEnum):
    """The kinds of problem; the value is the code printed in ``error[CODE]``."""

    summary: str  # an English msgid, marked with N_(); show it as _(code.summary)

    def __new__(cls, value: str, summary: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.summary = summary
        return member

    IO_ERROR = "io-error", N_("The file could not be read.")
    STALE_FILE = "stale-file", N_("A generated file differs from what its generator writes now.")
    FILE_TOO_LARGE = "file-too-large", N_("The file is larger than a record can sensibly be.")
    ENCODING = "encoding", N_("The file is not valid UTF-8.")
    CONTROL_CHARACTER = (
        "control-character",
        N_("The file contains a control or bidirectional-override character."),
    )
    EMPTY_FILE = "empty-file", N_("The file holds no YAML document.")
    YAML_SYNTAX = "yaml-syntax", N_("The file is not well-formed YAML.")
    MULTIPLE_DOCUMENTS = "multiple-documents", N_("The file holds more than one YAML document.")
    NOT_A_MAPPING = "not-a-mapping", N_("The top level of a record must be a mapping of fields.")
    DUPLICATE_KEY = "duplicate-key", N_("A mapping repeats a key.")
    NON_STRING_KEY = "non-string-key", N_("A mapping key is not a string.")
    MERGE_KEY = "merge-key", N_("The YAML merge key << is not supported.")
    TAG = "tag", N_("An explicit YAML tag such as !!python/object; tags are never executed.")
    ANCHOR = "anchor", N_("A YAML anchor (&name) or alias (*name); write the value out instead.")
    TOO_DEEP = "too-deep", N_("The nesting is deeper than any record needs.")
    UNKNOWN_KIND = "unknown-kind", N_("The file is not in a directory that holds a record kind.")
    UNKNOWN_FIELD = "unknown-field", N_("A field the record kind does not have.")
    MISSING_FIELD = "missing-field", N_("A required field is absent.")
    WRONG_TYPE = "wrong-type", N_("A value has the wrong type, e.g. text where a number belongs.")
    INVALID_VALUE = "invalid-value", N_("A value is outside what the field allows.")
    INVALID_DATE = "invalid-date", N_("A date is malformed or not a real calendar date.")
    UNSAFE_MARKDOWN = (
        "unsafe-markdown",
        N_(
            "Record text contains raw HTML, a directive, a non-web link or another unsafe "
            "construct."
        ),
    )
    ID_MISMATCH = "id-mismatch", N_("A record's id differs from its file name.")
    DUPLICATE_ID = "duplicate-id", N_("Two records or nested objects share an id.")
    UNRESOLVED_REFERENCE = "unresolved-reference", N_("A reference names no existing record.")
    DUPLICATE_LINK = (
        "duplicate-link",
        N_("A list names the same record twice, or an item names a presenter again under people."),
    )
    MEETING_DATE = "meeting-date", N_("A meeting's date disagrees with its id.")
    ITEM_NUMBERING = (
        "item-numbering",
        N_("Item numbers are duplicated, out of order or sectionless."),
    )
    NUMBERING_GAP = "numbering-gap", N_("Item numbers within a section skip a number.")
    MISSING_DECISION = "missing-decision", N_("An item in minutes has no Beslutning.")
    PRESENT_AND_ABSENT = "present-and-absent", N_("A person is listed both present and absent.")
    PERIOD_ORDER = "period-order", N_("A period ends before it starts.")
    MEETING_ORDER = "meeting-order", N_("A previous meeting is later, or a next meeting earlier.")
    MEETING_LINK = "meeting-link", N_("Two meetings do not point back at each other.")
    TABLE_REFERENCE = "table-reference", N_("A [[tabel:ID]] marker and the item's tables disagree.")
    NOT_APPLICABLE = "not-applicable", N_("A field does not apply to this kind of record.")
    ITEM_ORDER = "item-order", N_("A matter's items are not in time order.")
    NO_HEADER = "no-header", N_("An imported document lacks its DAGSORDEN/REFERAT header or date.")
    TRUNCATED = "truncated", N_("An imported document ends before every listed item appears.")
    MISSING_CASE = "missing-case", N_("An imported agenda item has no SAG- case number line.")
    TOC_MISMATCH = "toc-mismatch", N_("The table of contents and the body disagree.")
    UNREADABLE_DOCUMENT = (
        "unreadable-document",
        N_("A PDF or Word document to import cannot be read: damaged, cut short or scanned."),
    )
    PAGE_FURNITURE = (
        "page-furniture",
        N_("Text to import still holds a PDF's page footers, headers or page numbers."),
    )
    NOT_UNDERSTOOD = "not-understood", N_("An imported source line went into no record field.")
    SOURCE_DISCREPANCY = "source-discrepancy", N_("An imported document contradicts itself.")
    RECORD_CREATED = (
        "record-created",
        N_(
            "An import wrote a new record for something the document names and no record describes."
        ),
    )
    RECORD_EXISTS = "record-exists", N_("An import would overwrite an existing, different record.")
    SYMLINK = "symlink", N_("A symbolic link leads outside the records folder, or to nothing.")
    SPECIAL_FILE = "special-file", N_("A path in the records folder is a pipe, device or socket.")
    RESERVED_ID = "reserved-id", N_("A record id is the name of a page the site generates.")
    EMPTY_VALUE = "empty-value", N_("A field is present but has no value.")
    UNKNOWN_ROLE = (
        "unknown-role",
        N_("A {kkr:...} reference in record text names no kind of record."),
    )
    CITATION = (
        "citation",
        N_(
            "A source citation names a missing document, lines past its end, or words not printed "
            "there."
        ),
    )
    NO_SOURCES = (
        "no-sources",
        N_("A record cites no source document (reported with --strict only)."),
    )
    HAND_EDIT = (
        "hand-edit",
        N_("A new document changes text that staff edited by hand since the last import."),
    )
    IMPORT_LIMIT = (
        "import-limit",
        N_("An imported document exceeds a limit no real document meets."),
    )
    TOO_LONG = "too-long", N_("A line or a text field is longer than any record needs.")
    FIELD_IN_TEXT = (
        "field-in-text",
        N_("A line inside a block text looks like a field of the record around it."),
    )
    DEAD_LINK = "dead-link", N_("A link in record text has no address: its target is empty or #.")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One located problem."""

    file: str
    line: int
    column: int
    severity: Severity
    code: Code
    message: str

    def text(self) -> str:
        """Format as FILE:LINE:COL: severity[CODE]: message, on one line."""
        # A colon in the name is escaped, so a parser that reads the name up to the first
        # ":LINE:COL: error[" cannot be misled by a file named "x:1:1: error[...".
        file, message = shown(self.file).replace(":", "\\u003a"), shown(self.message)
        return f"{file}:{self.line}:{self.column}: {self.severity}[{self.code}]: {message}"

    def github(self) -> str:
        """Format as a GitHub Actions workflow command."""
        level = "error" if self.severity == "error" else "warning"
        props = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", shown(self.file)),
                ("line", self.line),
                ("col", self.column),
                ("title", self.code),
            )
        )
        return f"::{level} {props}::{_escape_data(shown(self.message))}"

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping."""
        data = asdict(self)
        data["code"] = str(self.code)
        data["file"], data["message"] = shown(self.file), shown(self.message)
        return data


def shown(text: str) -> str:
    """Return ``text`` safe on one line of a report: no line break or control character.

    A file name or message can then neither add a line (a forged ``error[...]``) nor send
    an escape sequence to the terminal: a line feed becomes ``\\n``, the rest ``\\uXXXX``.
    """
    return printable(text.replace("\n", "\\n"))


def clipped(text: str, limit: int = 60) -> str:
    """Return source text short enough to quote in a message: its first ``limit`` characters + "…".

    Quote it with ``{text!r}``: repr escapes tabs and control characters, and ``shown`` the rest.
    """
    return text if len(text) <= limit else text[:limit] + "…"


def _escape_data(value: str) -> str:
    # As @actions/core escapeData does.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # As @actions/core escapeProperty does.
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """Return the closing line of a report, in the active language."""
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    checked = ngettext("{files} file checked", "{files} files checked", files).format(files=files)
    if not diagnostics:
        return _("{checked}: no problems found.").format(checked=checked)
    return _("{checked}: {errors}, {warnings}.").format(
        checked=checked,
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
    )


def as_json(diagnostics: list[Diagnostic], files: int) -> str:
    """Return the whole report as one JSON document."""
    return json.dumps(
        {
            "files": files,
            "errors": sum(1 for d in diagnostics if d.severity == "error"),
            "warnings": sum(1 for d in diagnostics if d.severity == "warning"),
            "diagnostics": [d.as_dict() for d in diagnostics],
        },
        ensure_ascii=False,
        indent=2,
    )
