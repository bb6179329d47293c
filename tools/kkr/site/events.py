"""Build event handlers: load the records, build page models, report outdated pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from kkr.changes import history
from kkr.diagnostics import Diagnostic
from kkr.gcpause import paused_gc
from kkr.loading.corpus import Corpus
from kkr.site import cache, freshness, incremental, navigation, pages, search, source, status
from kkr.site.blocks import fingerprint
from kkr.site.config import SiteConfig
from kkr.site.dates import build_day
from kkr.site.domain import KkrDomain, outdated
from kkr.site.views.common import View
from kkr.site.views.front import FRONT
from kkr.site.views.site import all_views

logger = logging.getLogger(__name__)


def _location(path: Path, line: int) -> nodes.Element:
    where = nodes.Element()
    where.source, where.line = str(path), line
    return where


def _menu(cfg: SiteConfig, srcdir: Path) -> list[str]:
    extra = []
    for name in cfg.menu:
        if any((srcdir / name).with_suffix(s).is_file() for s in (".md", ".rst")):
            extra.append(name)
        else:
            logger.warning(
                "kkr_menu names %s, which is not a page; e.g. kkr_menu = ('docs/om-kkr',)",
                name,
                type="kkr",
                subtype="config",
            )
    return extra


def _report(diagnostics: list[Diagnostic], srcdir: Path) -> None:
    for diag in diagnostics:
        where = _location(
            srcdir / diag.file if not Path(diag.file).is_absolute() else Path(diag.file), diag.line
        )
        message = f"{diag.severity}[{diag.code}]: {diag.message}"
        if diag.severity == "error":
            logger.error(message, location=where, type="kkr", subtype="record")
        else:
            logger.warning(message, location=where, type="kkr", subtype="record")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _domain(app: Sphinx) -> KkrDomain:
    domain = app.env.domains["kkr"]
    assert isinstance(domain, KkrDomain)
    return domain


def _load(app: Sphinx) -> tuple[Corpus, dict[str, View]]:
    cfg = SiteConfig.from_app(app)
    corpus = source.corpus(app, cfg.records)
    # The page models live to the end of the build and hold no cycles: the cyclic
    # collector, rescanning them on every pass, took half of their building time.
    with paused_gc():
        views = all_views(corpus, cfg.pages_prefix, _domain(app).site_menu, build_day())
    _domain(app).site_views = views
    return corpus, views


def on_builder_inited(app: Sphinx) -> None:
    """Report the records' problems, know every page model's fingerprint, write page sources.

    While the record files, the code and the settings are those of the last build, its
    snapshot (site/cache.py) stands in for the records: nothing is loaded.
    """
    cfg = SiteConfig.from_app(app)
    srcdir = Path(app.srcdir)
    domain = _domain(app)
    domain.site_menu = _menu(cfg, srcdir)
    domain.site_prefix = cfg.pages_prefix
    domain.site_views = None
    day = build_day().isoformat()
    # The pages' Historik sections come from git: a new commit is a new snapshot.
    stamp = history.read(cfg.records).stamp()
    wanted = cache.key(cfg.records, (cfg.pages_prefix, day, stamp, *domain.site_menu))
    domain.site_key = wanted
    snapshot = cache.read(Path(app.doctreedir), wanted)
    if snapshot is None:
        corpus, views = _load(app)
        trails = navigation.trails(corpus, cfg.pages_prefix, views)
        snapshot = cache.Snapshot(
            key=wanted,
            # A page's place (its neighbours by date, its ancestors) is in its fingerprint:
            # a new meeting changes the "Forrige møde" link of the next one, which a change to
            # the navigation no longer makes every page show (year pages are not in it).
            prints={key: fingerprint([view, trails.get(key)]) for key, view in views.items()},
            orphans={key: bool(view["orphan"]) for key, view in views.items()},
            diagnostics=corpus.diagnostics,
            files=corpus.files,
            newest=_iso(status.data_date(corpus)),
            trails=trails,
            search=search.page_filters(corpus, cfg.pages_prefix),
        )
        cache.write(Path(app.doctreedir), snapshot)
    domain.site_prints = dict(snapshot.prints)
    domain.site_trails = snapshot.trails
    domain.site_search = snapshot.search
    freshness.note(domain, date.fromisoformat(snapshot.newest) if snapshot.newest else None)
    _report(snapshot.diagnostics, srcdir)
    written, deleted = pages.write(cfg.pages, cfg.pages_prefix, snapshot.orphans)
    # The front page lives at the site root (root_doc), so that / serves it.
    pages.write_front(srcdir, str(app.config.root_doc), FRONT)
    logger.info(
        "kkr: %d records, %d pages (%d written, %d deleted)",
        snapshot.files,
        len(snapshot.prints),
        written,
        deleted,
    )


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Build the page models when some page is read; a rebuild that reads none never does."""
    if docnames and _domain(app).site_views is None:
        _load(app)


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages whose model changed although their source did not (backlinks, lists)."""
    domain = env.domains["kkr"]
    assert isinstance(domain, KkrDomain)
    incremental.note_removed(app, removed, env)
    return [name for name in outdated(domain, removed) if name not in changed and name not in added]
