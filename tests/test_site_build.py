"""Incremental and reproducible builds of the test site."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build
from kkr.checks.corpus import load_corpus
from kkr.site.blocks import fingerprint
from kkr.site.dates import build_day
from kkr.site.views.site import all_views

pytestmark = pytest.mark.sphinx


def _prints(root: Path) -> dict[str, str]:
    views = all_views(load_corpus(root / "records"), "arkiv", ["docs/om"], build_day())
    return {key: fingerprint(view) for key, view in views.items()}


def test_unchanged_rebuild_reads_nothing(site: Path) -> None:
    first = build(site)
    assert first.read
    again = build(site)
    assert again.read == []
    assert again.warnings == ""


@pytest.mark.parametrize(
    ("record", "old", "new"),
    [
        ("people/suha.yaml", "suha@kl.dk", "susanne@kl.dk"),
        ("people/bo-hansen.yaml", "name: Bo Hansen", "name: Bo Hansen-Nielsen"),
        ("meetings/2023-11-21.yaml", "Fordeling af flygtninge 2024", "Flygtninge 2024"),
    ],
)
def test_one_edit_rereads_only_dependent_pages(site: Path, record: str, old: str, new: str) -> None:
    first = build(site)
    before = _prints(site)
    path = site / "records" / record
    path.write_text(path.read_text().replace(old, new))
    after = _prints(site)
    changed = {key for key in after if before.get(key) != after[key]}
    expected = {"index" if key == "forside" else key for key in changed}
    second = build(site)
    assert second.warnings == ""
    assert set(second.read) == expected
    assert set(second.written) >= expected
    # Only pages that changed are rewritten, not the site.
    assert len(second.written) < len(first.written) / 2
    assert 0 < len(second.read) < len(first.read) / 2


def test_unchanged_rebuild_loads_no_record(site: Path) -> None:
    build(site)
    again = build(site)
    # The snapshot of the last build stands in for the records: no page model was built.
    assert again.app.env.domains["kkr"].site_views is None
    path = site / "records" / "people" / "bo-hansen.yaml"
    path.write_text(path.read_text().replace("Bo Hansen", "Bo Hansen-Nielsen"))
    assert build(site).app.env.domains["kkr"].site_views is not None
