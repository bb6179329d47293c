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


# Per model class: (field, reference kind or None, whether the field may hold models).
_Plan = list[tuple[str, Ref | None, bool]]
_PLANS: dict[type[BaseModel], _Plan] = {}


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return any(_holds_models(arg) for arg in get_args(annotation))


def _plan(cls: type[BaseModel]) -> _Plan:
    # Reflecting over the annotations is done once per class, not once per record.
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, info in cls.model_fields.items():
            ref = _ref_of(info.annotation, info.metadata)
            if ref is not None or _holds_models(info.annotation):
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
