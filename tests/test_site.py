"""Build the test site and check its pages, cross-references, inventory and search index."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import build
from kkr.checks.corpus import load_corpus
from kkr.site.dates import long_date
from kkr.site.search import HEADING
from sphinx.util.inventory import InventoryFile

from schema.meeting import Meeting

pytestmark = pytest.mark.sphinx


def test_builds_without_warnings_and_renders_meeting(site: Path) -> None:
    result = build(site, parallel=2)
    assert result.warnings == ""
    corpus = load_corpus(site / "records")
    for entry in corpus.entries("meeting"):
        meeting = entry.record
        assert isinstance(meeting, Meeting)
        page = (result.out / "arkiv" / "moeder" / f"{meeting.id}.html").read_text()
        assert long_date(meeting.date) in page
        for item in meeting.items:
            anchor = "punkt-" + item.number.replace(".", "-")
            assert f'id="{anchor}"' in page
            assert item.title in page
            for table in item.tables:
                for row in table.rows:
                    for cell in row:
                        assert f"<p>{cell}</p>" in page
            if item.beslutning:
                assert "kkr-beslutning" in page


def test_every_object_is_in_the_inventory(site: Path) -> None:
    result = build(site)
    with (result.out / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    corpus = load_corpus(site / "records")
    expected = {
        f"{m.record.id}/{i.number}" for m in corpus.entries("meeting") for i in m.record.items
    }  # type: ignore[attr-defined]
    assert expected <= set(inventory["kkr:item"])
    people = {e.record.id for e in corpus.entries("person")}
    assert people == set(inventory["kkr:person"])
    assert inventory["kkr:item"]["2021-06-09/3.6"].uri.endswith("2021-06-09.html#punkt-3-6")


def _fragments(out: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's record of each indexed page, by URL."""
    found: dict[str, dict[str, Any]] = {}
    for path in (out / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        found[record["url"]] = record
    return found


def test_search_index_holds_items_as_results_with_filters(site: Path) -> None:
    result = build(site)
    assert not (result.out / "searchindex.js").exists()
    fragments = _fragments(result.out)
    meeting = fragments["/arkiv/moeder/2021-06-09.html"]
    # Each item heading carries its anchor, so that a result lands on the item.
    anchors = {anchor["id"]: anchor["text"] for anchor in meeting["anchors"]}
    assert "Fordeling af flygtninge" in anchors["punkt-3-6" + HEADING]
    assert "¶" not in anchors["punkt-3-6" + HEADING]
    assert meeting["filters"]["år"] == ["2021"]
    assert meeting["filters"]["type"] == ["Møde"]
    assert meeting["filters"]["emne"]
    # Only the pages' own text is indexed: not the search page, the index or the menu.
    assert "/search.html" not in fragments and "/genindex.html" not in fragments
    assert "Brødkrummesti" not in json.dumps(meeting, ensure_ascii=False)


def test_unresolved_reference_fails_with_location(site: Path) -> None:
    path = site / "records" / "topics" / "erhverv.yaml"
    path.write_text(path.read_text() + "description: |\n  Se {kkr:person}`ingen-saadan`.\n")
    result = build(site)
    assert re.search(r"records/topics/erhverv\.yaml:\d+: WARNING: .*ingen-saadan", result.warnings)


def test_validation_error_is_located(site: Path) -> None:
    path = site / "records" / "people" / "bo-hansen.yaml"
    path.write_text(path.read_text().replace("party: V", "party: venstre"))
    result = build(site)
    line = path.read_text().splitlines().index("party: venstre") + 1
    assert re.search(rf"records/people/bo-hansen\.yaml:{line}: ERROR: error\[", result.warnings)


def test_docs_pages_can_use_roles(site: Path) -> None:
    result = build(site)
    page = (result.out / "docs" / "om.html").read_text()
    assert 'href="../arkiv/personer/johannes-lundsryd-jensen.html"' in page
    assert 'href="../arkiv/moeder/2021-06-09.html#punkt-3-6"' in page
