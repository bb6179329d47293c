"""Writes one small Markdown source per generated page, only when its text changed."""

from __future__ import annotations

from pathlib import Path

from kkr.site.paths import safe_id

SUFFIX = ".md"


def source(key: str, orphan: bool) -> str:
    """The page source: front matter and the directive that renders the model."""
    head = "---\norphan: true\n---\n\n" if orphan else ""
    return f"{head}```{{kkr:view}} {key}\n```\n"


def write(root: Path, prefix: str, orphans: dict[str, bool]) -> tuple[int, int]:
    """Write changed pages under ``root`` and delete stale ones; return (written, deleted).

    ``orphans`` maps each page model's key to whether its page is outside every toctree.
    """
    wanted: dict[Path, str] = {}
    for key, orphan in orphans.items():
        if not key.startswith(prefix + "/"):
            continue
        parts = key.split("/")[1:]
        if not all(safe_id(part) for part in parts):
            continue
        wanted[root.joinpath(*parts).with_suffix(SUFFIX)] = source(key, orphan)
    written = 0
    for path, text in sorted(wanted.items()):
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
    deleted = 0
    if root.is_dir():
        for path in sorted(root.rglob("*" + SUFFIX)):
            if path not in wanted:
                path.unlink()
                deleted += 1
        for directory in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(directory.iterdir()):
                directory.rmdir()
    return written, deleted


FRONT_MARK = "% Written by kkr.site at every build: the front page at the site root."


def write_front(srcdir: Path, docname: str, key: str) -> bool:
    """Write the root page ``docname`` rendering view ``key``; never over a hand-written page.

    Returns whether the page is (now) the generated one.
    """
    path = (srcdir / docname).with_suffix(SUFFIX)
    wanted = f"{FRONT_MARK}\n\n# KKR Syddanmark\n\n```{{kkr:view}} {key}\n```\n"
    if path.is_file():
        current = path.read_text(encoding="utf-8")
        if not current.startswith(FRONT_MARK):
            return False
        if current == wanted:
            return True
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    return True
