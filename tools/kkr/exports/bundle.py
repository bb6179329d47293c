"""Every export of the corpus at once, as files in memory, with the list the Data page shows."""

from __future__ import annotations

from dataclasses import dataclass

from kkr.exports import (
    calendar,
    catalog,
    charts,
    database,
    downloads,
    feeds,
    oparl,
    statistics,
    tables,
)
from kkr.exports.context import ExportContext
from kkr.exports.feeds import Feed
from kkr.exports.statistics import Figure
from kkr.site import paths

# The directories the exports own in the built site; anything else there is stale.
DIRS = ("oparl", "data", "kalender", "feeds")


@dataclass(frozen=True)
class Download:
    """One entry of the Data page: a file (or a tree of files) and what it holds."""

    path: str
    title: str
    description: str
    size: int
    files: int = 1
    page: str = ""  # a page that links to the files, where there are many


@dataclass(frozen=True)
class Bundle:
    """The files keyed by path under the site root, and what the pages say about them."""

    ctx: ExportContext
    files: dict[str, bytes]
    downloads: list[Download]
    figures: list[Figure]
    feeds: list[Feed]


def _listing(
    files: dict[str, bytes], tabs: list[tables.Table], feed_list: list[Feed], prefix: str
) -> list[Download]:
    out = [
        Download(
            downloads.csv_path(t),
            f"{t.title} (CSV)",
            f"{len(t.rows)} rækker",
            len(files[downloads.csv_path(t)]),
        )
        for t in tabs
    ]
    out.append(
        Download(
            downloads.PACKAGE,
            "Datapakke (Frictionless Data Package)",
            "Beskriver CSV-filerne, deres kolonner og nøgler",
            len(files[downloads.PACKAGE]),
        )
    )
    out.append(
        Download(
            database.PATH,
            "SQLite-database",
            "Alle tabeller med nøgler og fremmednøgler",
            len(files[database.PATH]),
        )
    )
    out.append(
        Download(
            calendar.ALL,
            "Mødekalender (iCalendar)",
            "Alle møder; hvert møde har også sin egen fil",
            len(files[calendar.ALL]),
        )
    )
    tree = {p: b for p, b in files.items() if p.startswith("oparl/")}
    out.append(
        Download(
            oparl.SYSTEM,
            "OParl 1.1 (JSON)",
            "Indgangen til hele OParl-træet",
            sum(map(len, tree.values())),
            len(tree),
        )
    )
    for feed in feed_list[:2]:
        out.append(
            Download(
                feed.path,
                f"{feed.title} (Atom)",
                f"{len(feed.entries)} indlæg",
                len(files[feed.path]),
            )
        )
    for directory, kind, title, whose in (
        ("feeds/forloeb/", "matter", "forløb", "forløbets"),
        ("feeds/emner/", "topic", "emne", "emnets"),
    ):
        group = [f for f in feed_list if f.path.startswith(directory)]
        if group:
            out.append(
                Download(
                    directory,
                    f"Et Atom-feed pr. {title}",
                    f"Findes under »Følg« på {whose} side",
                    sum(len(files[f.path]) for f in group),
                    len(group),
                    paths.list_page(prefix, kind),
                )
            )
    return out


def bundle(ctx: ExportContext) -> Bundle:
    """Build every export of ``ctx``; a pure function of the records, base URL and stamp."""
    tabs = tables.all_tables(ctx)
    feed_list = feeds.all_feeds(ctx)
    figures = statistics.all_figures(ctx)
    files: dict[str, bytes] = {}
    files.update(oparl.export(ctx))
    files.update(downloads.export(tabs, ctx.front_url, ctx.license))
    files.update(database.export(tabs))
    files.update(calendar.export(ctx))
    files.update(feeds.export(ctx, feed_list))
    files.update(charts.export(figures))
    listing = _listing(files, tabs, feed_list, ctx.prefix)
    # The catalogue describes every other download, so it is made from their listing.
    files.update(catalog.export(ctx, listing))
    listing.append(
        Download(
            catalog.PATH,
            "Datakatalog (DCAT-AP, JSON-LD)",
            "Beskriver hvert datasæt og hver fil til de danske dataportaler",
            len(files[catalog.PATH]),
        )
    )
    return Bundle(ctx, files, listing, figures, feed_list)
