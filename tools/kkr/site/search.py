"""Pagefind search: filters per page, item headings as results, and the index after the build.

Pagefind was chosen over Sphinx's own index on measured results (docs/byggeriet.md): it
matches prefixes and so Danish compounds ("botilbud" finds "botilbudskapacitet"), stems
Danish, returns each item heading as a sub-result, filters by year, kind and topic, and
runs in the browser without a server.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from kkr.loading.corpus import Corpus
from kkr.site import paths, search_inputs
from kkr.site.collation import danish_sorted
from kkr.site.search_bundle import BundleError, stabilise
from kkr.site.search_fold import add_folded_terms

logger = logging.getLogger(__name__)

BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
# Pagefind's ready-made interfaces; the search page has its own, so they are not published.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
# Permalink signs and the navigation around the text are not part of what a page says.
# Lists of links to other pages (blocks.LINKS) are left out too: the page they link to is
# the result, not every page that mentions it.
IGNORED = ".headerlink, .kkr-crumbs, .kkr-neighbours, .toctree-wrapper, .kkr-links"
# Pages for those who build or edit the site, not for readers: kept out of the index.
NOT_INDEXED = (
    "docs/byggeriet",
    "docs/ydeevne",
    "docs/redigering",
    "docs/oparl",
    "docs/reference/",
    "genindex",
)
KINDS = {
    "meeting": "Møde",
    "case": "Sagsnummer",
    "matter": "Forløb",
    "person": "Person",
    "organization": "Organisation",
    "contract": "Aftale",
    "workplan": "Arbejdsgrundlag",
    "topic": "Emne",
}
# Sphinx writes the id on the <section>; Pagefind makes sub-results only of headings with an
# id. Each heading gets its section's id plus HEADING, a suffix no docutils id can end with
# (make_id never writes a dot), and the search page strips it so that a result lands on the
# section, e.g. #punkt-3-6.
HEADING = ".h"
# The page title (h1) needs none: the page itself is the result.
_SECTION = re.compile(r'<section id="([^"<>]+)">\n<h([2-6])>')

Filters = list[tuple[str, str]]


def page_filters(corpus: Corpus, prefix: str) -> dict[str, Filters]:
    """docname -> (filter, value) pairs: "år", "type" and "emne" of each record's page."""
    topics = {
        e.record.id: str(getattr(e.record, "name", e.record.id)) for e in corpus.entries("topic")
    }
    out: dict[str, Filters] = {}
    for kind, label in KINDS.items():
        for entry in corpus.entries(kind):
            record: Any = entry.record
            municipality = kind == "organization" and str(record.kind.value) == "municipality"
            found: Filters = [("type", "Kommune" if municipality else label)]
            years: set[str] = set()
            names: set[str] = set(getattr(record, "topics", []) or [])
            if kind == "meeting":
                years.add(str(record.date.year))
                for item in record.items:
                    names.update(item.topics)
            elif kind == "workplan":
                years.add(str(record.date.year))
                for area in record.areas:
                    names.update(area.topics)
                    out[paths.area_page(prefix, record.id, area.id)] = [
                        ("type", label),
                        ("år", str(record.date.year)),
                        *(("emne", topics.get(t, t)) for t in area.topics),
                    ]
            elif kind == "topic":
                names.add(record.id)
            found += [("år", year) for year in sorted(years)]
            found += [("emne", name) for name in danish_sorted(topics.get(t, t) for t in names)]
            out[paths.page(prefix, kind, record.id)] = found
    out.update(_case_filters(corpus, prefix))
    return out


def _case_filters(corpus: Corpus, prefix: str) -> dict[str, Filters]:
    """Case numbers have no records of their own: their pages take the years they occur in."""
    years: dict[str, set[str]] = {}
    for entry in corpus.entries("meeting"):
        meeting: Any = entry.record
        for number in [meeting.case, *(item.case for item in meeting.items)]:
            if number:
                years.setdefault(number, set()).add(str(meeting.date.year))
    return {
        paths.page(prefix, "case", number): [
            ("type", KINDS["case"]),
            *(("år", year) for year in sorted(found)),
        ]
        for number, found in years.items()
        if paths.safe_id(number)
    }


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Mark the pages Pagefind indexes and give them their filters."""
    context["kkr_indexed"] = doctree is not None and not pagename.startswith(NOT_INDEXED)
    if context["kkr_indexed"] and isinstance(context.get("body"), str):
        context["body"] = add_folded_terms(context["body"])
    domain = app.env.domains["kkr"]
    context["kkr_filters"] = getattr(domain, "site_search", {}).get(pagename, [])


def search_page(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """The search page, written by this extension since Sphinx's own index is switched off."""
    return [("search", {"title": "Søg"}, "search.html")]


def no_sphinx_index(app: Sphinx) -> None:
    """Switch off Sphinx's search index and search page; Pagefind replaces both."""
    if isinstance(app.builder, StandaloneHTMLBuilder):
        app.builder.search = False


def heading_ids(html: str) -> str:
    """Give each section's heading an id, where Pagefind looks for sub-results."""
    return _SECTION.sub(rf'<section id="\1">\n<h\2 id="\1{HEADING}">', html)


def _version() -> str:
    # A new Pagefind may index the same pages differently.
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return ""


def build_index(app: Sphinx, exception: BaseException | None) -> None:
    """Start indexing the written site with Pagefind into ``_build/html/pagefind``.

    Pagefind runs in its own process while the other build-finished handlers (the exports)
    run; ``finish_index`` waits for it.
    """
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(outdir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        IGNORED,
        "--silent",
    ]
    doctrees = Path(app.doctreedir)
    settings = "\0".join([*command[1:], _version()])
    last = search_inputs.read(doctrees, settings)
    pages = search_inputs.current(outdir, last)
    if (outdir / BUNDLE / ENTRY).is_file() and search_inputs.unchanged(last, pages):
        return
    # Pagefind names its files by content and never deletes: without this, an incremental
    # build keeps the last build's fragments beside the new ones (tests/test_incremental.py).
    shutil.rmtree(outdir / BUNDLE, ignore_errors=True)
    (doctrees / search_inputs.NAME).unlink(missing_ok=True)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    app._kkr_pagefind = (process, settings, pages)  # type: ignore[attr-defined]


def finish_index(app: Sphinx, exception: BaseException | None) -> None:
    """Wait for Pagefind, drop the files the site does not use and make the rest stable."""
    running = getattr(app, "_kkr_pagefind", None)
    if running is None:
        return
    del app._kkr_pagefind  # type: ignore[attr-defined]
    process, settings, pages = running
    output, _ = process.communicate()
    outdir = Path(app.outdir)
    if process.returncode != 0:
        logger.warning(
            "Pagefind could not index the site (exit %d): %s",
            process.returncode,
            output.strip()[-500:],
            type="kkr",
            subtype="search",
        )
        return
    for name in UNUSED:
        (outdir / BUNDLE / name).unlink(missing_ok=True)
    try:
        stabilise(outdir / BUNDLE)
    except (BundleError, OSError, KeyError, IndexError, TypeError) as error:
        logger.warning(
            "Pagefind's filter files could not be put in a stable order: %s",
            error,
            type="kkr",
            subtype="search",
        )
        return
    search_inputs.write(Path(app.doctreedir), settings, pages)
