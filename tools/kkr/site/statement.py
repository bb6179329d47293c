"""The site's Danish 404 page and its accessibility statement (tilgængelighedserklæring)."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sphinx.application import Sphinx

from kkr.site.dates import long_date

STATEMENT = "tilgaengelighed"
NOT_FOUND = "404"


def checked_day(srcdir: Path) -> date | None:
    """The day of the checked state: SOURCE_DATE_EPOCH, else the commit's date, never the clock.

    ``make test`` runs axe-core and the Nu Html Checker on every commit, so the commit the
    site is built from is the state those checks passed on.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=srcdir,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return datetime.fromtimestamp(int(found), UTC).date() if found.isdigit() else None


def site_root(base_url: str) -> str:
    """The path the site lives under ("/" or "/kkr/"), for the 404 page's <base>."""
    path = urlparse(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def extra_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """The statement and the 404 page, rendered from the extension's templates."""
    day = checked_day(Path(app.srcdir))
    # Every page says how current the data is, these two as well (site/freshness.py).
    fresh = getattr(app.env.domains["kkr"], "site_freshness", None)
    statement = {
        "title": "Tilgængelighedserklæring",
        "kkr_checked": long_date(day) if day else None,
        "kkr_freshness": fresh,
    }
    not_found = {
        "title": "Siden findes ikke",
        "kkr_root": site_root(app.config.html_baseurl),
        "kkr_freshness": fresh,
    }
    return [
        (STATEMENT, statement, "tilgaengelighed.html"),
        (NOT_FOUND, not_found, "404.html"),
    ]


DESCRIPTIONS = {
    STATEMENT: (
        "Tilgængelighedserklæring for vidensbasen om KKR Syddanmark: hvordan den lever op til "
        "WCAG 2.1 AA, hvad der ikke er tilgængeligt, og hvem man kan kontakte."
    ),
    NOT_FOUND: "Der er ingen side på denne adresse i vidensbasen om KKR Syddanmark.",
}


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The title and description tags sphinxext-opengraph gives pages with a doctree."""
    text = DESCRIPTIONS.get(pagename)
    if text is None:
        return
    base = str(app.config.html_baseurl)
    tags = {
        "og:title": str(context.get("title", "")),
        "og:type": "website",
        "og:url": base.rstrip("/") + "/" + pagename + ".html",
        "og:site_name": str(getattr(app.config, "ogp_site_name", "") or app.config.project),
        "og:description": text,
    }
    lines = [f'<meta property="{k}" content="{escape(v)}">' for k, v in tags.items()]
    lines.append(f'<meta name="description" content="{escape(text)}">')
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(lines)


def keep_404_out_of_the_sitemap(app: Sphinx, config: Any) -> None:
    """A sitemap lists pages to index; the 404 page is not one (sphinx-sitemap lists it)."""
    excludes = getattr(config, "sitemap_excludes", None)
    if isinstance(excludes, list) and f"{NOT_FOUND}.html" not in excludes:
        config.sitemap_excludes = [*excludes, f"{NOT_FOUND}.html"]
