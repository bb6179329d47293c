"""The plain, JSON-ready page model that views build and render.py turns into nodes.

A page is a list of blocks (dicts with a "t" key); inline content is a list of
strings and small dicts. Because the model is plain data, its hash tells exactly
whether a page must be read again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

Block = dict[str, Any]
Inline = list[Any]


def ref(kind: str, target: str, text: str) -> dict[str, str]:
    """A cross-reference to a kkr object."""
    return {"ref": kind, "id": target, "text": text}


def doc(docname: str, text: str) -> dict[str, str]:
    """A link to a page by docname."""
    return {"doc": docname, "text": text}


def url(address: str, text: str) -> dict[str, str]:
    """An external link; render.py still checks the scheme."""
    return {"url": address, "text": text}


def strong(text: str) -> dict[str, str]:
    """Bold text."""
    return {"b": text}


def section(
    title: str | Inline,
    body: list[Block],
    *,
    anchor: str | None = None,
    obj: tuple[str, str] | None = None,
    classes: list[str] | None = None,
) -> Block:
    """A titled section; ``obj`` registers a kkr object at its anchor."""
    return {
        "t": "section",
        "title": title if isinstance(title, list) else [title],
        "anchor": anchor,
        "obj": list(obj) if obj else None,
        "classes": classes or [],
        "body": body,
    }


def para(*parts: Any, classes: list[str] | None = None) -> Block:
    """A paragraph, with optional CSS classes."""
    block: Block = {"t": "p", "c": list(parts)}
    if classes:
        block["classes"] = classes
    return block


def fields(rows: list[tuple[str, Inline]]) -> Block:
    """Label/value rows, leaving out rows without a value."""
    return {"t": "dl", "rows": [[label, value] for label, value in rows if value]}


def bullets(items: list[Inline], empty: str | None = None) -> Block:
    """A bullet list, or ``empty`` as a paragraph when there are no items."""
    if not items and empty is not None:
        return {"t": "p", "c": [empty], "classes": ["kkr-empty"]}
    return {"t": "ul", "items": items}


def markdown(text: str, where: tuple[str, int], tables: list[Any] | None = None) -> Block:
    """Untrusted record Markdown, with the file and line it came from."""
    return {"t": "md", "text": text, "where": list(where), "tables": tables or []}


def table(columns: list[str], rows: list[list[Inline]], caption: str | None = None) -> Block:
    """A table whose cells are inline content."""
    return {"t": "table", "columns": columns, "rows": rows, "caption": caption}


def box(kind: str, title: str, body: list[Block]) -> Block:
    """A highlighted box, e.g. the decision of an item."""
    return {"t": "box", "kind": kind, "title": title, "body": body}


def toctree(entries: list[str], caption: str | None = None, *, hidden: bool = False) -> Block:
    """A toctree of docnames."""
    return {"t": "toctree", "entries": entries, "caption": caption, "hidden": hidden}


def search_form() -> Block:
    """The search box of the front page."""
    return {"t": "search"}


def joined(parts: list[Any], sep: str = ", ") -> Inline:
    """Inline parts separated by ``sep``."""
    out: Inline = []
    for index, part in enumerate(parts):
        if index:
            out.append(sep)
        out.append(part)
    return out


def fingerprint(value: Any) -> str:
    """A stable hash of a page model."""
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()
