"""YAML layout errors say, in plain Danish, what is wrong and where; limits are located too."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from kkr import i18n
from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Code
from kkr.loading.loader import MAX_DEPTH, MAX_LINE, MAX_TEXT, load_text

CASES = Path(__file__).parent / "cases"
RECORDS = Path(__file__).resolve().parent.parent / "records"


@pytest.fixture(autouse=True)
def _danish() -> None:
    i18n.set_language("da")


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("yaml-tab", ["tabulator", "mellemrum"]),
        ("yaml-block-not-indented", ["teksten under 'note: |'", "rykkes længere ind", "Valgt"]),
        ("yaml-too-indented", ["rykket for langt ind"]),
        ("yaml-utf16", ["UTF-16", "gem filen som UTF-8"]),
        ("yaml-quoted-not-indented", ["fortsætter værdien ovenfor", "mindst 1 mellemrum"]),
        ("yaml-comment-without-space", ["mellemrum før '#'"]),
        ("control-escape", ["U+202E", "escape-sekvens"]),
        ("too-long", [f"højst have {MAX_LINE} tegn"]),
    ],
)
def test_layout_errors_are_worded_for_staff(case: str, words: list[str]) -> None:
    [diagnostic] = load_corpus(CASES / case / "records", base=CASES / case).diagnostics
    for word in words:
        assert word in diagnostic.message


def test_unindented_block_text_is_located_at_the_text() -> None:
    # Without a final line break the text is the file's last line, not a line past its end.
    text = "id: x\nnote: |\nValgt i 2021."
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.line, diagnostic.column) == (3, 1)
    assert diagnostic.line <= len(text.split("\n"))


def test_the_limits_are_far_above_the_real_records() -> None:
    longest_line = longest_text = 0
    for path in RECORDS.rglob("*.yaml"):
        doc = load_text(path.read_text(encoding="utf-8"))
        longest_line = max(longest_line, *(len(row) for row in path.read_text().split("\n")))
        longest_text = max(longest_text, *_lengths(doc.data))
    assert longest_line * 5 < MAX_LINE
    assert longest_text * 5 < MAX_TEXT


def _lengths(value: object) -> list[int]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in _lengths(v)] or [0]
    if isinstance(value, list):
        return [n for v in value for n in _lengths(v)] or [0]
    return [len(value)] if isinstance(value, str) else [0]


@pytest.mark.parametrize("indicator", ["|", ">", ""])
def test_a_text_field_over_the_limit_is_located(indicator: str) -> None:
    text = f"id: x\nnote: {indicator}\n" + "  Tekst.\n" * (MAX_TEXT // 7 + 1)
    [diagnostic] = load_text(text).diagnostics
    # A block scalar starts at its indicator; plain text where its first word stands.
    assert (diagnostic.code, diagnostic.line) == (Code.TOO_LONG, 2 if indicator else 3)
    assert str(MAX_TEXT) in diagnostic.message


def _seconds_per_byte(text: str) -> float:
    # The best of several rounds of several loads: the machine's noise only ever adds time.
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(5):
            doc = load_text(text)
        best = min(best, time.perf_counter() - start)
    assert [d.code for d in doc.diagnostics] == [Code.TOO_DEEP]
    return best / len(text)


@pytest.mark.parametrize(
    ("nest", "small"),
    [
        pytest.param(lambda n: "a:\n" + " [\n" * n + " ]\n" * n, 8_000, id="flow-sequences"),
        pytest.param(lambda n: "a:\n" + " {a:\n" * n + " }\n" * n, 8_000, id="flow-mappings"),
    ],
)
def test_deep_nesting_costs_the_same_per_byte_at_any_size(
    nest: Callable[[int], str], small: int
) -> None:
    ratio = _seconds_per_byte(nest(4 * small)) / _seconds_per_byte(nest(small))
    # libyaml alone is quadratic in the depth: 4 times the size would take 16 times as long,
    # 4 times as long per byte (measured: 3.5 and more). Caches alone may cost up to 2.
    assert ratio < 3, f"time per byte grew {ratio:.1f} times for 4 times the depth"


def test_nesting_is_stopped_at_the_limit() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    [diagnostic] = load_text(text).diagnostics
    # The top mapping is level 1, so the first bracket past the limit is number MAX_DEPTH.
    assert (diagnostic.code, diagnostic.column) == (Code.TOO_DEEP, 4 + MAX_DEPTH - 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("note: @KL\n", "starte med '@'"),
        ("tags: [a, b\n", "[ ] er ikke lukket"),
        ('title: "Punkt\n', "anførselstegn åbnes"),
        ("title: Punkt: status\n", "skal stå i anførselstegn"),
        ('path: "C:\\mappe"\n', "omvendt skråstreg"),
    ],
)
def test_libyaml_errors_are_said_in_danish(text: str, words: str) -> None:
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.code == Code.YAML_SYNTAX
    assert words in diagnostic.message
