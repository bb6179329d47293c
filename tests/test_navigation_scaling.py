"""Builds stay linear as the work plan gains areas and the archive gains years.

The sidebar's table of contents holds a bounded number of entries: areas and year pages are
listed on their index pages, not in every page's sidebar. Measured as ratios between two sizes
(never as times): bytes per page over every page, and the median CPU time to write each page
that exists at both sizes, must stay within 1.2×. With areas in the sidebar, more areas
(and a progress page with a heading per area) made every page larger and slower to write.
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import time
from collections.abc import Callable
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from kkr.bench import archive
from sphinx.environment.adapters import toctree
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.sphinx

SMALL, LARGE = 20, 80


def _areas(site: Path, count: int) -> None:
    plan = site / "records" / "workplans" / "2022-2026.yaml"
    lines = [plan.read_text(encoding="utf-8").rstrip("\n")]
    for n in range(count):
        lines += [
            f"  - id: omraade-{n}",
            f"    title: Område {n} om grøn omstilling",
            "    text: |",
            f"      Kommunerne samarbejder om område {n}.",
            "    commitments:",
            f"      - id: omraade-{n}-1",
            "        text: |",
            f"          Vi vil fremme område {n}.",
        ]
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _years(site: Path, count: int) -> None:
    # A planned meeting a year, naming no one: the pages both sizes share keep their content,
    # so what is measured is what the years themselves cost every page.
    for n in range(count):
        day = date(2040 + n, 3, 4).isoformat()
        (site / "records" / "meetings" / f"{day}.yaml").write_text(
            f"id: '{day}'\nbody: kkr-syddanmark\ndate: '{day}'\nstatus: planned\n"
            "sections:\n  - number: '1'\n    title: Sager\nitems: []\n",
            encoding="utf-8",
        )


class Pages:
    """Per page: CPU seconds to write it (the least of the runs), toc nodes copied, bytes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.copies: dict[str, int] = {}
        self.sizes: dict[str, int] = {}
        self.html: dict[str, str] = {}


def _build(site: Path, pages: Pages, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build ``site`` afresh in-process and record what each page cost."""
    shutil.rmtree(site / "_build", ignore_errors=True)
    stamps: list[tuple[str, float, int]] = []
    copies = [0]
    original = toctree._toctree_copy

    def counted(*args: Any, **kwargs: Any) -> Any:
        copies[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(toctree, "_toctree_copy", counted)
    app = SphinxTestApp(
        "html", srcdir=site, builddir=site / "_build", status=StringIO(), warning=StringIO()
    )
    app.connect(
        "html-page-context",
        lambda _app, page, *_: stamps.append((page, time.process_time(), copies[0])),
    )
    try:
        app.build()
    finally:
        app.cleanup()
        monkeypatch.setattr(toctree, "_toctree_copy", original)
    # What happens between one page's event and the next is that page's writing.
    for (page, now, copied), (_, later, copied_later) in itertools.pairwise(stamps):
        pages.seconds[page] = min(pages.seconds.get(page, later - now), later - now)
        pages.copies[page] = copied_later - copied
    out = Path(app.outdir)
    pages.sizes = {str(p.relative_to(out)): p.stat().st_size for p in out.rglob("*.html")}
    pages.html = {
        page: (out / f"{page}.html").read_text(encoding="utf-8")
        for page in pages.seconds
        if (out / f"{page}.html").is_file()
    }


def _sidebar(html: str) -> int:
    """The length of the page's navigation tree."""
    start = html.index('class="sidebar-tree"')
    return html.index("</div>", start) - start


@pytest.mark.parametrize("grow", [_areas, _years], ids=["work-plan-areas", "years"])
def test_time_and_bytes_per_page_stay_flat(
    tmp_path: Path, grow: Callable[[Path, int], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    sites, measured = {}, {}
    for count in (SMALL, LARGE):
        sites[count] = archive.generate(tmp_path / str(count), archive.Size(1, 1))
        grow(sites[count], count)
        measured[count] = Pages()
    # Two rounds, alternating, and each page's least time: the machine's load varies.
    for _round in range(2):
        for count in (SMALL, LARGE):
            _build(sites[count], measured[count], monkeypatch)
    small, large = measured[SMALL], measured[LARGE]
    assert len(large.sizes) - len(small.sizes) >= LARGE - SMALL
    per_page = [sum(p.sizes.values()) / len(p.sizes) for p in (small, large)]
    assert per_page[1] / per_page[0] <= 1.2, per_page
    both = sorted(small.html.keys() & large.html.keys())
    assert len(both) > 40
    # The sidebar: Sphinx copies every table of contents in it, for every page.
    copies = [statistics.mean(p.copies[page] for page in both) for p in (small, large)]
    assert copies[1] / copies[0] <= 1.2, copies
    medians = [statistics.median(p.seconds[page] for page in both) for p in (small, large)]
    assert medians[1] / medians[0] <= 1.2, medians
    # The sidebar of each page both sizes share is the same size (its entries are bounded).
    sidebars = [{page: _sidebar(p.html[page]) for page in both} for p in (small, large)]
    grown = {page: (sidebars[0][page], sidebars[1][page]) for page in both}
    assert {page: n for page, n in grown.items() if n[1] > 1.2 * n[0]} == {}
