"""An incremental build after an edit gives the same site as a clean build of the edited records.

Every file of the output is compared, whatever produced it (pages, search index, inventory,
static files), so that a new kind of output is covered without changing this test.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build, copy_root

pytestmark = pytest.mark.sphinx

NEW_MEETING = """id: '2019-03-05'
body: kkr-syddanmark
date: '2019-03-05'
status: held
present:
  - bo-hansen
items:
  - number: '1.1'
    title: Et nyt møde i et nyt år
"""


def _replace(record: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(site: Path) -> None:
        path = site / record
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def _add_meeting(site: Path) -> None:
    (site / "records" / "meetings" / "2019-03-05.yaml").write_text(NEW_MEETING, encoding="utf-8")


def _drop_meeting(site: Path) -> None:
    # The meeting built, then deleted: its page and the page of its year are gone.
    _add_meeting(site)
    build(site)
    (site / "records" / "meetings" / "2019-03-05.yaml").unlink()


EDITS = {
    "person-name": _replace(
        "records/people/bo-hansen.yaml", "name: Bo Hansen", "name: Bo Hansen-Nielsen"
    ),
    "item-title": _replace(
        "records/meetings/2023-11-21.yaml", "Fordeling af flygtninge 2024", "Flygtninge 2024"
    ),
    # The records are unchanged, so the exports are not built at first; the menu page's new
    # title is in every sidebar, and the meeting pages written again need them after all.
    "menu-page-title": _replace("docs/om.md", "# Om testen", "# Om dette site"),
    "new-year": _add_meeting,
    "meeting-deleted": _drop_meeting,
}


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_incremental_build_equals_clean_build(tmp_path: Path, edit: str) -> None:
    site = copy_root("test-site", tmp_path / "incremental")
    build(site)
    EDITS[edit](site)
    incremental = build(site)
    assert incremental.warnings == ""
    fresh = copy_root("test-site", tmp_path / "clean")
    EDITS[edit](fresh)
    shutil.rmtree(fresh / "_build", ignore_errors=True)  # an edit may have built it
    clean = build(fresh, fresh=True)
    got, want = _files(incremental.out), _files(clean.out)
    assert sorted(got) == sorted(want)
    differing = [name for name in want if got[name] != want[name]]
    assert differing == [], f"after {edit}, the incremental build differs in {differing}"
