"""Find the references inside records and the ids they may point at."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

from pydantic import BaseModel

from kkr.loading.loader import PathKey
from schema.types import Ref


def _ref_of(annotation: Any, metadata: list[Any]) -> Ref | None:
    for meta in metadata:
        if isinstance(meta, Ref):
            return meta
    for arg in get_args(annotation):
        if isinstance(arg, Ref):
            return arg
        found = _ref_of(arg, [])
        if found is not None:
            return found
    return None


def iter_refs(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Ref, str]]:
    """Yield (path, reference kind, value) for every reference in ``model``, depth first."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        ref = _ref_of(info.annotation, info.metadata)
        if ref is not None:
            if isinstance(value, str):
                yield (*path, name), ref, value
            elif isinstance(value, list):
                for index, element in enumerate(value):
                    yield (*path, name, index), ref, element
            continue
        if isinstance(value, BaseModel):
            yield from iter_refs(value, (*path, name))
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from iter_refs(element, (*path, name, index))
