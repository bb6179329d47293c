"""Every problem the tools can report, and how a report is written."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Literal

from kkr.i18n import _, ngettext
from kkr.loading.characters import printable

Severity = Literal["error", "warning"]


class Code(StrEnum):
    """The kinds of problem; the value is the code printed in ``error[CODE]``."""

    summary: str

    def __new__(cls, value: str, summary: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.summary = summary
        return member

    IO_ERROR = "io-error", "The file could not be read."
    STALE_FILE = "stale-file", "A generated file differs from what its generator writes now."
    FILE_TOO_LARGE = "file-too-large", "The file is larger than a record can sensibly be."
    ENCODING = "encoding", "The file is not valid UTF-8."
    CONTROL_CHARACTER = (
        "control-character",
        "The file contains a control or bidirectional-override character.",
    )
    EMPTY_FILE = "empty-file", "The file holds no YAML document."
    YAML_SYNTAX = "yaml-syntax", "The file is not well-formed YAML."
    MULTIPLE_DOCUMENTS = "multiple-documents", "The file holds more than one YAML document."
    NOT_A_MAPPING = "not-a-mapping", "The top level of a record must be a mapping of fields."
    DUPLICATE_KEY = "duplicate-key", "A mapping repeats a key."
    NON_STRING_KEY = "non-string-key", "A mapping key is not a string."
    MERGE_KEY = "merge-key", "The YAML merge key << is not supported."
    TAG = "tag", "An explicit YAML tag such as !!python/object; tags are never executed."
    ANCHOR = "anchor", "A YAML anchor (&name) or alias (*name); write the value out instead."
    TOO_DEEP = "too-deep", "The nesting is deeper than any record needs."
    UNKNOWN_KIND = "unknown-kind", "The file is not in a directory that holds a record kind."
    UNKNOWN_FIELD = "unknown-field", "A field the record kind does not have."
    MISSING_FIELD = "missing-field", "A required field is absent."
    WRONG_TYPE = "wrong-type", "A value has the wrong type, e.g. text where a number belongs."
    INVALID_VALUE = "invalid-value", "A value is outside what the field allows."
    INVALID_DATE = "invalid-date", "A date is malformed or not a real calendar date."
    UNSAFE_MARKDOWN = (
        "unsafe-markdown",
        "Record text contains raw HTML, a directive, a non-web link or another unsafe construct.",
    )
    ID_MISMATCH = "id-mismatch", "A record's id differs from its file name."
    DUPLICATE_ID = "duplicate-id", "Two records or nested objects share an id."
    UNRESOLVED_REFERENCE = "unresolved-reference", "A reference names no existing record."
    DUPLICATE_LINK = (
        "duplicate-link",
        "A list names the same record twice, or an item names a presenter again under people.",
    )
    MEETING_DATE = "meeting-date", "A meeting's date disagrees with its id."
    ITEM_NUMBERING = "item-numbering", "Item numbers are duplicated, out of order or sectionless."
    NUMBERING_GAP = "numbering-gap", "Item numbers within a section skip a number."
    MISSING_DECISION = "missing-decision", "An item in minutes has no Beslutning."
    PRESENT_AND_ABSENT = "present-and-absent", "A person is listed both present and absent."
    PERIOD_ORDER = "period-order", "A period ends before it starts."
    MEETING_ORDER = "meeting-order", "A previous meeting is later, or a next meeting earlier."
    MEETING_LINK = "meeting-link", "Two meetings do not point back at each other."
    TABLE_REFERENCE = "table-reference", "A [[tabel:ID]] marker and the item's tables disagree."
    NOT_APPLICABLE = "not-applicable", "A field does not apply to this kind of record."
    ITEM_ORDER = "item-order", "A matter's items are not in time order."
    NO_HEADER = "no-header", "An imported document lacks its DAGSORDEN/REFERAT header or date."
    TRUNCATED = "truncated", "An imported document ends before every listed item appears."
    MISSING_CASE = "missing-case", "An imported agenda item has no SAG- case number line."
    TOC_MISMATCH = "toc-mismatch", "The table of contents and the body disagree."
    NOT_UNDERSTOOD = "not-understood", "An imported source line went into no record field."
    SOURCE_DISCREPANCY = "source-discrepancy", "An imported document contradicts itself."
    RECORD_CREATED = (
        "record-created",
        "An import wrote a new record for something the document names and no record describes.",
    )
    RECORD_EXISTS = "record-exists", "An import would overwrite an existing, different record."
    SYMLINK = "symlink", "A symbolic link leads outside the records folder, or to nothing."
    SPECIAL_FILE = "special-file", "A path in the records folder is a pipe, device or socket."
    RESERVED_ID = "reserved-id", "A record id is the name of a page the site generates."
    EMPTY_VALUE = "empty-value", "A field is present but has no value."
    UNKNOWN_ROLE = "unknown-role", "A {kkr:...} reference in record text names no kind of record."
    CITATION = (
        "citation",
        "A source citation names a missing document, lines past its end, or words not printed "
        "there.",
    )
    NO_SOURCES = "no-sources", "A record cites no source document (reported with --strict only)."
    HAND_EDIT = (
        "hand-edit",
        "A new document changes text that staff edited by hand since the last import.",
    )
    IMPORT_LIMIT = "import-limit", "An imported document exceeds a limit no real document meets."
    TOO_LONG = "too-long", "A line or a text field is longer than any record needs."


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
        file, message = shown(self.file), shown(self.message)
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
