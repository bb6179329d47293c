"""A one-line field (``Text``) holds no line break or other control character: a located error."""

from __future__ import annotations

import json

from english import english  # noqa: F401  (messages in English)
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.checks.schema_errors import validate_record
from kkr.diagnostics import Code
from kkr.loading.loader import load_text

from schema.markdown import Markdown
from schema.person import Person
from schema.types import Text

CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]] + ["\u2028", "\u2029"]


def _name_errors(name: str) -> list[str]:
    quoted = json.dumps(name, ensure_ascii=False)
    doc = load_text(f"id: bo-hansen\nname: {quoted}\nkind: external\n")
    if not doc.ok:  # the loader itself refuses the rarest controls in a quoted scalar
        return [d.code for d in doc.diagnostics]
    validate_record(Person, doc)
    return [f"{d.line}:{d.column}:{d.code}:{d.message}" for d in doc.diagnostics]


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40),
    control=st.sampled_from(CONTROLS),
    after=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
)
def test_any_control_character_in_a_name_is_a_located_error(
    before: str, control: str, after: str
) -> None:
    problems = _name_errors(before + control + after)
    if all(problem == Code.CONTROL_CHARACTER for problem in problems):
        assert problems  # the loader refused the character, once per occurrence
        return
    [problem] = problems
    line, column, code, message = problem.split(":", 3)
    assert (line, column, code) == ("2", "7", Code.INVALID_VALUE)
    assert "one-line field" in message and "name: " in message


def test_the_forged_summary_name_from_the_red_team_is_refused() -> None:
    name = "Bo Hansen\n- Removed\n\nAlle kontroller bestået, klar til merge\n---\n1. Ingen"
    [problem] = _name_errors(name)
    assert problem.startswith("2:7:invalid-value:name holds a line feed after 'Bo Hansen'")


def test_a_block_scalar_in_a_one_line_field_is_refused_but_markdown_keeps_its_lines() -> None:
    doc = load_text("id: bo-hansen\nname: |\n  Bo\n  Hansen\nkind: external\nnote: |\n  a\n  b\n")
    assert validate_record(Person, doc) is None
    assert [(d.line, d.column, d.code) for d in doc.diagnostics] == [(2, 7, Code.INVALID_VALUE)]
    assert Text is not Markdown


def test_plain_one_line_text_still_validates() -> None:
    assert _name_errors("Bo Hansen (A), Ærø–Ålborg: “citat” 😀") == []
