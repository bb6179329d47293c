"""Output touches for the theme: Danish texts, one id per element, figures and totals in tables."""

from __future__ import annotations

import posixpath
import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from kkr.site.search import heading_ids
from kkr.site.translations import danish

# A figure as the sources write them: "2.498.901", "317.800 kr.", "1,36%", "-4,5 mio. kr.".
# One pass, no nested quantifiers: linear on any cell text.
_NUMBER = re.compile(r"[-−+]?\d[\d. ]*(?:,\d+)? ?(?:%|kr\.?|mio\.(?: kr\.)?|mia\.(?: kr\.)?)?")
_TOTALS = ("i alt", "total", "sum", "samlet")
# Furo's menu captions are headings without a level (axe-core: aria-required-attr); the
# page title is the only h1, so the captions sit at level 2.
CAPTION = '<p class="caption" role="heading">'
CAPTION_LEVEL = '<p class="caption" role="heading" aria-level="2">'
SKIP = '<a class="skip-to-content muted-link" href="#furo-main-content">'
# The search page's results are many Tab stops down; a second skip link leads straight there.
SKIP_RESULTS = (
    '<a class="skip-to-content muted-link" href="#kkr-search-results">Gå til søgeresultaterne</a>\n'
)
CHARSET = '<meta charset="utf-8">'
SELF_LINKS = (
    '<a href="{}"><div class="brand">',
    '<a class="sidebar-brand" href="{}">',
    '<link rel="index" title="Indeks" href="{}">',
    '<link rel="search" title="Søg" href="{}">',
)


def numeric(text: str) -> bool:
    """Whether a table cell holds one figure, so that it aligns right."""
    return bool(_NUMBER.fullmatch(text.strip()))


def total(text: str) -> bool:
    """Whether a row's first cell marks it as a total ("I alt", "Region Syddanmark i alt")."""
    words = text.strip().lower()
    return words.startswith(_TOTALS) or words.endswith(" i alt")


class TableLayout(SphinxPostTransform):
    """Marks figures and total rows, and keeps an id on the table only, not on its wrapper."""

    # After Furo's wrapper (priority 500), which copies the table's ids onto the wrapper.
    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        """Mark the cells and rows of every table of the document."""
        for table in self.document.findall(nodes.table):
            parent = table.parent
            if isinstance(parent, nodes.container) and "table-wrapper" in parent["classes"]:
                parent["ids"] = []
            for row in table.findall(nodes.row):
                entries = [child for child in row.children if isinstance(child, nodes.entry)]
                for entry in entries:
                    if numeric(entry.astext()):
                        entry["classes"].append("kkr-num")
                if (
                    entries
                    and total(entries[0].astext())
                    and not isinstance(row.parent, nodes.thead)
                ):
                    row["classes"].append("kkr-total")


def finish_pages(app: Sphinx) -> None:
    """Pass every page the HTML builder renders through ``danish`` and ``heading_ids``."""
    templates = getattr(app.builder, "templates", None)
    if templates is None:
        return
    render = templates.render
    translate = app.config.language == "da"

    def rendered(template: str, context: dict[str, Any]) -> str:
        html = heading_ids(render(template, context)).replace(CAPTION, CAPTION_LEVEL)
        if context.get("pagename") == "search":
            html = html.replace(SKIP, SKIP_RESULTS + SKIP, 1)
        root = context.get("kkr_root")
        if root:
            # The 404 page is served for any missing address, at any depth: its links and
            # styles resolve from the site's root.
            html = html.replace(CHARSET, f'{CHARSET}<base href="{escape(root)}">', 1)
        # On its own page the theme links the front page and the index as "#".
        own = posixpath.basename(str(context.get("pagename", ""))) + ".html"
        for pattern in SELF_LINKS:
            html = html.replace(pattern.format("#"), pattern.format(own))
        return danish(html) if translate else html

    templates.render = rendered
