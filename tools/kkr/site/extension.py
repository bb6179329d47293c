"""The Sphinx extension's registrations: domain, config, transforms, nodes and event handlers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.writers.html5 import HTML5Translator

from kkr.site import (
    config,
    descriptions,
    events,
    incremental,
    memory,
    navigation,
    search,
    sourcepage,
    statement,
)
from kkr.site.domain import KkrDomain
from kkr.site.freshness import AddFreshness
from kkr.site.headings import KeepHeadingWordsWhole
from kkr.site.render import search_form, source_lines
from kkr.site.safety import ScrubDoctree, ScrubOutput
from kkr.site.theme import TableLayout, finish_pages
from kkr.site.translations import add_danish_catalog

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
ENV_VERSION = 1


def _visit_search(self: HTML5Translator, node: search_form) -> None:
    action = self.builder.get_relative_uri(self.builder.current_docname, "search")
    self.body.append(
        f'<form class="kkr-search" action="{self.attval(action)}" method="get" role="search">'
        '<label for="kkr-q">Søg i vidensbasen</label> '
        '<input id="kkr-q" type="search" name="q" placeholder="fx flygtninge"> '
        '<button type="submit">Søg</button></form>'
    )
    raise nodes.SkipNode


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _static(app: Sphinx, conf: Config) -> None:
    conf.html_static_path.append(str(STATIC))
    # A new list: Sphinx's default list is shared by every build in one process.
    conf.templates_path = [*conf.templates_path, str(TEMPLATES)]
    if not conf.html_favicon:
        # Browsers ask for a favicon on every page; without one they log a 404.
        conf.html_favicon = str(STATIC / "favicon.svg")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the domain, config, transforms and event handlers."""
    # Imported here: the exports use kkr.site's paths and views, so a top-level import would cycle.
    from kkr.exports import publish

    config.register(app)
    app.add_domain(KkrDomain)
    app.add_node(
        search_form,
        override=True,
        html=(_visit_search, None),
        latex=(_skip, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_node(
        source_lines,
        override=True,
        html=(sourcepage.visit_lines, None),
        latex=(sourcepage.skip, None),
        text=(sourcepage.skip, None),
        man=(sourcepage.skip, None),
        texinfo=(sourcepage.skip, None),
    )
    app.connect("build-finished", sourcepage.copy_documents)
    app.add_transform(ScrubDoctree)
    app.add_transform(AddFreshness)
    app.add_post_transform(ScrubOutput)
    app.add_post_transform(TableLayout)
    app.add_post_transform(KeepHeadingWordsWhole)
    app.connect("config-inited", _static)
    app.connect("config-inited", add_danish_catalog)
    # Before the records are loaded: the collector's thresholds hold for the whole build.
    app.connect("builder-inited", memory.tune_gc, priority=100)
    app.connect("builder-inited", events.on_builder_inited)
    app.connect("builder-inited", finish_pages)
    app.connect("builder-inited", search.no_sphinx_index)
    app.connect("html-collect-pages", search.search_page)
    app.connect("html-collect-pages", statement.extra_pages)
    app.connect("html-page-context", statement.page_context)
    app.connect("config-inited", statement.keep_404_out_of_the_sitemap)
    app.connect("html-page-context", search.page_context)
    # After the exports' meeting summary (400), before sphinxext-opengraph (500).
    app.connect("html-page-context", descriptions.page_context, priority=450)
    # Pagefind runs while the exports are written (build-finished, 500), then is waited for.
    app.connect("build-finished", search.build_index, priority=450)
    app.connect("build-finished", search.finish_index, priority=800)
    app.connect("env-get-outdated", events.on_env_get_outdated)
    app.connect("env-before-read-docs", events.on_env_before_read_docs)
    app.connect("env-before-read-docs", incremental.before_read)
    app.connect("env-before-read-docs", memory.bound_doctree_cache)
    app.connect("env-get-updated", incremental.updated)
    app.connect("build-finished", incremental.save_entries)
    # After Furo (500), whose navigation tree a detail page replaces.
    app.connect("html-page-context", navigation.page_context, priority=600)
    publish.register(app)
    app.add_css_file("kkr.css")
    app.add_css_file("kkr-records.css")
    app.add_js_file("kkr.js", priority=900)
    app.add_css_file("kkr-sources.css")
    app.add_js_file("kkr-lines.js", priority=900)
    return {
        "version": "1",
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
