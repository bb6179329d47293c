"""Build event handlers: load the records, build page models, report outdated pages."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from kkr.site import freshness, navigation, pages, search, source, status
from kkr.site.blocks import fingerprint
from kkr.site.config import SiteConfig
from kkr.site.dates import build_day
from kkr.site.domain import KkrDomain, outdated
from kkr.site.views.front import FRONT
from kkr.site.views.site import all_views

logger = logging.getLogger(__name__)


def _location(path: Path, line: int) -> nodes.Element:
    where = nodes.Element()
    where.source, where.line = str(path), line
    return where


def on_builder_inited(app: Sphinx) -> None:
    """Load the corpus, report its problems, build the page models and write page sources."""
    cfg = SiteConfig.from_app(app)
    srcdir = Path(app.srcdir)
    corpus = source.load(cfg.records, srcdir)
    for diag in corpus.diagnostics:
        where = _location(
            srcdir / diag.file if not Path(diag.file).is_absolute() else Path(diag.file), diag.line
        )
        message = f"{diag.severity}[{diag.code}]: {diag.message}"
        if diag.severity == "error":
            logger.error(message, location=where, type="kkr", subtype="record")
        else:
            logger.warning(message, location=where, type="kkr", subtype="record")
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
    views = all_views(corpus, cfg.pages_prefix, extra, build_day())
    domain = app.env.domains["kkr"]
    assert isinstance(domain, KkrDomain)
    domain.site_views = views
    domain.site_prints = {key: fingerprint(view) for key, view in views.items()}
    domain.site_trails = navigation.trails(corpus, cfg.pages_prefix, views)
    domain.site_search = search.page_filters(corpus, cfg.pages_prefix)
    freshness.note(domain, status.data_date(corpus))
    written, deleted = pages.write(cfg.pages, cfg.pages_prefix, views)
    # The front page lives at the site root (root_doc), so that / serves it.
    pages.write_front(srcdir, str(app.config.root_doc), FRONT)
    logger.info(
        "kkr: %d records, %d pages (%d written, %d deleted)",
        corpus.files,
        len(views),
        written,
        deleted,
    )


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages whose model changed although their source did not (backlinks, lists)."""
    domain = env.domains["kkr"]
    assert isinstance(domain, KkrDomain)
    return [name for name in outdated(domain, removed) if name not in changed and name not in added]
