"""The accessibility oracles (axe-core, the Nu Html Checker) and the site's page types."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from conftest import REPO

ORACLE = REPO / "tests" / "oracle" / "node_modules"
AXE = ORACLE / "axe-core" / "axe.min.js"
VNU = ORACLE / "vnu-jar" / "build" / "dist" / "vnu.jar"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_YEAR = re.compile(r"\d{4}\.html")


def missing() -> str | None:
    """Why the oracles cannot run here, or None; `make test` installs them (make test-deps)."""
    if not AXE.is_file() or not VNU.is_file():
        return "the oracles are not installed: npm ci --ignore-scripts --prefix tests/oracle"
    if shutil.which("java") is None:
        return "Java is not installed (apt-get install default-jre-headless)"
    return None


def page_types(site: Path) -> dict[str, str]:
    """One page of every page type, the largest of its kind: type -> path in the site.

    The types are found in the built site, so a new kind of record page is covered too:
    each folder's list page, its record pages, year pages and municipalities apart.
    """
    chosen: dict[str, tuple[int, str]] = {}

    def consider(kind: str, path: Path) -> None:
        size = path.stat().st_size
        name = path.relative_to(site).as_posix()
        if kind not in chosen or size > chosen[kind][0]:
            chosen[kind] = (size, name)

    for path in sorted(site.rglob("*.html")):
        parts = path.relative_to(site).parts
        if parts[0] in ("_static", "_sources", "pagefind", "data"):
            continue
        if len(parts) == 1:
            consider(path.stem, path)
        elif parts[0] == "docs":
            # The hand-written pages share one layout; the figures page is its own type.
            consider("tal" if path.stem == "tal-og-tendenser" else "docs", path)
        elif path.name == "index.html":
            consider("liste", path)
        elif _YEAR.fullmatch(path.name):
            consider(f"{parts[1]}-år", path)
        elif path.stem.endswith("-kommune"):
            consider("kommune", path)
        else:
            consider("/".join(parts[1:-1]), path)
    return {kind: name for kind, (_, name) in sorted(chosen.items())}


def nu_errors(site: Path) -> list[str]:
    """Every error the Nu Html Checker finds in the site's HTML pages, as 'file:line: message'."""
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    report = json.loads(result.stderr or result.stdout)
    return [
        f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
