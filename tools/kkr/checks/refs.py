"""Find the references inside records and the ids they may point at."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any, get_args

from pydantic import BaseModel

from kkr.i18n import N_, _
from kkr.loading.loader import PathKey
from schema.types import Ref

# What each reference kind is called in a message.
KIND_NAMES = {
    "body": N_("body"),
    "case": N_("case"),
    "commitment": N_("commitment"),
    "contract": N_("contract"),
    "initials": N_("initials"),
    "item": N_("item"),
    "matter": N_("matter"),
    "meeting": N_("meeting"),
    "membership": N_("membership"),
    "organization": N_("organization"),
    "person": N_("person"),
    "term": N_("term"),
    "topic": N_("topic"),
    "workplan": N_("work plan"),
}


def kind_name(kind: str) -> str:
    """The name of a reference kind in the active language, e.g. "møde" for meeting."""
    return _(KIND_NAMES.get(kind, kind))


def markers(annotation: Any, metadata: list[Any]) -> Iterator[Any]:
    """Yield every marker on a field: its metadata and, through Optional, list and
    Annotated, the types and metadata nested in its annotation."""
    yield from metadata
    for arg in get_args(annotation):
        yield arg
        yield from markers(arg, [])


# Per model class: (field, reference kind or None, whether the field may hold models).
_Plan = list[tuple[str, Ref | None, bool]]
_PLANS: dict[type[BaseModel], _Plan] = {}


def holds_models(annotation: Any) -> bool:
    """Whether a field of this type may hold models, directly or in a list."""
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return any(holds_models(arg) for arg in get_args(annotation))


def _plan(cls: type[BaseModel]) -> _Plan:
    # Reflecting over the annotations once per class, not once per record: doing it per
    # record was 17% of `kkr validate` on 9,000 items (637,000 calls).
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, info in cls.model_fields.items():
            found = (m for m in markers(info.annotation, info.metadata) if isinstance(m, Ref))
            ref = next(found, None)
            if ref is not None or holds_models(info.annotation):
                plan.append((name, ref, ref is None))
        _PLANS[cls] = plan
    return plan


def iter_refs(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Ref, str]]:
    """Yield (path, reference kind, value) for every reference in ``model``, depth first."""
    for name, ref, nested in _plan(type(model)):
        value = getattr(model, name)
        if ref is not None:
            if isinstance(value, str):
                yield (*path, name), ref, value
            elif isinstance(value, list):
                for index, element in enumerate(value):
                    yield (*path, name, index), ref, element
        elif nested:
            if isinstance(value, BaseModel):
                yield from iter_refs(value, (*path, name))
            elif isinstance(value, list):
                for index, element in enumerate(value):
                    if isinstance(element, BaseModel):
                        yield from iter_refs(element, (*path, name, index))


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    # A whole number stands for the text it was written as (the loader keeps only canonical ints).
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _each(data: Any, field: str) -> list[dict[str, Any]]:
    value = data.get(field) if isinstance(data, dict) else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def raw_ids(kind: str, data: Any) -> dict[str, set[str]]:
    """Return the ids an unvalidated record's data names, by reference kind (as build_index)."""
    found: dict[str, set[str]] = {}
    record_id = _text(data.get("id")) if isinstance(data, dict) else None
    if record_id is None:
        return found
    found[kind] = {record_id}
    nested: list[tuple[str, str | None]] = []
    if kind in ("meeting", "workplan"):
        nested.append(("case", _text(data.get("case"))))
    if kind == "meeting":
        for item in _each(data, "items"):
            number = _text(item.get("number"))
            nested += [
                ("item", number and f"{record_id}/{number}"),
                ("case", _text(item.get("case"))),
            ]
    elif kind == "workplan":
        nested += [
            ("commitment", f"{record_id}/{c}")
            for area in _each(data, "areas")
            for commitment in _each(area, "commitments")
            if (c := _text(commitment.get("id")))
        ]
    elif kind == "person":
        nested.append(("initials", _text(data.get("initials"))))
    elif kind == "body":
        nested += [("term", _text(term.get("id"))) for term in _each(data, "terms")]
    for ref_kind, value in nested:
        if value is not None:
            found.setdefault(ref_kind, set()).add(value)
    return found


# Nested ids and the kind of record that holds them, e.g. item 2023-11-21/2.4 in a meeting.
PARENTS = {"item": "meeting", "commitment": "workplan"}
BROKEN = "broken:"
"""Prefix of the index keys that hold the ids of records that failed to load or validate."""


def named(index: dict[str, set[str]], kind: str, value: str) -> bool:
    """Whether ``value`` names a ``kind``: a checked one, or one in a record that failed.

    A record that failed may hold any nested id, so a reference into it is never reported:
    the record's own error is the cause to fix.
    """
    if value in index.get(kind, ()) or value in index.get(BROKEN + kind, ()):
        return True
    parent = PARENTS.get(kind)
    return parent is not None and value.split("/", maxsplit=1)[0] in index.get(BROKEN + parent, ())


def closest(value: str, known: Iterable[str]) -> str | None:
    """The id in ``known`` that ``value`` is most likely a typing error for, if any."""
    known = list(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.75)
    if close:
        return close[0]
    # The id's first words alone, as staff name a municipality ("middelfart" for
    # middelfart-kommune), are too short for difflib: one id that they start is the one.
    longer = [name for name in known if name.startswith(value + "-")]
    return longer[0] if len(longer) == 1 else None


def unresolved(kind: str, value: str, known: set[str]) -> str:
    """The message for a reference to ``value`` that no ``kind`` record has, with a hint."""
    close = closest(value, known)
    if close:
        hint = _("did you mean {close!r}?").format(close=close)
    elif known:
        hint = _("use an existing id, e.g. {example}").format(example=min(known))
    else:
        hint = _("there is no {kind} yet to refer to; add it first").format(kind=kind_name(kind))
    return _("no {kind} has the id {id!r}; {hint}").format(
        kind=kind_name(kind), id=value, hint=hint
    )
