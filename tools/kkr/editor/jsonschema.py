"""Turn a model's JSON Schema into what an editor's YAML language server checks, in Danish.

Pydantic writes the shape; this adds what kkr validate decides from one file alone and JSON
Schema can say: closed field lists, no empty values, real calendar dates, reserved ids,
unknown {kkr:...} roles and unsafe Markdown, and unique reference lists. Every pattern is
ECMA-262 (the ``u`` flag), as editors compile them. The words are Danish: the schemas are
read by staff, like the reference pages.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from kkr.checks.records import RESERVED_AREA_IDS, RESERVED_IDS
from kkr.checks.roles import ROLES
from schema.meeting import DocumentKind
from schema.person import PersonKind
from schema.registry import Kind
from schema.types import DANISH, PARTIAL_DATE_PATTERN

# Whole numbers a text field may be written as: a year, a telephone number.
_DIGITS = ("2024", "53763683")

# Characters record text may never hold (kkr.loading.characters.FORBIDDEN without the lone
# surrogates, which no editor buffer holds).
_FORBIDDEN = (
    r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e"
    r"\u2066-\u2069\ufeff\ufffe\uffff"
)

# A calendar date that exists: month lengths, and 29 February in leap years only.
_DAY = (
    r"(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)"
)
DATE = f"^{_DAY}$"
PARTIAL_DATE = rf"^(?:\d{{4}}(?:-(?:0[1-9]|1[0-2]))?|{_DAY})$"

# What kkr's Markdown check rejects that a pattern can see: a tag, comment or autolink; a
# {kkr:...} role that names no kind of record, or any other role; a directive fence; a MyST
# comment line, target line or block break.
_ROLES = "|".join(sorted(ROLES))
_UNSAFE = (
    r"<(?!(?:https?|mailto|tel):)(?![a-z0-9./-]+>`)[A-Za-z/!?]",
    rf"\{{kkr:(?!(?:{_ROLES})\}})",
    r"\{(?!kkr:)[A-Za-z0-9_+:-]+\}`",
    r"(?:`{3,}|~{3,}|:{3,})[ \t]*\{",
    r"(?:^|\n)[ \t>*+.)0-9-]*%",
    r"(?:^|\n)[ \t]*\([^\n]*\)=[ \t]*(?:\n|$)",
    r"(?:^|\n)(?:[ \t>*.)0-9-]*\+){3}",
    r"\]\(\s*(?!(?:https?|mailto|tel):)[A-Za-z][A-Za-z0-9+.-]*:",
    # A link without an address, [SDEO kontrakt](#), as kkr.checks.deadlinks finds it.
    r"\]\([ \t]*(?:\\?#)?[ \t]*\)",
)
MARKDOWN = "".join(f"^(?![\\s\\S]*?(?:{rule}))" for rule in _UNSAFE) + f"[^{_FORBIDDEN}]*$"

_TYPE_WORDS = {
    "string": "tekst",
    "integer": "et helt tal",
    "array": "en liste, fx [a, b]",
    "object": "felter",
    "boolean": "true eller false",
}


def editor_schema(kind: Kind, document: dict[str, Any]) -> dict[str, Any]:
    """Return ``document`` (the model's JSON Schema) made into the editor's schema."""
    out: dict[str, Any] = _unmarked(_rewrite(document))
    out["properties"]["id"] = _reserve(out["properties"]["id"], RESERVED_IDS, "siden")
    _fields_in_text(out, set(out["properties"]))
    for definition in out.get("$defs", {}).values():
        _fields_in_text(definition, set(out["properties"]))
    if kind.name == "person":
        out["allOf"] = _person_rules()
    if kind.name == "meeting":
        out["allOf"] = [_decisions_in_minutes()]
    if kind.name == "workplan":
        area = out["$defs"]["Area"]["properties"]
        area["id"] = _reserve(area["id"], RESERVED_AREA_IDS, "siden om fremdrift")
    return out


def _fields_in_text(node: dict[str, Any], around: set[str]) -> None:
    # The indentation trap (kkr's field-in-text): a line in a text that looks like a field of
    # the object holding the text, or of the record, was meant as that field.
    properties = node.get("properties")
    if not isinstance(properties, dict):
        return
    names = "|".join(sorted(set(properties) | around))
    trap = rf"^(?![\s\S]*?(?:^|\n)[ \t]*(?:- +)?(?:{names}):(?:[ \t]|\n|$))"
    for schema in properties.values():
        if schema.get("pattern") == MARKDOWN:
            schema["pattern"] = trap + MARKDOWN.removeprefix("^")
            schema["patternErrorMessage"] = _MARKDOWN_MESSAGE


def _person_rules() -> list[dict[str, Any]]:
    # As kkr.checks.records._check_person: fields that apply to one kind of person only, and
    # the name that only staff known by their initials may leave out.
    rules: list[dict[str, Any]] = []
    for field, kind in (("party", "politician"), ("municipality", "politician")):
        rules.append(_only_for(field, kind))
    rules.append(_only_for("initials", "staff"))
    rules.append(
        {
            "if": {
                "properties": {"kind": _one_of(PersonKind.staff)},
                "required": ["kind", "initials"],
            },
            "else": {
                "required": ["name"],
                "errorMessage": "Feltet name mangler; kun medarbejdere, der kun kendes på deres "
                "initialer, må undlade det. Eksempel: name: Bo Hansen",
            },
        }
    )
    return rules


def _one_of(value: Enum) -> dict[str, Any]:
    """The value as stored, or any of its Danish names."""
    names = [
        name for name, english in DANISH.get(type(value), {}).items() if english == value.value
    ]
    return {"enum": [value.value, *names]}


def _decisions_in_minutes() -> dict[str, Any]:
    # As kkr.checks.meetings: every item in minutes has its decision, empty if printed so.
    item = {
        "required": ["beslutning"],
        "errorMessage": "Punktet har ingen beslutning, men posten er et referat; tilføj den, "
        "fx beslutning: KKR Syddanmark tog orienteringen til efterretning.",
    }
    return {
        "if": {
            "properties": {"document": _one_of(DocumentKind.minutes)},
            "required": ["document"],
        },
        "then": {"properties": {"items": {"items": item}}},
    }


def _only_for(field: str, kind: str) -> dict[str, Any]:
    message = f"{field} gælder kun personer af slagsen {kind}; fjern feltet, eller skriv "
    message += f"kind: {kind}."
    return {
        "if": {"properties": {"kind": _one_of(PersonKind(kind))}, "required": ["kind"]},
        "else": {"properties": {field: {"type": "null", "errorMessage": message}}},
    }


def _unmarked(node: Any) -> Any:
    if isinstance(node, list):
        return [_unmarked(child) for child in node]
    if not isinstance(node, dict):
        return node
    return {key: _unmarked(value) for key, value in node.items() if key != "x-kkr-ref"}


def _reserve(node: dict[str, Any], ids: frozenset[str], page: str) -> dict[str, Any]:
    names = "|".join(sorted(ids))
    pattern = node.get("pattern", "^.*$")
    node = dict(node)
    node["pattern"] = f"^(?!(?:{names})$){pattern.removeprefix('^')}"
    node["patternErrorMessage"] = (
        node.get("patternErrorMessage", "")
        + f" Id'erne {', '.join(sorted(ids))} er reserveret til {page}, som sitet selv laver."
    ).strip()
    return node


def _rewrite(node: Any) -> Any:
    if isinstance(node, list):
        return [_rewrite(child) for child in node]
    if not isinstance(node, dict):
        return node
    out = _without_null(
        {
            key: {name: _rewrite(child) for name, child in value.items()}
            if key in _SCHEMA_MAPS and isinstance(value, dict)
            else _rewrite(value)
            for key, value in node.items()
        }
    )
    items = out.get("items")
    if out.get("type") == "array" and isinstance(items, dict) and "x-kkr-ref" in items:
        # kkr warns when a list names the same record twice (duplicate-link).
        out["uniqueItems"] = True
    if "properties" in out:
        _close(out)
    if "enum" in out:
        values = ", ".join(str(v) for v in out["enum"])
        out["errorMessage"] = f"Vælg en af: {values}."
    if out.get("pattern") == PARTIAL_DATE_PATTERN:
        out["pattern"] = PARTIAL_DATE
        out["patternErrorMessage"] = (
            "Skriv et år, en måned eller en dato, der findes: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, "
            "fx 2020-07."
        )
    if out.get("format") == "date":
        del out["format"]
        out["pattern"] = DATE
        out["patternErrorMessage"] = "Skriv en dato, der findes, som ÅÅÅÅ-MM-DD, fx 2023-11-21."
    if out.get("description") == _MARKDOWN_DESCRIPTION:
        out["pattern"] = MARKDOWN
        out["description"] = "Markdown uden HTML, direktiver og andre links end web, mail og tlf."
        out["patternErrorMessage"] = _MARKDOWN_MESSAGE
    elif out.get("type") == "string" and "pattern" not in out and "enum" not in out:
        _plain_text(out)
    if out.get("type") == "array" and out.get("minItems") == 1:
        # The server words a "contains" failure with the schema's own (Danish) errorMessage,
        # a minItems failure only in English; for one item the two say the same.
        del out["minItems"]
        out["contains"] = {}
        out["errorMessage"] = "Her skal stå en liste med mindst ét element, fx [a, b]."
    _text_or_number(out)
    _type_message(out)
    return out


_MARKDOWN_MESSAGE = (
    "Teksten indeholder HTML, et direktiv, en ukendt rolle som {kkr:persn}, et usikkert link, "
    "et tegn, der ikke er tilladt, eller en linje, der ligner et felt (fx commitments:); skriv "
    "almindelig Markdown, fx **fed** eller {kkr:person}`bo-hansen`, og ryk en linje, der er "
    "et felt, ud af teksten."
)
# Keys whose value maps names to schemas, rather than being a schema itself.
_SCHEMA_MAPS = ("properties", "$defs", "patternProperties")
_MARKDOWN_DESCRIPTION = "Markdown without raw HTML, directives or non-web links"


def _plain_text(node: dict[str, Any]) -> None:
    # Length as part of the pattern, so that a too long or empty text gets the Danish
    # patternErrorMessage rather than the server's English length messages.
    low, high = node.pop("minLength", 0), node.pop("maxLength", "")
    node["pattern"] = f"^[^{_FORBIDDEN}]{{{low},{high}}}$"
    limit = f" og højst {high} tegn" if high else ""
    node["patternErrorMessage"] = (
        f"Teksten må ikke være tom{limit}, og den må ikke indeholde styretegn eller tegn, der "
        "vender skriftretningen."
        if low
        else "Teksten indeholder et styretegn eller et tegn, der vender skriftretningen; slet det."
    )


def _without_null(node: dict[str, Any]) -> dict[str, Any]:
    # kkr rejects an empty value (`title:`) wherever it stands: leaving the field out is
    # how a record says it does not know.
    options = node.get("anyOf")
    if not isinstance(options, list):
        return node
    kept = [o for o in options if o != {"type": "null"}]
    if len(kept) == len(options) or len(kept) != 1:
        return node
    merged = {key: value for key, value in node.items() if key not in ("anyOf", "default")}
    return {**kept[0], **merged}


def _close(node: dict[str, Any]) -> None:
    # propertyNames instead of additionalProperties: false, because the language server shows
    # a property-name schema's own message ("ukendt felt"), and only English for the other.
    names = list(node["properties"])
    node.pop("additionalProperties", None)
    node["propertyNames"] = {
        "enum": names,
        "errorMessage": "Ukendt felt; tilladte felter her: " + ", ".join(names) + ".",
    }
    required = node.get("required", [])
    if required:
        node["errorMessage"] = (
            "Her skal stå felterne " + ", ".join(required) + " (påkrævet); et af dem mangler."
        )
    else:
        node["errorMessage"] = "Her skal stå felter, fx " + names[0] + ": ..."


def _text_or_number(node: dict[str, Any]) -> None:
    """Let text fields hold a whole number, as kkr validate does (``until: 2026``)."""
    pattern = node.get("pattern")
    digits = pattern is None or any(re.search(pattern, d) for d in _DIGITS)
    if node.get("type") == "string" and digits and not {"enum", "format", "const"} & set(node):
        node["type"] = ["string", "integer"]


def _type_message(node: dict[str, Any]) -> None:
    kind = node.get("type")
    if "errorMessage" in node or kind is None:
        return
    first = kind[0] if isinstance(kind, list) else kind
    word = _TYPE_WORDS.get(first)
    if word is None:
        return
    example = node.get("examples", [None])[0]
    hint = f", fx {example}" if example is not None and first != "array" else ""
    node["errorMessage"] = f"Her skal stå {word}{hint}."
    if first == "string" and kind != "string":
        node["errorMessage"] += " Sæt værdien i anførselstegn, hvis den er tal eller true/false."
