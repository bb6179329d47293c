"""A rebuild skips the exports and the Pagefind index while their inputs are unchanged.

Both are built from the whole site (seconds at archive scale), so a no-op rebuild keeps the
files the last build wrote; anything missing or changed in the output is written again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, copy_root

pytestmark = pytest.mark.sphinx

EXPORTS = ("oparl", "data", "kalender", "feeds")


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _stamps(out: Path, folders: tuple[str, ...]) -> dict[str, int]:
    return {
        str(p.relative_to(out)): p.stat().st_mtime_ns
        for folder in folders
        for p in sorted((out / folder).rglob("*"))
        if p.is_file()
    }


def test_noop_rebuild_keeps_the_search_index_and_the_exports(tmp_path: Path) -> None:
    site = copy_root("test-site", tmp_path / "site")
    first = build(site)
    files = _files(first.out)
    stamps = _stamps(first.out, ("pagefind", *EXPORTS))
    assert any(name.startswith("pagefind/") for name in stamps)
    assert any(name.startswith("oparl/") for name in stamps)
    again = build(site)
    assert again.read == []
    assert _stamps(again.out, ("pagefind", *EXPORTS)) == stamps
    assert _files(again.out) == files


def test_damaged_output_is_written_again(tmp_path: Path) -> None:
    site = copy_root("test-site", tmp_path / "site")
    first = build(site)
    files = _files(first.out)
    oparl = sorted((first.out / "oparl").rglob("*.json"))
    oparl[0].unlink()
    oparl[1].write_text("{}", encoding="utf-8")
    (first.out / "feeds" / "stray.xml").write_text("<feed/>", encoding="utf-8")
    (first.out / "pagefind" / "pagefind-entry.json").unlink()
    again = build(site)
    assert _files(again.out) == files


def test_a_changed_page_is_indexed_again(tmp_path: Path) -> None:
    site = copy_root("test-site", tmp_path / "site")
    first = build(site)
    before = _files(first.out / "pagefind")
    path = site / "docs" / "om.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEt helt nyt ord: tyttebær.\n")
    again = build(site)
    assert again.read == ["docs/om"]
    assert _files(again.out / "pagefind") != before


def test_parallel_rebuild_of_every_page_with_unchanged_records_equals_a_clean_build(
    tmp_path: Path,
) -> None:
    # The exports are not made at first (the records are the same), yet every meeting page is
    # written again by forked writers, which need them.
    site = copy_root("test-site", tmp_path / "site")
    build(site, parallel=2)
    page = site / "docs" / "om.md"
    page.write_text(page.read_text(encoding="utf-8").replace("# Om testen", "# Om sitet"))
    again = build(site, parallel=2)
    fresh = copy_root("test-site", tmp_path / "fresh")
    (fresh / "docs" / "om.md").write_text(page.read_text(encoding="utf-8"))
    clean = build(fresh, fresh=True, parallel=2)
    got, want = _files(again.out), _files(clean.out)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []
