"""Turn Pydantic validation errors into located, plain-language diagnostics."""

from __future__ import annotations

import copy
import difflib
import json
import re
from enum import Enum
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.loader import YAML11_BOOLS, Document, PathKey, Position
from schema.base import Record
from schema.registry import KINDS
from schema.types import DANISH, Matches, Ref

_REF_EXAMPLES = {kind.name: kind.example for kind in KINDS.values()}


def _type_words() -> dict[str, str]:
    return {
        "string_type": _("text"),
        "int_type": _("a whole number"),
        "int_parsing": _("a whole number"),
        "bool_type": _("true or false"),
        "list_type": _("a list"),
        "dict_type": _("a mapping of fields"),
        "model_type": _("a mapping of fields"),
        "model_attributes_type": _("a mapping of fields"),
        "date_type": _("a date"),
    }


def validate_record(model: type[Record], doc: Document) -> Record | None:
    """Validate ``doc.data`` against ``model``; on failure add diagnostics to ``doc``."""
    data = doc.data
    for _attempt in range(2):
        try:
            # Strict JSON mode: the loader yields only JSON types, and JSON mode lets
            # enums and dates come from text while never turning text into numbers.
            return model.model_validate_json(json.dumps(data), strict=True)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        data = _numbers_as_text(data, errors)
        if data is None:
            break
    for error in errors:
        _report(model, doc, error)
    return None


def _numbers_as_text(data: Any, errors: list[ErrorDetails]) -> Any:
    """Return ``data`` with each whole number where text belongs written as that text.

    The loader types only canonical decimals (no sign but -, no leading zero, no _), so
    ``until: 2026`` or ``number: 3`` reads the same as text; nothing is changed otherwise.
    Return None when no such number is found.
    """
    fixed = copy.deepcopy(data)
    changed = False
    for error in errors:
        got = error.get("input")
        if error["type"] != "string_type" or not isinstance(got, int) or isinstance(got, bool):
            continue
        *parents, last = error["loc"]
        holder = fixed
        for part in parents:
            holder = _child(holder, part)
        current = _child(holder, last)
        if type(current) is int and current == got:
            holder[last] = str(got)
            changed = True
    return fixed if changed else None


def _child(holder: Any, part: str | int) -> Any:
    if isinstance(holder, dict) and isinstance(part, str):
        return holder.get(part)
    if isinstance(holder, list) and isinstance(part, int) and 0 <= part < len(holder):
        return holder[part]
    return None


