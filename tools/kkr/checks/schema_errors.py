"""Turn Pydantic validation errors into located, plain-language diagnostics."""

from __future__ import annotations

import difflib
import json
import re
from enum import Enum
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from kkr.diagnostics import Code
from kkr.loading.loader import YAML11_BOOLS, Document, PathKey, Position
from schema.base import Record
from schema.types import Matches

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date",
}


def validate_record(model: type[Record], doc: Document) -> Record | None:
    """Validate ``doc.data`` against ``model``; on failure add diagnostics to ``doc``."""
    try:
        # Strict JSON mode: the loader yields only JSON types, and JSON mode lets
        # enums and dates come from text while never turning text into numbers.
        return model.model_validate_json(json.dumps(doc.data), strict=True)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report(model, doc, error)
        return None


def _report(model: type[Record], doc: Document, error: ErrorDetails) -> None:
    path: PathKey = tuple(error["loc"])
    kind = error["type"]
    field = _field_info(model, path)
    name = str(path[-1]) if path else "record"
    example = _example(field, name)
    got = error.get("input")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, path[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        doc.error(
            doc.locate(path, key=True),
            Code.UNKNOWN_FIELD,
            f"unknown field {name!r}; {hint}allowed fields here: {', '.join(allowed)}",
        )
    elif kind == "missing":
        doc.error(
            doc.locate(path[:-1]),
            Code.MISSING_FIELD,
            f"the required field {name!r} is missing; example: {example}",
        )
    elif kind in ("date", "date_from_datetime_parsing", "date_parsing"):
        doc.error(doc.locate(path), Code.INVALID_DATE, error["msg"])
    elif kind == "unsafe-markdown":
        position = doc.locate(path)
        if path in doc.blocks:
            start = doc.blocks[path]
            position = Position(start.line + int(error.get("ctx", {}).get("line", 0)), start.column)
        doc.error(position, Code.UNSAFE_MARKDOWN, error["msg"])
    elif kind in _TYPE_WORDS:
        doc.error(doc.locate(path), Code.WRONG_TYPE, _type_message(kind, name, got, example))
    elif kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        doc.error(
            doc.locate(path),
            Code.INVALID_VALUE,
            f"{got!r} is not a valid {name}; expected {expected}; example: {example}",
        )
    elif kind == "pattern":
        doc.error(doc.locate(path), Code.INVALID_VALUE, f"{name}: {error['msg']}")
    else:
        doc.error(
            doc.locate(path),
            Code.INVALID_VALUE,
            f"{name}: {error['msg'][0].lower()}{error['msg'][1:]}; example: {example}",
        )


def _type_message(kind: str, name: str, got: Any, example: str) -> str:
    want = _TYPE_WORDS[kind]
    message = f"{name} must be {want}, but got {_shown(got)}"
    if kind == "bool_type" and isinstance(got, str) and got in YAML11_BOOLS:
        message += f" (YAML 1.1 would read {got!r} as a boolean; here only true and false are)"
    elif kind in ("int_type", "int_parsing") and isinstance(got, str):
        if re.fullmatch(r"0\d+", got):
            message += " (a leading zero keeps a number as text; write it without the zero)"
        elif re.fullmatch(r"\d+:\d+", got):
            message += " (a time like 10:00 is text, never a number)"
    elif kind == "string_type" and isinstance(got, bool | int):
        message += " (quote the value to keep it as text)"
    return f"{message}; example: {example}"


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "the boolean " + str(value).lower()
    if isinstance(value, int):
        return f"the number {value}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """Return the model class inside ``annotation`` (through Optional, list, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _unwrap(arg)
        if found is not None:
            return found
    return None


def _owner(model: type[BaseModel], path: PathKey) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current


def _allowed_fields(model: type[BaseModel], path: PathKey) -> list[str]:
    owner = _owner(model, path)
    return list(owner.model_fields) if owner is not None else []


def _field_info(model: type[BaseModel], path: PathKey) -> FieldInfo | None:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return None
    parent_path = path[: max(i for i, p in enumerate(path) if isinstance(p, str))]
    owner = _owner(model, parent_path)
    return owner.model_fields.get(names[-1]) if owner is not None else None


def _example(field: FieldInfo | None, name: str) -> str:
    if field is None:
        return f"{name}: ..."
    if field.description and "e.g. " in field.description:
        return f"{name}: {field.description.split('e.g. ', 1)[1].split(';')[0]}"
    for hint in _walk_annotation(field.annotation, field.metadata):
        if isinstance(hint, Matches):
            return f"{name}: {hint.example}"
        if isinstance(hint, type) and issubclass(hint, Enum):
            return f"{name}: {next(iter(hint)).value}"
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            first = next(iter(hint.model_fields))
            return f"{name}: {{{first}: ...}}"
    return f"{name}: ..."


def _walk_annotation(annotation: Any, metadata: list[Any]) -> list[Any]:
    found: list[Any] = list(metadata)
    stack = [annotation]
    while stack:
        current = stack.pop()
        if get_origin(current) is not None or get_args(current):
            stack.extend(get_args(current))
        found.append(current)
    return found
