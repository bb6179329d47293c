"""The fields of a new record of each kind, with sensible defaults staff then correct."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from kkr.checks.refs import closest
from kkr.checks.schema_errors import validate_record
from kkr.i18n import _
from kkr.importer.text import slug
from kkr.importer.writer import emit, schema_comment
from kkr.loading.corpus import Corpus
from kkr.loading.loader import load
from schema.registry import KINDS

# Printed by `kkr new` after the path: what staff still have to do.
NOTE = "# Skabelon fra kkr new: ret felterne efter kilden, og tilføj sources.\n"
# The sections nearly every KKR Syddanmark agenda has, in order.
STANDARD_SECTIONS = (
    "Godkendelse af referat",
    "Regionalpolitiske sager",
    "Siden sidst",
    "Punkter til næste møde",
    "Eventuelt",
)


class SkeletonError(Exception):
    """The record cannot be made as asked; the message says what to do."""


def render(kind: str, data: dict[str, Any]) -> str:
    """Return the record's text: the schema modeline, the note and the fields."""
    return emit(data, schema_comment(kind) + NOTE)


def check(kind: str, text: str) -> None:
    """Refuse a skeleton that would not validate, e.g. a name holding a control character."""
    model = next(k.model for k in KINDS.values() if k.name == kind)
    with tempfile.TemporaryDirectory(prefix="kkr-new-") as tmp:
        path = Path(tmp) / "record.yaml"
        path.write_text(text, encoding="utf-8")
        doc = load(path, "record.yaml")
    if doc.ok:
        validate_record(model, doc)
    errors = [d.message for d in doc.diagnostics if d.severity == "error"]
    if errors:
        raise SkeletonError(
            _("the new record would not be valid: {problem}").format(problem=errors[0])
        )


def body_id(corpus: Corpus) -> str:
    """The council's id: the only body record, else kkr-syddanmark."""
    bodies = sorted(corpus.by_kind.get("body", {}))
    return bodies[0] if len(bodies) == 1 else "kkr-syddanmark"


def meeting(date: str, corpus: Corpus) -> dict[str, Any]:
    """A planned meeting with the standard sections and no items yet."""
    sections = [{"number": str(n), "title": t} for n, t in enumerate(STANDARD_SECTIONS, 1)]
    return {
        "id": date,
        "body": body_id(corpus),
        "date": date,
        "status": "planned",
        "sections": sections,
        "items": [],
    }


def named(name: str, kind: str) -> dict[str, Any]:
    """A person or an organization, known by name."""
    return {"id": slug(name), "name": name, "kind": kind}


def membership(
    person_id: str, organization_id: str, role: str, replaces: str | None, corpus: Corpus
) -> dict[str, Any]:
    """A seat of an existing person in an existing body, optionally succeeding another."""
    _require(corpus, "person", person_id)
    _require(corpus, "organization", organization_id)
    data: dict[str, Any] = {
        "id": f"{organization_id}-{person_id}",
        "person": person_id,
        "organization": organization_id,
        "role": role,
    }
    if replaces:
        # The example names a seat in the same body, which is what a successor replaces.
        _require(corpus, "membership", replaces, near=f"{organization_id}-")
        data["replaces"] = replaces
    return data


def contract(name: str, kind: str, corpus: Corpus) -> dict[str, Any]:
    """An agreement the council is party to, running from an unknown start."""
    return {
        "id": slug(name),
        "title": name,
        "kind": kind,
        "parties": [body_id(corpus)],
        "period": {},
        "cadence": "once",
        "status": "active",
    }


def matter(name: str, item: str, corpus: Corpus) -> dict[str, Any]:
    """A matter followed from its first item."""
    meeting_id, _slash, number = item.partition("/")
    entry = corpus.get("meeting", meeting_id)
    items = getattr(entry.record, "items", []) if entry else []
    if not any(i.number == number for i in items):
        raise SkeletonError(
            _(
                "no item {item!r} in the records; name an existing item, e.g. --item 2023-11-21/2.4"
            ).format(item=item)
        )
    return {"id": slug(name), "title": name, "status": "open", "items": [item]}


def _require(corpus: Corpus, kind: str, record_id: str, near: str = "") -> None:
    if corpus.get(kind, record_id) is None:
        directory = next(k.directory for k in KINDS.values() if k.name == kind)
        # The same hint kkr validate gives for a reference with this typing error.
        known = corpus.by_kind.get(kind, {})
        close = closest(record_id, known)
        if close:
            hint = _("did you mean {close!r}?").format(close=close)
        elif kind == "membership":
            # The seat a new one succeeds exists already: creating it now would be invented.
            hint = (
                _("use an existing id, e.g. {example}").format(
                    example=min(
                        k
                        for k in known
                        if k.startswith(near) or not any(j.startswith(near) for j in known)
                    )
                )
                if known
                else _("leave out --replaces: no membership is recorded yet")
            )
        else:
            hint = _("create it first with kkr new {kind}").format(kind=kind)
        raise SkeletonError(
            _("no {kind} has the id {id!r} (records/{directory}/{id}.yaml); {hint}").format(
                kind=kind, id=record_id, directory=directory, hint=hint
            )
        )
