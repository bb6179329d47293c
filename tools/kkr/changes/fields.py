"""Field names as a change summary shows them: the model's Danish title, or the name in English."""

from __future__ import annotations

from pydantic import BaseModel

from kkr.i18n import active_language


def field_label(model: type[BaseModel], field: str) -> str:
    """Return how to name ``field`` of ``model``, e.g. periode for period (the name in English)."""
    info = model.model_fields.get(field)
    if active_language() == "en" or info is None or not info.title:
        return field
    return info.title
