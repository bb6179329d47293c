"""Record Markdown is validated and rendered in time linear in its length, and exactly.

Each case is the worst of a class of crafted text (issue 10 §1); the time per byte at
four times the size must not grow like a quadratic algorithm's would (4×). Ratios of
two sizes measured in one run, never absolute times.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.checks.roles import roles
from kkr.site import mdrender

from schema import markdown
from schema.markdown import problems

# Each a class: stop characters, unmatched delimiters, entities, roles, tags, links, blocks.
CRAFTED = (
    "<",
    "*a ",
    "__a",
    "{a}`",
    "{kkr:person}`",
    "&#",
    "&a",
    '<a b="',
    "<!--x",
    "[a](",
    "[",
    "`",
    "a  \n",
    "- ",
    "> ",
    "|",
    "%\n",
    "{kkr:person}`a` ",
    "{kkr:person}`a`\n",
    "{a}``x`",
    "[{kkr:person}`a`](b) ",
)


def _render(text: str) -> object:
    return mdrender.render(text, "x.yaml", 1, [], lambda message, line: None)


def _per_byte(run: Callable[[str], object], unit: str, size: int) -> float:
    text = unit * (size // len(unit))
    best = float("inf")
    # The garbage collector's passes grow with the heap, not with this input: keep them out.
    gc.disable()
    try:
        for _ in range(3):
            calls, start = 0, time.perf_counter()
            while calls == 0 or time.perf_counter() - start < 0.03:
                run(text)
                calls += 1
            best = min(best, (time.perf_counter() - start) / calls)
    finally:
        gc.enable()
    return best / len(text)


@pytest.mark.parametrize("unit", CRAFTED)
@pytest.mark.parametrize("run", [problems, _render, roles], ids=["validate", "render", "roles"])
def test_time_per_byte_does_not_grow(unit: str, run: Callable[[str], object]) -> None:
    # A quadratic step makes the ratio 4 every time; load from other processes on a shared
    # machine can push one measurement past 2.5, but not three in a row.
    ratios = []
    for _ in range(3):
        small = _per_byte(run, unit, 25_000)
        large = _per_byte(run, unit, 100_000)
        ratios.append(large / small)
        if ratios[-1] < 2.5:
            return
    raise AssertionError(f"{unit!r}: time per byte grew {min(ratios):.1f}× at 4× size")


_PIECES = st.sampled_from(
    [
        "a",
        " ",
        "\n",
        "<",
        ">",
        "b",
        "[",
        "]",
        "(",
        ")",
        ":",
        "{",
        "}",
        "`",
        "~",
        "%",
        "+",
        "+ ",
        "=",
        ")=",
        "kkr:person",
        "javascript",
        "http",
        "&",
        "#",
        "115;",
        "\\",
        "!",
        "*",
        "-",
        "/",
        "raw",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_quick_test_is_exact(text: str) -> None:
    """Text the quick test lets through unparsed has no problem when parsed."""
    if not markdown._needs_parse(text):
        parsed = markdown._parse_problems(text)
        assert parsed == [], f"{text!r} skipped, but the parser finds {parsed}"


@pytest.mark.parametrize("text", ["(a)b(t)=", "+ + +", "- + + +", "> (x)="])
def test_myst_block_syntax_the_quick_test_once_missed_is_reported(text: str) -> None:
    assert problems(text) == markdown._parse_problems(text) != []
