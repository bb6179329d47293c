"""Make an incremental build write what a clean build would, where Sphinx alone does not.

- The navigation in every page's sidebar is the global toctree. When a page joins or leaves
  it, or a page in it gets a new title or toctree, every page shows a new sidebar, but Sphinx
  writes only the pages it read. Here every page is then written again (not read again).
- Sphinx never deletes what a removed page wrote, so its HTML (and the copy of its source)
  stayed in the site, for Pagefind to index: a year page left empty by an edit, a deleted
  record's page. They are deleted when Sphinx finds the page removed.
- Sphinx keeps the search index's index entries only for the pages it writes in the current
  build (Sphinx issue #12599: it saves them with the environment before it writes), so after
  one edit searchindex.js lists the entries of that page alone. They are stored beside the
  doctrees after each build and given back to the pages that are not written again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

ENTRIES = "kkr-index-entries.json"
Shape = dict[str, tuple[str, tuple[str, ...]]]


def _in_navigation(env: BuildEnvironment) -> set[str]:
    included: set[str] = set()
    for names in env.toctree_includes.values():
        included.update(names)
    return included | set(env.toctree_includes)


def _shape(env: BuildEnvironment, docnames: set[str]) -> Shape:
    """What the navigation shows of ``docnames``: their titles and their toctrees."""
    return {
        name: (
            env.titles[name].astext() if name in env.titles else "",
            tuple(env.toctree_includes.get(name, ())),
        )
        for name in sorted(docnames)
    }


def before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Remember what the navigation showed of the pages about to be read."""
    shown = _in_navigation(env)
    state = _state(env)
    state["read"] = set(docnames)
    state["before"] = _shape(env, {name for name in docnames if name in shown})
    state["known"] = set(env.all_docs)


def note_removed(app: Sphinx, removed: set[str], env: BuildEnvironment) -> None:
    """Remember whether a removed page was part of the navigation; delete what it wrote."""
    _state(env)["removed"] = bool(set(removed) & _in_navigation(env))
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder):
        return
    for name in removed:
        Path(builder.get_outfilename(name)).unlink(missing_ok=True)
        # The copy of the source is named by the page, its source suffix (no longer known
        # once the source is gone) and perhaps the html_sourcelink_suffix.
        for suffix in app.config.source_suffix:
            for extra in ("", app.config.html_sourcelink_suffix):
                Path(builder.outdir, "_sources", name + suffix + extra).unlink(missing_ok=True)


def updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, if the navigation changed; otherwise none beyond those read."""
    _restore_entries(app, env)
    state = _state(env)
    shown = _in_navigation(env)
    read: set[str] = state.get("read", set())
    added = {name for name in read if name not in state.get("known", set())}
    after = _shape(env, {name for name in read if name in shown})
    changed = state.get("removed", False) or bool(added & shown)
    changed = changed or after != state.get("before", {})
    # The state belongs to this build: drop it before Sphinx pickles the environment.
    del env._kkr_incremental  # type: ignore[attr-defined]
    if changed:
        return sorted(env.all_docs)
    return []


def _state(env: BuildEnvironment) -> dict[str, Any]:
    # Per build, on the environment object but never pickled with it (see save_entries).
    found: dict[str, Any] | None = getattr(env, "_kkr_incremental", None)
    if found is None:
        found = {}
        env._kkr_incremental = found  # type: ignore[attr-defined]
    return found


def _restore_entries(app: Sphinx, env: BuildEnvironment) -> None:
    try:
        stored = json.loads((Path(app.doctreedir) / ENTRIES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    entries: dict[str, list[tuple[str, str, str]]] = env._search_index_index_entries
    for docname, values in stored.items():
        # Pages written in this build are indexed again, which replaces these.
        if docname in env.all_docs and docname not in entries:
            entries[docname] = [tuple(value) for value in values]


def save_entries(app: Sphinx, exception: BaseException | None) -> None:
    """Store the search index's index entries of every page for the next build."""
    if exception is not None:
        return
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return
    entries = {name: list(values) for name, values in sorted(indexer._index_entries.items())}
    (Path(app.doctreedir) / ENTRIES).write_text(json.dumps(entries), encoding="utf-8")
