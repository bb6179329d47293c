"""No document makes kkr import slower than linear: each worst case at two sizes, as a ratio.

The time per byte at the larger size is compared with the time per byte at the smaller one,
both measured in this run; a quadratic step would make the ratio about 4, a cubic one 16.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from kkr.importer.assemble import MAX_LINE, import_document
from kkr.importer.items import MAX_ITEMS
from kkr.importer.resolve import Resolver

HEAD = "DAGSORDEN 2024\n\nKKR SYDDANMARK\n\nDato: 10-09-2024 10:00\n\n"
TOC = "1. Sager\t3\n1.1. Sag\t3\n\n"
ITEM = "1. Sager\n\n1.1. Sag\n\nSAG-2024-00001 bel\n\nBaggrund\n\n"


def document(line: str, *, where: str = "part") -> str:
    """A small agenda with ``line`` in the contents or in an item's text."""
    if where == "toc":
        return HEAD + line + "\n" + TOC + ITEM + "Tekst.\n"
    return HEAD + TOC + ITEM + line + "\n"


def many_items(n: int) -> str:
    items = "".join(f"1.{k}. Sag {k}\n\nSAG-2024-00001 bel\n\nTekst {k}.\n\n" for k in range(1, n))
    return HEAD + "1. Sager\n\n" + items


# Each class: a document of about ``n`` bytes (or items) that once took quadratic or cubic time.
CASES: dict[str, tuple[Callable[[int], str], str, int]] = {
    "contents line of tabs": (lambda n: document("Indhold" + "\t" * n, where="toc"), ".txt", 4000),
    "contents line of tabs, md": (
        lambda n: document("Indhold" + "\t" * n, where="toc"),
        ".md",
        4000,
    ),
    "heading of spaces": (lambda n: document("# " + " " * n + "x"), ".md", 4000),
    "line of spaces": (lambda n: document(" " * n + "x"), ".md", 4000),
    "case line of spaces": (lambda n: document("SAG-2024-00001" + " " * n + "X"), ".md", 4000),
    "participant of spaces": (lambda n: document("Deltagere\n\na" + " " * n + "(A)"), ".md", 4000),
    "dot leader of spaces": (lambda n: document("Sag" + " " * n + ".", where="toc"), ".md", 4000),
    "emphasis runs": (lambda n: document("*a " * (n // 3)), ".md", 4000),
    "bold tags": (lambda n: document("<b>" * (n // 3)), ".md", 4000),
    "open tags": (lambda n: document("<p " * (n // 3)), ".md", 4000),
    "forum list": (lambda n: document("- a" + " ved b" * (n // 6)), ".txt", 4000),
    "one long paragraph": (lambda n: document("ord-\ndel " * (n // 9)), ".txt", 40000),
    "page-break joins": (lambda n: document("a\n\n" * (n // 3)), ".txt", 20000),
    "many items": (many_items, ".txt", MAX_ITEMS // 4),
    "next meeting": (
        lambda n: document("Næste møde i KKR x er den " * (n // 26)),
        ".txt",
        4000,
    ),
}


def seconds(text: str, suffix: str) -> float:
    start = time.perf_counter()
    import_document(Path("x" + suffix), text, Resolver(), "x" + suffix)
    return time.perf_counter() - start


def ratio(make: Callable[[int], str], suffix: str, size: int) -> float:
    """Time per byte at 4x ``size`` over time per byte at ``size``, best of seven each.

    The sizes alternate, so that a busy moment of the machine slows both alike.
    """
    small, large = make(size), make(size * 4)
    best_small = best_large = float("inf")
    for _ in range(7):
        best_small = min(best_small, seconds(small, suffix))
        best_large = min(best_large, seconds(large, suffix))
    return (best_large / len(large)) / (best_small / len(small))


@pytest.mark.parametrize("name", sorted(CASES))
def test_time_per_byte_does_not_grow(name: str) -> None:
    make, suffix, size = CASES[name]
    # Linear work gives about 1; quadratic about 4, cubic 16. A second and third measurement
    # only absorb a busy machine: a quadratic step fails all three.
    measured: list[float] = []
    while len(measured) < 3 and (not measured or measured[-1] >= 2.5):
        measured.append(ratio(make, suffix, size))
    assert measured[-1] < 2.5, f"{name}: {measured} times the time per byte at 4x the size"


def test_a_line_longer_than_any_real_one_is_a_located_error() -> None:
    text = document("x" * (MAX_LINE + 1))
    result = import_document(Path("x.txt"), text, Resolver(), "x.txt")
    (error,) = [d for d in result.report.diagnostics if d.severity == "error"]
    assert (error.code, error.line) == (
        "import-limit",
        text.split("\n").index("x" * (MAX_LINE + 1)) + 1,
    )
    assert str(MAX_LINE) in error.message and not result.records


def test_more_items_than_any_real_agenda_is_a_located_error() -> None:
    text = many_items(MAX_ITEMS + 2)
    result = import_document(Path("x.txt"), text, Resolver(), "x.txt")
    (error,) = [d for d in result.report.diagnostics if d.severity == "error"]
    line = text.split("\n").index(f"1.{MAX_ITEMS + 1}. Sag {MAX_ITEMS + 1}") + 1
    assert (error.code, error.line) == ("import-limit", line)
    assert str(MAX_ITEMS) in error.message and not result.records


def test_a_title_longer_than_a_record_field_is_a_located_error() -> None:
    title = "Sag " + "x" * 2000
    text = HEAD + TOC + ITEM.replace("1.1. Sag\n", f"1.1. {title}\n") + "Tekst.\n"
    result = import_document(Path("x.txt"), text, Resolver(), "x.txt")
    (error,) = [d for d in result.report.diagnostics if d.severity == "error"]
    assert (error.code, error.line) == ("import-limit", text.split("\n").index(f"1.1. {title}") + 1)
