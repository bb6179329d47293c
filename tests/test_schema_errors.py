"""Schema errors in plain words: numbers as text, empty values, and no traceback for any data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr import i18n
from kkr.checks.schema_errors import validate_record
from kkr.diagnostics import Code
from kkr.loading.loader import Document, load_text

from schema.registry import KINDS

MODELS = {kind.name: kind.model for kind in KINDS.values()}


def _check(kind: str, text: str) -> tuple[Any, Document]:
    doc = load_text(text)
    return validate_record(MODELS[kind], doc), doc


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("until: 2026", ("extensions", 0, "until"), "2026"),
        ("description: 2024", ("payments", 0, "description"), "2024"),
    ],
)
def test_a_whole_number_where_text_belongs_is_read_as_that_text(
    text: str, field: tuple[str | int, ...], value: str
) -> None:
    base = (
        "id: a\ntitle: A\nkind: partnership\nparties: [kl]\nperiod: {start: 2020}\n"
        "cadence: once\nstatus: active\n"
    )
    record, doc = _check(
        "contract",
        base
        + (
            f"extensions:\n  - {text}\n"
            if "until" in text
            else f"payments:\n  - amount: 5\n    {text}\n"
        ),
    )
    assert doc.diagnostics == []
    target: Any = record
    for part in field:
        target = target[part] if isinstance(part, int) else getattr(target, part)
    assert target == value
    assert record is not None and record.period.start == "2020"


def test_a_number_where_a_number_belongs_is_not_turned_into_text() -> None:
    term = "{id: a, name: b, period: {start: 2022}, member_count: 43}"
    text = f"id: kkr\nname: KKR\norganization: kkr\nterms:\n  - {term}\n"
    record, doc = _check("body", text)
    assert doc.diagnostics == [] and record is not None
    assert record.terms[0].member_count == 43  # type: ignore[attr-defined]


def test_a_boolean_where_text_belongs_is_an_error_with_a_valid_example() -> None:
    i18n.set_language("en")
    try:
        record, doc = _check("person", "id: bo\nname: true\nkind: staff\n")
    finally:
        i18n.set_language()
    assert record is None
    [diagnostic] = doc.diagnostics
    assert diagnostic.code is Code.WRONG_TYPE
    example = diagnostic.message.rsplit(": ", 2)
    assert example[-2:] == ["name", "'true'"]
    # The example is itself valid.
    assert _check("person", "id: bo\nname: 'true'\nkind: staff\n")[0] is not None


def test_an_empty_value_is_named_plainly() -> None:
    record, doc = _check("membership", "id: a\nperson: b\norganization: c\nrole:\n")
    assert record is None
    [diagnostic] = doc.diagnostics
    assert diagnostic.code is Code.EMPTY_VALUE
    assert "None" not in diagnostic.message
    assert "role: representative" in diagnostic.message


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(sorted(MODELS)),
    data=st.dictionaries(
        st.sampled_from(["id", "name", "title", "kind", "period", "items", "sections", "x"]),
        JSON,
        max_size=6,
    ),
)
def test_no_data_raises_and_every_problem_has_a_message(kind: str, data: dict[str, Any]) -> None:
    doc = load_text("{}")
    doc.data = json.loads(json.dumps(data))
    validate_record(MODELS[kind], doc)
    for diagnostic in doc.diagnostics:
        assert diagnostic.message.strip()
        assert "None is not" not in diagnostic.message
