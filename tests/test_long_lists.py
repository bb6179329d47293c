"""A person, organization or topic with thousands of items gets a page per year."""

from __future__ import annotations

import json
from pathlib import Path

from kkr.bench import archive
from kkr.checks.corpus import load_corpus
from kkr.site.dates import build_day
from kkr.site.paths import safe_id
from kkr.site.views.common import LONGEST_LIST
from kkr.site.views.site import all_views


def _refs(value: object) -> list[str]:
    text = json.dumps(value)
    return [part.split('"')[0] for part in text.split('"ref": "item", "id": "')[1:]]


def test_long_item_lists_become_year_pages(tmp_path: Path) -> None:
    items = LONGEST_LIST + 60
    site = archive.generate(tmp_path / "site", archive.Size(items, 30))
    corpus = load_corpus(site / "records", base=site)
    views = all_views(corpus, "arkiv", [], build_day())
    page = f"arkiv/personer/{archive.MAIN_PRESENTER}"
    years = sorted(key for key in views if key.startswith(page + "/fremlagt-"))
    assert len(years) > 1
    # The person's page links the year pages instead of listing every item.
    assert len(_refs(views[page])) < LONGEST_LIST
    presented = [ref for key in years for ref in _refs(views[key])]
    mine = {
        f"{e.record.id}/{i.number}"
        for e, i in corpus.items()
        if archive.MAIN_PRESENTER in i.presenters
    }
    assert sorted(presented) == sorted(set(presented))
    assert set(presented) == mine
    assert all(views[key]["orphan"] for key in years)


def test_every_year_page_has_a_page_name_the_site_writes(tmp_path: Path) -> None:
    site = archive.generate(tmp_path / "site", archive.Size(LONGEST_LIST + 60, 30))
    # The main presenter is also the person every item concerns: "Fremlagt" and "Vedrører".
    for path in (site / "records" / "meetings").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("people: [", f"people: [{archive.MAIN_PRESENTER}, "))
    corpus = load_corpus(site / "records", base=site)
    views = all_views(corpus, "arkiv", [], build_day())
    page = f"arkiv/personer/{archive.MAIN_PRESENTER}"
    years = sorted(key for key in views if key.startswith(page + "/"))
    assert {key.rsplit("/", 1)[1].rsplit("-", 1)[0] for key in years} == {"fremlagt", "vedroerer"}
    # Each title says in Danish what the page lists, whose, and which year ("Fremlagt 2030:
    # Bo Hansen" read as a heading of the person's page).
    person = corpus.get("person", archive.MAIN_PRESENTER)
    assert person is not None
    name = person.record.name
    phrases = {
        "fremlagt": f"Punkter fremlagt af {name}",
        "vedroerer": f"Punkter, der vedrører {name}",
    }
    for key in years:
        kind, year = key.rsplit("/", 1)[1].rsplit("-", 1)
        assert views[key]["title"] == f"{phrases[kind]} ({year})"
    # Pages with other names are never written (kkr.site.pages), so a link to one is broken.
    assert all(safe_id(part) for key in views for part in key.split("/")[1:])


def test_no_page_but_a_year_page_lists_more_than_the_longest_list(tmp_path: Path) -> None:
    # Items rotate over three organizations, one a municipality: each gets over 250 items.
    site = archive.generate(tmp_path / "site", archive.Size(3 * LONGEST_LIST + 30, 30))
    for path in (site / "records" / "meetings").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        # One case number for every item, so the case page has them all too.
        path.write_text(
            text.replace("    title: Punkt", "    case: SAG-2030-00001\n    title: Punkt")
        )
    corpus = load_corpus(site / "records", base=site)
    views = all_views(corpus, "arkiv", [], build_day())
    long = {key: len(_refs(v)) for key, v in views.items() if len(_refs(v)) > LONGEST_LIST}
    assert "arkiv/organisationer/middelfart-kommune/punkter-2030" in views
    assert "arkiv/sager/sag-2030-00001/punkter-2030" in views
    assert all(key.rsplit("-", 1)[-1].isdigit() for key in long), long


def _docs(value: object) -> list[str]:
    text = json.dumps(value)
    return [part.split('"')[0] for part in text.split('{"doc": "')[1:]]


def test_each_year_page_links_the_years_before_and_after_it(tmp_path: Path) -> None:
    site = archive.generate(tmp_path / "site", archive.Size(LONGEST_LIST + 60, 60))
    corpus = load_corpus(site / "records", base=site)
    views = all_views(corpus, "arkiv", [], build_day())
    page = f"arkiv/personer/{archive.MAIN_PRESENTER}"
    years = sorted(key for key in views if key.startswith(page + "/fremlagt-"))
    assert len(years) >= 3
    for index, key in enumerate(years):
        neighbours = years[max(0, index - 1) : index] + years[index + 1 : index + 2]
        assert _docs(views[key]) == neighbours
