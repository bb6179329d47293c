"""Benchmark the site build on synthetic archives; prints ratios measured in one run.

Usage: python -m kkr.bench [ITEMS_SMALL ITEMS_LARGE]. Generates meetings of 20 items
into a temporary copy of tests/roots/test-site and times full and incremental builds.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

from sphinx.application import Sphinx

from kkr.checks.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[2] / "tests" / "roots" / "test-site"
PER_MEETING = 20


def _meeting(day: date) -> str:
    lines = [
        f"id: {day.isoformat()}",
        "body: kkr-syddanmark",
        f"date: {day.isoformat()}",
        "status: held",
        "present:",
        "  - johannes-lundsryd-jensen",
        "sections:",
        "  - number: '1'",
        "    title: Sager",
        "items:",
    ]
    for number in range(1, PER_MEETING + 1):
        lines += [
            f"  - number: '1.{number}'",
            f"    title: Syntetisk punkt {number} om flygtninge og sundhed",
            f"    case: SAG-{day.year}-{number:05d}",
            "    presenters:",
            "      - johannes-lundsryd-jensen",
            "    sagsfremstilling: |",
            "      Et afsnit med **fed** tekst og et link til [KL](https://www.kl.dk/).",
            "      Formand {kkr:person}`johannes-lundsryd-jensen` fremlægger.",
        ]
    return "\n".join(lines) + "\n"


def _site(target: Path, items: int) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns("_build", "arkiv", "meetings"))
    meetings = target / "records" / "meetings"
    meetings.mkdir()
    day = date(2030, 1, 1)
    for _ in range(max(1, items // PER_MEETING)):
        (meetings / f"{day.isoformat()}.yaml").write_text(_meeting(day))
        day += timedelta(days=7)
    # The test corpus links to these meetings; keep them so references resolve.
    for name in ("2021-06-09.yaml", "2023-11-21.yaml"):
        shutil.copy(ROOT / "records" / "meetings" / name, meetings / name)
    return target


def _build(src: Path) -> tuple[float, int]:
    read: list[str] = []
    warnings = StringIO()
    start = time.perf_counter()
    app = Sphinx(
        src,
        src,
        src / "_build/html",
        src / "_build/doctrees",
        "html",
        status=None,
        warning=warnings,
        parallel=2,
    )
    app.connect("env-before-read-docs", lambda _a, _e, docs: read.extend(docs))
    app.build()
    elapsed = time.perf_counter() - start
    # Several Sphinx apps in one process re-register Sphinx's own directives; only
    # other warnings say something about the site.
    real = [w for w in warnings.getvalue().splitlines() if "is already registered" not in w]
    if real:
        print("\n".join(real), file=sys.stderr)
    return elapsed, len(read)


def run(items: int, work: Path) -> dict[str, float]:
    """Full build, no-op rebuild and one-record edit on a site of ``items`` items."""
    src = _site(work / f"site-{items}", items)
    start = time.perf_counter()
    load_corpus(src / "records")
    validate = time.perf_counter() - start
    full, pages = _build(src)
    noop, _ = _build(src)
    person = src / "records" / "people" / "bo-hansen.yaml"
    person.write_text(person.read_text().replace("Bo Hansen", "Bo Hansen-Nielsen"))
    edit, reread = _build(src)
    return {
        "items": items,
        "pages": pages,
        "full": full,
        "noop": noop,
        "edit": edit,
        "reread": reread,
        "validate": validate,
    }


def main() -> None:
    """Print the measurements and the ratios between them."""
    small, large = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (400, 1600)
    with tempfile.TemporaryDirectory() as tmp:
        results = [run(small, Path(tmp)), run(large, Path(tmp))]
    for r in results:
        print(
            f"{r['items']:>6} items, {r['pages']:.0f} pages: full {r['full']:.1f} s, "
            f"no-op {r['noop']:.1f} s, one edit {r['edit']:.1f} s "
            f"({r['reread']:.0f} pages re-read); "
            f"edit/full = {r['edit'] / r['full']:.2f}; "
            f"full per item = {1000 * r['full'] / r['items']:.1f} ms; "
            f"validate/full = {r['validate'] / r['full']:.2f}"
        )
    a, b = results
    scale = (b["full"] / b["items"]) / (a["full"] / a["items"])
    print(f"per-item full-build time, large/small = {scale:.2f} (1.0 means linear)")
    check = (b["validate"] / b["items"]) / (a["validate"] / a["items"])
    print(f"per-item validation time, large/small = {check:.2f} (1.0 means linear)")


if __name__ == "__main__":
    main()
