"""A person, organization or topic with thousands of items gets a page per year."""

from __future__ import annotations

import json
from pathlib import Path

from kkr.bench import archive
from kkr.checks.corpus import load_corpus
from kkr.site.dates import build_day
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
