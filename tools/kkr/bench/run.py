"""Measure the site against its floors and its peer in one interleaved run.

Usage: python -m kkr.bench [--large ITEMS:MEETINGS] [--medium ITEMS:MEETINGS]
[--needs-python PATH] [--output PAGE]. Each pair (ours, floor) is measured back to back
in child processes, so load on the machine hits both alike; ratios compare the pair.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kkr.bench import archive, floor, needs, report
from kkr.bench.measure import Run, run, sphinx, sphinx_command
from kkr.checks.corpus import load_corpus
from kkr.site.dates import build_day
from kkr.site.views.site import all_views

COMPOSE = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.compose(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
REPEAT = 3


@dataclass
class Row:
    """One measure: ours against a floor or peer."""

    name: str
    ours: Run
    other: Run | None
    target: str
    note: str = ""


@dataclass
class Results:
    """Every row of one run, and the facts the page reports beside them."""

    rows: list[Row] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)


def _best(command: list[str], other: list[str]) -> tuple[Run, Run]:
    # Alternate the pair and keep each one's fastest run: load hits both alike.
    ours: list[Run] = []
    theirs: list[Run] = []
    for _ in range(REPEAT):
        ours.append(run(command))
        theirs.append(run(other))
    return min(ours, key=lambda r: r.wall), min(theirs, key=lambda r: r.wall)


def _kkr() -> str:
    return str(Path(sys.executable).with_name("kkr"))


def _validation(site: Path, results: Results, label: str) -> None:
    records = str(site / "records")
    compose = [sys.executable, "-c", COMPOSE, records]
    ours, floor_run = _best([_kkr(), "validate", records], compose)
    results.rows.append(Row(f"`kkr validate` på {label}", ours, floor_run, "≤ 1,5×"))
    small = str(archive.ROOT / "records")
    ours, bare = _best([_kkr(), "validate", small], [sys.executable, "-c", "import yaml"])
    results.rows.append(Row("opstart (testsitets 16 filer)", ours, bare, "≤ 2×"))


def _largest_page(out: Path) -> tuple[str, int]:
    pages = sorted((p.stat().st_size, str(p.relative_to(out))) for p in out.rglob("*.html"))
    size, name = pages[-1] if pages else (0, "")
    return name, size


def _builds(site: Path, plain: Path, work: Path, results: Results, label: str) -> Run:
    full: Run | None = None
    for jobs in (1, 2):
        for path in (work / "ours-out", work / "floor-out", site / "arkiv"):
            shutil.rmtree(path, ignore_errors=True)
        ours = sphinx(site, work / "ours-out", jobs)
        if "WARNING" in ours.output or "ERROR" in ours.output:
            # A timing of a broken site says nothing: a warning here is a defect to fix first.
            raise RuntimeError(f"the {label} site builds with warnings:\n{ours.output[-3000:]}")
        other = sphinx(plain, work / "floor-out", jobs)
        target = "≤ 0,9×" if jobs == 1 else "≤ 1,0×"
        note = f"{ours.read} sider" if jobs == 1 else ""
        results.rows.append(Row(f"fuld build på {label}, `-j {jobs}`", ours, other, target, note))
        full = full or ours
    assert full is not None
    # A no-op leaves everything as it was, so it can be repeated like the validation pair.
    ours, other = _best(
        sphinx_command(site, work / "ours-out", 2), sphinx_command(plain, work / "floor-out", 2)
    )
    note = f"læste {ours.read}, skrev {ours.written}"
    results.rows.append(Row(f"no-op-genbygning på {label}", ours, other, "≤ 1,0×", note))
    for step, (name, edit) in enumerate(archive.EDITS.items(), start=1):
        edit(site, step)
        floor.edit_page(plain, f"arkiv/moeder/{archive.meeting_days(1)[0].isoformat()}", step)
        ours = sphinx(site, work / "ours-out", 2)
        other = sphinx(plain, work / "floor-out", 2)
        note = f"læste {ours.read}, skrev {ours.written} sider"
        what = {"item": "et punkts tekst", "attendee": "en deltager", "name": "en persons navn"}
        results.rows.append(Row(f"ret {what[name]} på {label}", ours, other, "≤ 1,0×", note))
    page, size = _largest_page(work / "ours-out" / "html")
    results.facts[f"største side på {label}"] = f"{page}: {size / 1000:.0f} KB (mål ≤ 500 KB)"
    results.facts[f"største hukommelse, fuld build på {label}"] = (
        f"{full.peak_mb:.0f} MB (mål ≤ 1024 MB)"
    )
    return full


def _prepare(work: Path, size: archive.Size, name: str) -> tuple[Path, Path]:
    site = archive.generate(work / f"{name}-site", size)
    corpus = load_corpus(site / "records", base=site)
    menu = [f"docs/{path.stem}" for path in sorted((site / "docs").glob("*.md"))]
    views = all_views(corpus, "arkiv", menu, build_day())
    plain = floor.write(site, work / f"{name}-floor", views)
    return site, plain


def measure(
    large: archive.Size, medium: archive.Size, work: Path, needs_python: str | None
) -> Results:
    """The whole run: validation and builds on the large archive, the peer on the medium."""
    results = Results()
    results.facts["L"] = f"{large.items} punkter i {large.meetings} møder"
    results.facts["M"] = f"{medium.items} punkter i {medium.meetings} møder"
    site, plain = _prepare(work / "L", large, "L")
    _validation(site, results, "L")
    full_large = _builds(site, plain, work / "L", results, "L")
    msite = archive.generate(work / "M" / "M-site", medium)
    full_medium = sphinx(msite, work / "M" / "ours-out", 1)
    per_large = full_large.wall / large.items
    per_medium = full_medium.wall / medium.items
    results.facts["tid pr. punkt, L mod M"] = (
        f"{1000 * per_large:.2f} ms mod {1000 * per_medium:.2f} ms: "
        f"{per_large / per_medium:.2f}× (mål ≤ 1,1×)"
    )
    if needs_python:
        peer = needs.write(load_corpus(msite / "records", base=msite), work / "M" / "needs")
        other = sphinx(peer, work / "M" / "needs-out", 1, needs_python)
        note = f"{other.read} sider med sphinx-needs, {full_medium.read} hos os"
        results.rows.append(Row("sphinx-needs på M, `-j 1`", full_medium, other, "≤ 0,5×", note))
    return results


def _size(text: str) -> archive.Size:
    items, meetings = (int(part) for part in text.split(":"))
    return archive.Size(items, meetings)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the benchmarks page."""
    parser = argparse.ArgumentParser(prog="python -m kkr.bench", description=__doc__)
    parser.add_argument("--large", type=_size, default=archive.L, metavar="ITEMS:MEETINGS")
    parser.add_argument("--medium", type=_size, default=archive.M, metavar="ITEMS:MEETINGS")
    parser.add_argument("--needs-python", help="Python of the sphinx-needs environment")
    parser.add_argument("--output", type=Path, default=report.PAGE, help="page to write")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kkr-bench-") as tmp:
        results = measure(args.large, args.medium, Path(tmp), args.needs_python)
    page = report.page(results, args.needs_python)
    args.output.write_text(page, encoding="utf-8")
    print(page)
    return 0
