"""Search folds Danish letters and puts a page named by the query first, in Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import chromium, search, serve
from kkr.site.search import NOT_INDEXED
from kkr.site.search_fold import FOLD_CLOSE, FOLD_OPEN, add_folded_terms, fold, folded_words
from playwright.sync_api import Page


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Myrhøj", "Myrhoj"),
        ("Myrhøj", "myrhoej"),
        ("Søren", "Soren"),
        ("Søren", "SOEREN"),
        ("Ærø", "Aeroe"),
        ("Ærø", "aero"),
        ("Åbenrå", "Aabenraa"),
        ("Rahbæk", "Rahbaek"),
    ],
)
def test_fold_makes_the_written_and_the_typed_name_equal(written: str, typed: str) -> None:
    assert fold(written) == fold(typed)


def test_fold_keeps_other_words_apart() -> None:
    assert fold("Vejle") == "vejle"
    assert fold("Møde") != fold("Made")
    assert fold("Aabenraa") != fold("Abenra")


def test_folded_words_are_the_changed_ones_once_each() -> None:
    assert folded_words("Søren Steen Andersen og Søren Møller, Ærø") == ["soren", "moller", "aero"]
    assert folded_words("Vejle Kommune") == []


def test_folded_terms_sit_hidden_at_the_end_of_each_block() -> None:
    body = (
        '<h1>Lone Myrhøj<a class="headerlink" href="#x">¶</a></h1><p>Vejle &amp; Ærø</p><p>Ok</p>'
    )
    out = add_folded_terms(body)
    assert out == (
        '<h1>Lone Myrhøj<a class="headerlink" href="#x">¶</a>'
        f'<span class="kkr-fold" hidden> {FOLD_OPEN} myrhoj {FOLD_CLOSE}</span></h1>'
        f'<p>Vejle &amp; Ærø<span class="kkr-fold" hidden> {FOLD_OPEN} aero {FOLD_CLOSE}</span></p>'
        "<p>Ok</p>"
    )
    # In a table cell, after the cell's paragraph.
    cell = add_folded_terms("<table><tr><td><p>Ærø</p></td><td><p>3</p></td></tr></table>")
    assert cell.startswith("<table><tr><td><p>Ærø</p><span")
    assert "</span></td><td><p>3</p></td>" in cell
    # Markup-like text stays escaped, attributes are never read as words.
    assert add_folded_terms('<p title="Ø">&lt;b&gt;ø</p>').count("<b>") == 0
    assert 'title="Ø"' in add_folded_terms('<p title="Ø">x</p>')


def test_folding_is_linear_in_the_page_size() -> None:
    block = "<p>Søren Myrhøj og Ærø</p>"
    small = add_folded_terms(block * 100)
    large = add_folded_terms(block * 10000)
    assert len(large) == 100 * len(small)


@pytest.fixture(scope="module")
def served(repository_site: Path) -> Iterator[str]:
    """The repository's site, served on 127.0.0.1."""
    with serve(repository_site) as base:
        yield base


@pytest.fixture
def page() -> Iterator[Page]:
    """A Chromium tab that fails the test on console errors."""
    with chromium() as tab:
        yield tab


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "page_path", "title"),
    [
        ("Myrhoj", "arkiv/personer/lone-myrhoej.html", "Lone Myrhøj"),
        (
            "Soren Steen Andersen",
            "arkiv/personer/soeren-steen-andersen.html",
            "Søren Steen Andersen",
        ),
        (
            "Søren Steen Andersen",
            "arkiv/personer/soeren-steen-andersen.html",
            "Søren Steen Andersen",
        ),
        ("Vejle Kommune", "arkiv/organisationer/vejle-kommune.html", "Vejle Kommune"),
        ("Aeroe Kommune", "arkiv/organisationer/aeroe-kommune.html", "Ærø Kommune"),
    ],
)
def test_a_name_without_danish_letters_finds_its_page_first(
    page: Page, served: str, repository_site: Path, query: str, page_path: str, title: str
) -> None:
    assert (repository_site / page_path).is_file(), page_path
    results = search(page, served, query)
    assert results, query
    assert results[0]["url"] == served + page_path, [r["url"] for r in results[:5]]
    assert results[0]["title"] == title
    # The hidden folded words never show: not in titles, not in excerpts.
    shown = " ".join(r["title"] + r["excerpt"] for r in results)
    assert FOLD_OPEN not in shown and FOLD_CLOSE not in shown


@pytest.mark.browser
def test_excerpts_mark_the_written_word_for_a_folded_query(page: Page, served: str) -> None:
    search(page, served, "Myrhoj")
    marks = page.eval_on_selector_all(
        "#kkr-search-results mark", "els => els.map(e => e.textContent)"
    )
    assert marks and all(fold(m.strip()) == "myrhoj" for m in marks), marks
    assert "Myrhøj" in marks


@pytest.mark.browser
def test_builders_pages_are_not_indexed(repository_site: Path) -> None:
    for name in ("docs/ydeevne", "docs/byggeriet", "docs/redigering", "docs/reference/index"):
        assert name.startswith(NOT_INDEXED)
        path = repository_site / f"{name}.html"
        assert path.is_file(), name
        assert "<div data-pagefind-body>" not in path.read_text(encoding="utf-8"), name
    # Reader pages are indexed, with their folded words.
    person = (repository_site / "arkiv/personer/lone-myrhoej.html").read_text(encoding="utf-8")
    assert "<div data-pagefind-body>" in person
    assert re.search(rf'<span class="kkr-fold" hidden> {FOLD_OPEN} [^<]*myrhoj', person)
