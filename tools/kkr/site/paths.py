"""Stable page names and anchors derived from record ids."""

from __future__ import annotations

import re

# Sub-directories under the generated pages directory, one per record kind.
DIRS = {
    "meeting": "moeder",
    "case": "sager",
    "matter": "forloeb",
    "person": "personer",
    "organization": "organisationer",
    "contract": "aftaler",
    "workplan": "arbejdsgrundlag",
    "topic": "emner",
}
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*")


def safe_id(value: str) -> bool:
    """Whether ``value`` can be used in a file name and URL as it is."""
    return bool(_SAFE.fullmatch(value)) and ".." not in value


def page(prefix: str, kind: str, record_id: str) -> str:
    """Return the docname of a record's page, e.g. arkiv/moeder/2023-11-21."""
    name = record_id.lower() if kind == "case" else record_id
    return f"{prefix}/{DIRS[kind]}/{name}"


def list_page(prefix: str, kind: str) -> str:
    """Return the docname of the list page of a kind."""
    return f"{prefix}/{DIRS[kind]}/index"


def item_anchor(number: str) -> str:
    """Return the anchor of an item inside its meeting page, e.g. punkt-2-4."""
    return "punkt-" + number.replace(".", "-")


def area_page(prefix: str, workplan: str, area: str) -> str:
    """Return the docname of a work plan area."""
    return f"{prefix}/{DIRS['workplan']}/{workplan}/{area}"


def progress_page(prefix: str, workplan: str) -> str:
    """Return the docname of a work plan's overview of every commitment and its progress."""
    return f"{prefix}/{DIRS['workplan']}/{workplan}/fremdrift"


def year_page(prefix: str, year: int) -> str:
    """Return the docname of the meetings of one year."""
    return f"{prefix}/{DIRS['meeting']}/{year}"
