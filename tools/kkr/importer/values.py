"""Field values as a message shows them: plain words, and where two versions differ."""

from __future__ import annotations

from typing import Any

from kkr.i18n import _
from kkr.loading.characters import printable

_SHOWN = 160


def shown(value: Any, other: Any) -> str:
    """``value`` as readable text: around where it differs from ``other``, if long."""
    text = readable(value)
    if len(text) <= _SHOWN:
        return f"«{text}»" if value not in (None, "", [], {}) else text
    other_text = readable(other)
    start = 0
    while start < min(len(text), len(other_text)) and text[start] == other_text[start]:
        start += 1
    start = max(0, start - 40)
    piece = text[start : start + _SHOWN]
    return "«" + ("…" if start else "") + piece + ("…" if start + _SHOWN < len(text) else "") + "»"


def readable(value: Any) -> str:
    """A field's value as one line of plain words: no quotes of Python's, no escapes."""
    if value is None or value in ("", [], {}):
        return _("(empty)")
    if isinstance(value, str):
        return printable(" ".join(value.split()))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "; ".join(readable(entry) for entry in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {readable(entry)}" for key, entry in value.items())
    return str(value)
