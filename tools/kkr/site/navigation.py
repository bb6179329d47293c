"""Where a page sits: breadcrumbs, neighbouring meetings and the sidebar entry of detail pages.

Detail pages (meetings, people, …) are orphans: a toctree of every one of them would put
the whole archive into every page's sidebar and make a build quadratic in its size. The
sidebar of a detail page is instead its list page's sidebar with the page added below it.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from bs4 import BeautifulSoup, Tag
from docutils import nodes
from furo.navigation import get_navigation_tree
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters.toctree import global_toctree_for_doc

from kkr.loading.corpus import Corpus
from kkr.site import paths
from kkr.site.dates import long_date
from schema.meeting import Meeting

Trail = dict[str, Any]


def trails(corpus: Corpus, prefix: str, views: dict[str, dict[str, Any]]) -> dict[str, Trail]:
    """docname -> {"up": ancestor docnames, "prev"/"next": neighbouring meetings by date}."""
    out: dict[str, Trail] = {}
    for docname in views:
        parts = docname.split("/")
        if parts[0] != prefix or parts[-1] == "index" or len(parts) < 3:
            continue
        up: list[str] = []
        for depth in range(2, len(parts)):
            stem = "/".join(parts[:depth])
            up += [name for name in (f"{stem}/index", stem) if name in views]
        out[docname] = {"up": [name for name in up if name != docname], "prev": None, "next": None}
    meetings = sorted(
        (e.record for e in corpus.entries("meeting") if isinstance(e.record, Meeting)),
        key=lambda m: (m.date, m.id),
    )
    names = [paths.page(prefix, "meeting", m.id) for m in meetings]
    for index, (meeting, name) in enumerate(zip(meetings, names, strict=True)):
        trail = out.get(name)
        if trail is None:
            continue
        year = paths.year_page(prefix, meeting.date.year)
        if year in views:
            trail["up"].append(year)
        trail["prev"] = names[index - 1] if index else None
        trail["next"] = names[index + 1] if index + 1 < len(names) else None
        trail["prev_label"] = long_date(meetings[index - 1].date) if index else None
        trail["next_label"] = long_date(meetings[index + 1].date) if trail["next"] else None
    return out


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give a detail page its breadcrumbs, neighbours and a sidebar that shows it."""
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        # Sphinx links the current page as href="#", which only jumps to the top.
        context["furo_navigation_tree"] = _own_link(tree, pagename)
    toc = context.get("toc")
    heading = doctree.next_node(nodes.section) if doctree is not None else None
    if isinstance(toc, str) and heading is not None and heading["ids"]:
        # The page's own entry in "På denne side" links its heading, not "#".
        context["toc"] = toc.replace('href="#"', f'href="#{heading["ids"][0]}"')
    domain = app.env.domains["kkr"]
    trail: Trail | None = getattr(domain, "site_trails", {}).get(pagename)
    if trail is None:
        return
    views = domain.site_views  # type: ignore[attr-defined]
    uri = app.builder.get_relative_uri

    def link(docname: str, label: str | None = None) -> dict[str, str]:
        title = label or str(views.get(docname, {}).get("title", docname))
        return {"url": uri(pagename, docname), "title": title}

    root = app.config.root_doc
    context["kkr_crumbs"] = [link(root, "Forside"), *(link(name) for name in trail["up"])]
    if trail["prev"]:
        context["kkr_prev"] = link(trail["prev"], "Forrige møde: " + trail["prev_label"])
    if trail["next"]:
        context["kkr_next"] = link(trail["next"], "Næste møde: " + trail["next_label"])
    if not views[pagename]["orphan"]:
        return
    up = [name for name in trail["up"] if name in views]
    anchor = next((name for name in reversed(up) if not views[name]["orphan"]), None)
    if anchor is None:
        return
    # The page below its nearest page in the navigation, through the orphans between them
    # (a meeting under its year, under Møder): the sidebar never lists every year or area.
    chain = [(name, link(name)["title"]) for name in up[up.index(anchor) + 1 :]]
    # Sphinx gives the page's own title as HTML; the models' titles are plain text.
    chain.append((pagename, BeautifulSoup(context["title"], "html.parser").get_text()))
    sidebar = _own_link(_sidebar(app, anchor, chain), anchor)
    context["furo_navigation_tree"] = _rebased(sidebar, anchor, pagename, app)


def _sidebar(app: Sphinx, anchor: str, chain: list[tuple[str, str]]) -> str:
    """The sidebar of ``anchor``, with each page of ``chain`` nested below the one before.

    Links are relative to ``anchor``'s folder; the last page of the chain is the current one.
    """
    tree = global_toctree_for_doc(
        app.env,
        anchor,
        app.builder,
        collapse=False,
        includehidden=True,
        maxdepth=-1,
        titles_only=True,
    )
    if tree is None:
        return ""
    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    html = str(get_navigation_tree(builder.render_partial(tree)["fragment"]))
    soup = BeautifulSoup(html, "html.parser")
    parent = soup.find("li", class_="current-page")
    if not isinstance(parent, Tag):
        return html
    classes = [str(c) for c in parent.get_attribute_list("class") if c != "current-page"]
    parent["class"] = " ".join(classes)
    level = next((int(c.removeprefix("toctree-l")) for c in classes if c[9:].isdigit()), 1)
    folder = posixpath.dirname(anchor)
    for depth, (docname, title) in enumerate(chain, start=1):
        last = depth == len(chain)
        here = soup.new_tag(
            "li",
            attrs={
                "class": f"toctree-l{level + depth} current"
                + (" current-page kkr-here" if last else "")
            },
        )
        entry = soup.new_tag(
            "a",
            attrs={
                "class": "reference internal" + (" current" if last else ""),
                "href": posixpath.relpath(docname, folder) + ".html",
            },
        )
        entry.string = title
        here.append(entry)
        # Into the list the page already has (a work plan's progress page), else a new one.
        nested = parent.find("ul", recursive=False)
        if not isinstance(nested, Tag):
            nested = soup.new_tag("ul")
            parent.append(nested)
        nested.append(here)
        parent = here
    return str(soup)


def _rebased(html: str, anchor: str, pagename: str, app: Sphinx) -> str:
    """``html`` written for ``anchor``'s folder, with its relative links made right for
    ``pagename`` (an area page lies a folder below its work plan)."""
    source, target = posixpath.dirname(anchor), posixpath.dirname(pagename)
    if source == target:
        return html

    def rebase(match: re.Match[str]) -> str:
        href = match.group(1)
        if "://" in href or href.startswith(("#", "/", "mailto:")):
            return match.group(0)
        path, hash_, fragment = href.partition("#")
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(source, path)), target)
        return f'href="{moved}{hash_}{fragment}"'

    return re.sub(r'href="([^"]*)"', rebase, html)


def _own_link(html: str, docname: str) -> str:
    """``html`` with the current page's ``href="#"`` pointing at the page itself."""
    return html.replace('href="#"', f'href="{posixpath.basename(docname)}.html"')