def _report(model: type[Record], doc: Document, error: ErrorDetails) -> None:
    path: PathKey = tuple(error["loc"])
    kind = error["type"]
    field = _field_info(model, path)
    names = [part for part in path if isinstance(part, str)]
    name = names[-1] if names else "record"
    example = _example(field, name)
    got = error.get("input")
    ctx = error.get("ctx", {})
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, path[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = _("did you mean {close!r}?").format(close=close[0]) + " " if close else ""
        doc.error(
            doc.locate(path, key=True),
            Code.UNKNOWN_FIELD,
            _("unknown field {name!r}; {hint}allowed fields here: {allowed}").format(
                name=name, hint=hint, allowed=", ".join(allowed)
            ),
        )
    elif kind == "missing":
        doc.error(
            doc.locate(path[:-1]),
            Code.MISSING_FIELD,
            _("the required field {name!r} is missing; example: {example}").format(
                name=name, example=example
            ),
        )
    elif got is None or (kind == "string_too_short" and got == ""):
        if isinstance(path[-1], int):
            message = _("an entry in the list {name} is empty; write its value, e.g. {example}")
        else:
            message = _("{name} is empty; write its value after the colon, e.g. {example}")
        doc.error(doc.locate(path), Code.EMPTY_VALUE, message.format(name=name, example=example))
    elif kind in ("date", "date_from_datetime_parsing", "date_parsing"):
        doc.error(doc.locate(path), Code.INVALID_DATE, _with_example(error, name))
    elif kind == "unsafe-markdown":
        _report_markdown(doc, path, error)
    elif kind in _type_words():
        doc.error(doc.locate(path), Code.WRONG_TYPE, _type_message(kind, name, got, example))
    elif kind == "enum":
        doc.error(
            doc.locate(path),
            Code.INVALID_VALUE,
            _(
                "{got!r} is not a valid {name}; expected one of {expected}; example: {example}"
            ).format(got=got, name=name, expected=_choices(field), example=example),
        )
    elif kind == "one-line":
        doc.error(
            doc.locate(path),
            Code.INVALID_VALUE,
            _("{name} {problem}; write it on one line, e.g. {example}").format(
                name=name, problem=error["msg"], example=example
            ),
        )
    elif kind == "pattern":
        doc.error(doc.locate(path), Code.INVALID_VALUE, _with_example(error, name))
    else:
        doc.error(doc.locate(path), Code.INVALID_VALUE, _constraint(kind, name, got, ctx, example))


def _report_markdown(doc: Document, path: PathKey, error: ErrorDetails) -> None:
    """Unsafe Markdown: in a literal block each problem at its own line, else at the value."""
    start = doc.blocks.get(path)
    if start is None:
        doc.error(doc.locate(path), Code.UNSAFE_MARKDOWN, error["msg"])
        return
    for line, message in error.get("ctx", {}).get("lines", {}).items():
        doc.error(Position(start.line + line, start.column), Code.UNSAFE_MARKDOWN, message)


def _with_example(error: ErrorDetails, name: str) -> str:
    """The models' own message (already translated), with its example under the field's name."""
    example = error.get("ctx", {}).get("example")
    if example is None:
        return error["msg"]
    return _("{message}; example: {name}: {example}").format(
        message=error["msg"], name=name, example=example
    )


def _choices(field: FieldInfo | None) -> str:
    """The values an enum field allows, e.g. 'planned', 'active'."""
    hints = _walk_annotation(field.annotation, field.metadata) if field else []
    for hint in hints:
        if isinstance(hint, type) and issubclass(hint, Enum):
            values = [member.value for member in hint] + list(DANISH.get(hint, {}))
            return ", ".join(repr(value) for value in values)
    return "?"


def _constraint(kind: str, name: str, got: Any, ctx: dict[str, Any], example: str) -> str:
    """Explain a value outside a field's bounds (length, size, form)."""
    if kind == "too_short":
        return _("{name} needs at least {min} entries; example: {example}").format(
            name=name, min=ctx.get("min_length"), example=example
        )
    if kind == "string_too_long":
        return _("{name} is longer than {max} characters; shorten it").format(
            name=name, max=ctx.get("max_length")
        )
    if kind in ("greater_than_equal", "greater_than"):
        return _("{name} must be at least {limit}, but is {got}; example: {example}").format(
            name=name, limit=ctx.get("ge", ctx.get("gt")), got=got, example=example
        )
    if kind in ("less_than_equal", "less_than"):
        return _("{name} must be at most {limit}, but is {got}; example: {example}").format(
            name=name, limit=ctx.get("le", ctx.get("lt")), got=got, example=example
        )
    if kind == "string_pattern_mismatch":
        return _("{got!r} is not a valid {name}; example: {example}").format(
            got=got, name=name, example=example
        )
    return _("{name}: the value {got!r} is not allowed here; example: {example}").format(
        name=name, got=got, example=example
    )


def _type_message(kind: str, name: str, got: Any, example: str) -> str:
    want = _type_words()[kind]
    message = _("{name} must be {want}, but got {got}").format(
        name=name, want=want, got=_shown(got)
    )
    if kind == "bool_type" and isinstance(got, str) and got in YAML11_BOOLS:
        message += _(
            " (YAML 1.1 would read {got!r} as a boolean; here only true and false are)"
        ).format(got=got)
    elif kind in ("int_type", "int_parsing") and isinstance(got, str):
        if re.fullmatch(r"0\d+", got):
            message += _(" (a leading zero keeps a number as text; write it without the zero)")
        elif re.fullmatch(r"\d+:\d+", got):
            message += _(" (a time like 10:00 is text, never a number)")
    elif kind == "string_type" and isinstance(got, bool):
        # The example is itself valid: the value in quotes.
        value = str(got).lower()
        return _("{message}; to keep it as text, put it in quotes: {name}: '{value}'").format(
            message=message, name=name, value=value
        )
    return _("{message}; example: {example}").format(message=message, example=example)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, int):
        return _("the number {value}").format(value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
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
    # The (Danish) descriptions end in an example: "Hvor langt mødet er, fx held".
    if field.description and "fx " in field.description:
        return f"{name}: {field.description.split('fx ', 1)[1].split(';')[0]}"
    hints = _walk_annotation(field.annotation, field.metadata)
    for hint in hints:
        if isinstance(hint, Matches):
            return f"{name}: {hint.example}"
        if isinstance(hint, type) and issubclass(hint, Enum):
            return f"{name}: {next(iter(hint)).value}"
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            first = next(iter(hint.model_fields))
            return f"{name}: {{{first}: ...}}"
    if any(getattr(hint, "pattern", None) for hint in hints):
        return f"{name}: ..."
    # No example given: an id of the kind a reference names, or a line of (Danish) text.
    ref = next((hint for hint in hints if isinstance(hint, Ref)), None)
    value = _REF_EXAMPLES.get(ref.kind, "bo-hansen") if ref else "Tekst som i kilden"
    return f"{name}: [{value}]" if any(get_origin(h) is list for h in hints) else f"{name}: {value}"


def _walk_annotation(annotation: Any, metadata: list[Any]) -> list[Any]:
    found: list[Any] = list(metadata)
    stack = [annotation]
    while stack:
        current = stack.pop()
        if get_origin(current) is not None or get_args(current):
            stack.extend(get_args(current))
        found.append(current)
    return found
