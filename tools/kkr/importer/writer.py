"""A small, deterministic YAML emitter for records, in the house style."""

from __future__ import annotations

import re
from typing import Any

import yaml

from kkr.loading.loader import YAML11_BOOLS

MARKDOWN_FIELDS = frozenset({"baggrund", "indstilling", "sagsfremstilling", "beslutning", "note"})
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\t\n]*$")
# Text a YAML 1.1 reader would turn into a number, date, time or null.
# Characters a record file may not hold raw (see kkr.loading.loader); written as \uXXXX escapes.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_TYPED = re.compile(r"^[-+.~]?[0-9][0-9_:.,eE+-]*$|^~$|^null$|^Null$|^NULL$|^\.(inf|nan)$", re.I)


def schema_comment(kind_directory: str, depth: int = 2) -> str:
    """The first line of a record: where its JSON schema lives, relative to the file."""
    return f"# yaml-language-server: $schema={'../' * depth}schema/json/{kind_directory}.json\n"


def emit(data: dict[str, Any], comment: str) -> str:
    """Write ``data`` as block-style YAML after ``comment``."""
    lines: list[str] = []
    _mapping(data, 0, lines)
    return comment + "\n".join(lines) + "\n"


def emit_entry(key: str, value: Any, indent: int) -> list[str]:
    """The lines of one ``key: value`` entry of a mapping indented by ``indent``."""
    lines: list[str] = []
    _entry(f"{' ' * indent}{key}:", key, value, indent, lines)
    return lines


def emit_item(value: Any, indent: int) -> list[str]:
    """The lines of one ``- value`` entry of a sequence whose dashes stand at ``indent``."""
    lines: list[str] = []
    _sequence([value], indent, lines)
    return lines


def _mapping(data: dict[str, Any], indent: int, lines: list[str], first: str = "") -> None:
    pad = " " * indent
    for index, (key, value) in enumerate(data.items()):
        lead = first if index == 0 and first else pad
        _entry(f"{lead}{key}:", key, value, indent, lines)


def _entry(head: str, key: str, value: Any, indent: int, lines: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            lines.append(f"{head} {{}}")
            return
        lines.append(head)
        _mapping(value, indent + 2, lines)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{head} []")
            return
        lines.append(head)
        _sequence(value, indent + 2, lines)
    elif isinstance(value, str) and _block_ok(key, value):
        lines.append(f"{head} {_block_header(value)}")
        inner = " " * (indent + 2)
        lines.extend(f"{inner}{line}" if line else "" for line in value.rstrip("\n").split("\n"))
    else:
        lines.append(f"{head} {scalar(value)}")


def _sequence(items: list[Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, lines, first=f"{pad}- ")
        elif isinstance(item, list) and item:
            start = len(lines)
            _sequence(item, indent + 2, lines)
            lines[start] = f"{pad}- " + lines[start][indent + 2 :]
        else:
            lines.append(f"{pad}- {scalar(item)}")


def _block_ok(key: str, value: str) -> bool:
    """Markdown and multi-line text as | blocks, unless a block cannot hold it exactly."""
    if not value.strip() or _UNPRINTABLE.search(value) or "\t" in value:
        return False
    if value.endswith("\n\n") or value[:1] in (" ", "\n"):
        return False
    if any(line != line.rstrip() for line in value.split("\n")):
        return False
    return key in MARKDOWN_FIELDS or "\n" in value


def _block_header(value: str) -> str:
    return "|" if value.endswith("\n") else "|-"


def scalar(value: Any) -> str:
    """One scalar, quoted only when a YAML 1.1 or 1.2 reader could misread it plain."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _plain_ok(text):
        return text
    if "\n" in text or _UNPRINTABLE.search(text):
        return _double(text)
    return "'" + text.replace("'", "''") + "'"


def _plain_ok(text: str) -> bool:
    if not text or not _PLAIN.match(text) or text != text.strip():
        return False
    if text in YAML11_BOOLS or text.lower() in {"true", "false", "null", "yes", "no"}:
        return False
    if _TYPED.match(text) or ": " in text or " #" in text or text.endswith(":"):
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}") == {"k": text})
    except yaml.YAMLError:
        return False


def _double(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    escaped = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'
