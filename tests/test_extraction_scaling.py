"""Importing a PDF is linear in its pages: time and peak memory per page at two sizes, as ratios.

Both sizes are measured in this run, alternating, best of three; a step quadratic in the pages
would make the time ratio about 4 and the memory ratio grow alike.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from extraction_corpus import write_pdf
from kkr.extraction.dispatch import extract
from kkr.importer.assemble import import_document
from kkr.importer.resolve import Resolver

PARAGRAPH = (
    "Dette afsnit er opdigtet fyldtekst til målingen af importens tid og hukommelse, og det "
    "gentages i hvert punkt, så dokumentet får det antal sider, målingen skal bruge. Teksten "
    "er lang nok til at fylde flere linjer i justeret sats med orddeling ved linjernes ende."
)


def agenda(items: int) -> str:
    """An invented agenda with ``items`` items of two paragraphs each (about two per page)."""
    toc = "".join(
        f"1.{k}. Opdigtet testpunkt nummer {k}\t{3 + k // 2}\n" for k in range(1, items + 1)
    )
    body = "".join(
        f"1.{k}. Opdigtet testpunkt nummer {k}\n\nSAG-2031-{k:05d} tst\n\nBaggrund\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}\n\nIndstilling\n\nDet indstilles, at KKR Syddanmark "
        "tager punktet til efterretning.\n\n"
        for k in range(1, items + 1)
    )
    return (
        "DAGSORDEN 2031\n\nKKR SYDDANMARK\n\nDato: 04-03-2031 10:00\n\n"
        f"1. Opdigtede sager\t3\n{toc}\n1. Opdigtede sager\n\n{body}"
    )


def pdf_of(items: int, folder: Path) -> tuple[Path, int]:
    path = folder / f"dagsorden-{items}.pdf"
    write_pdf(agenda(items), path)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return path, len(pdf.pages)


def run(path: Path) -> None:
    extraction = extract(path, path.read_bytes())
    result = import_document(path, extraction.text, Resolver(), path.name)
    assert result.report.ok, [d.text() for d in result.report.diagnostics]


def seconds(path: Path) -> float:
    start = time.perf_counter()
    run(path)
    return time.perf_counter() - start


def peak(path: Path) -> int:
    tracemalloc.start()
    try:
        run(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_time_and_memory_per_page_stay_flat(tmp_path: Path) -> None:
    (small, small_pages), (large, large_pages) = pdf_of(10, tmp_path), pdf_of(50, tmp_path)
    assert large_pages >= 3.5 * small_pages, (small_pages, large_pages)
    best_small = best_large = float("inf")
    for _ in range(3):
        best_small = min(best_small, seconds(small))
        best_large = min(best_large, seconds(large))
    time_ratio = (best_large / large_pages) / (best_small / small_pages)
    memory_ratio = (peak(large) / large_pages) / (peak(small) / small_pages)
    assert time_ratio < 2.0, f"time per page grew {time_ratio:.2f}x from {small_pages} pages"
    assert memory_ratio < 2.0, f"memory per page grew {memory_ratio:.2f}x"
