"""A small, deterministic YAML emitter for records, in the house style."""

from __future__ import annotations

import re
from typing import Any

import yaml

from kkr.loader import YAML11_BOOLS

MARKDOWN_FIELDS = frozenset({"baggrund", "indstilling", "sagsfremstilling", "beslutning", "note"})
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\t\n]*$")
# Text a YAML 1.1 reader would turn into a number, date, time or null.
_TYPED = re.compile(r"^[-+.~]?[0-9][0-9_:.,eE+-]*$|^~$|^null$|^Null$|^NULL$|^\.(inf|nan)$", re.I)


def schema_comment(kind_directory: str, depth: int = 2) -> str:
    """The first line of a record: where its JSON schema lives, relative to the file."""
    return f"# yaml-language-server: $schema={'../' * depth}schema/json/{kind_directory}.json\n"


def emit(data: dict[str, Any], comment: str) -> str:
    """Write ``data`` as block-style YAML after ``comment``."""
    lines: list[str] = []
    _mapping(data, 0, lines)
    return comment + "\n".join(lines) + "\n"


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
    elif isinstance(value, str) and (key in MARKDOWN_FIELDS or "\n" in value) and value.strip():
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


def _block_header(value: str) -> str:
    indicator = "2" if value[:1] in (" ", "\n") else ""
    chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-"
    if value.endswith("\n\n"):
        chomp = "+"
    return f"|{indicator}{chomp}"


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
    if "\n" in text or any(ord(char) < 32 and char != "\t" for char in text):
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
    escaped = re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"\\x{ord(m.group()):02x}", escaped)
    return f'"{escaped}"'
