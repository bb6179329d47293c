"""Danish sort order for every list on the site, from ICU's Danish collation (CLDR rules)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

T = TypeVar("T")

# ICU gives Æ, Ø, Å after Z and "Aa" as Å, as Danish readers expect, so no rules of our own.
_COLLATOR = icu.Collator.createInstance(icu.Locale("da"))


def sort_key(text: str) -> bytes:
    """The Danish collation key of ``text``: Aabenraa after Ærø, Sønderborg after Svendborg."""
    key: bytes = _COLLATOR.getSortKey(text)
    return key


def danish_sorted(values: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """``values`` in Danish order of ``key``; equal texts keep their order."""
    return sorted(values, key=lambda value: sort_key(key(value)))
