"""One Sphinx build that reports what it read and wrote; run as a script by any Python.

It imports only Sphinx, so the separate sphinx-needs environment can run it by path:
``python build.py SRC OUT JOBS``. The last line of its output is
``bench: read N written M``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def stamps(html: Path) -> dict[Path, int]:
    """Each HTML file under ``html`` with its modification time."""
    return {path: path.stat().st_mtime_ns for path in html.rglob("*.html")}


def written(before: dict[Path, int], after: dict[Path, int]) -> int:
    """HTML files that are new or were written again between two sets of stamps."""
    return sum(1 for path, stamp in after.items() if before.get(path) != stamp)


def main() -> int:
    """Build SRC into OUT with JOBS processes; print how many pages were read and written."""
    from sphinx.application import Sphinx

    src, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    read: list[str] = []
    app = Sphinx(src, src, out / "html", out / "doctrees", "html", status=None, parallel=jobs)
    app.connect("env-before-read-docs", lambda _a, _e, docs: read.extend(docs))
    # Counted on disk: at -j 2 Sphinx writes pages in forked workers, whose events the main
    # process never sees.
    before = stamps(out / "html")
    app.build()
    print(f"bench: read {len(read)} written {written(before, stamps(out / 'html'))}")
    return app.statuscode


if __name__ == "__main__":
    sys.exit(main())
