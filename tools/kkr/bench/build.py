"""One Sphinx build that reports what it read and wrote; run as a script by any Python.

It imports only Sphinx, so the separate sphinx-needs environment can run it by path:
``python build.py SRC OUT JOBS``. The last line of its output is
``bench: read N written M``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def main() -> int:
    """Build SRC into OUT with JOBS processes; print how many pages were read and written."""
    from sphinx.application import Sphinx

    src, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    read: list[str] = []
    written: list[str] = []
    app = Sphinx(src, src, out / "html", out / "doctrees", "html", status=None, parallel=jobs)

    def count_written(_app: Any, pagename: str, *_args: Any) -> None:
        written.append(pagename)

    app.connect("env-before-read-docs", lambda _a, _e, docs: read.extend(docs))
    app.connect("html-page-context", count_written)
    app.build()
    print(f"bench: read {len(read)} written {len(written)}")
    return app.statuscode


if __name__ == "__main__":
    sys.exit(main())
