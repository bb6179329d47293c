"""``kkr schema``: write a JSON Schema per record kind for editors' YAML language servers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kkr.commands.generated import write_or_check
from kkr.commands.options import add_generated
from kkr.editor.jsonschema import editor_schema
from kkr.i18n import _, set_language
from schema.registry import KINDS

SCHEMA_DIR = Path("schema/json")


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
    """Return the JSON Schema text of every kind, keyed by file name (always in Danish)."""
    # Staff read the schemas in the editor: neither --lang nor KKR_LANG may change them.
    set_language("da")
    files = {}
    for kind in KINDS.values():
        document = editor_schema(kind, kind.model.model_json_schema())
        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://kkr-syddanmark.invalid/schema/{kind.name}.json",
            **document,
        }
        files[f"{kind.name}.json"] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return files


def run(args: argparse.Namespace) -> int:
    """Write or check the schemas."""
    return write_or_check(args.output, render(), check=args.check, regenerate="kkr schema")
