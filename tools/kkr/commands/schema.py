"""``kkr schema``: write a JSON Schema per record kind for editors' YAML language servers."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from kkr.commands.generated import write_or_check
from kkr.commands.options import add_generated
from kkr.i18n import _
from schema.registry import KINDS

SCHEMA_DIR = Path("schema/json")
# Whole numbers a text field may be written as: a year, a telephone number.
_DIGITS = ("2024", "53763683")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` command."""
    parser = subparsers.add_parser(
        "schema",
        help=_("write JSON Schemas for every record kind to schema/json/"),
        description=_(
            "Write a JSON Schema for every record kind to schema/json/<kind>.json. "
            "Editors use them through a '# yaml-language-server: $schema=...' first line."
        ),
    )
    add_generated(parser, SCHEMA_DIR)
    parser.set_defaults(func=run)


def render() -> dict[str, str]:
    """Return the JSON Schema text of every kind, keyed by file name."""
    files = {}
    for kind in KINDS.values():
        document = _numbers_as_text(kind.model.model_json_schema())
        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://kkr-syddanmark.invalid/schema/{kind.name}.json",
            **document,
        }
        files[f"{kind.name}.json"] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return files


def _numbers_as_text(node: Any) -> Any:
    """Let text fields hold a whole number, as kkr validate does (``until: 2026``).

    Only where such a number can be valid: no enum or date format, and any pattern matches
    digits. JSON Schema applies pattern and length to strings only.
    """
    if isinstance(node, list):
        return [_numbers_as_text(child) for child in node]
    if not isinstance(node, dict):
        return node
    out = {key: _numbers_as_text(value) for key, value in node.items()}
    pattern = out.get("pattern")
    digits = pattern is None or any(re.search(pattern, d) for d in _DIGITS)
    if out.get("type") == "string" and digits and not {"enum", "format", "const"} & set(out):
        out["type"] = ["string", "integer"]
    return out


def run(args: argparse.Namespace) -> int:
    """Write or check the schemas."""
    return write_or_check(args.output, render(), check=args.check, regenerate="kkr schema")
