"""The Sphinx side of the exports: build them once, show them on pages, write them to the site."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kkr.exports import calendar, feeds, jsonld, stored
from kkr.exports.bundle import DIRS, Bundle, bundle
from kkr.exports.charts import chart_path
from kkr.exports.context import LOCAL_BASE, ExportContext
from kkr.exports.license import statement
from kkr.gcpause import paused_gc
from kkr.i18n import _
from kkr.site import descriptions, paths, source
from kkr.site.config import SiteConfig

logger = logging.getLogger(__name__)


@dataclass
class _State:
    """This build's exports, each part made on first use.

    The context (and with it the corpus) and the feeds are cheap and made before any page is
    written, so that forked writers inherit them. The files are made when a hand-written page
    is read (it may show them) or after the pages are written, while Pagefind indexes them.
    """

    make: Callable[[], ExportContext]
    key: str
    last: stored.Manifest | None
    """The last build's manifest, when it was made under this build's key."""
    made: ExportContext | None = None
    built: Bundle | None = None
    listed: list[tuple[str, str, str]] | None = None

    def ctx(self) -> ExportContext:
        """The records and settings the exports are made from."""
        if self.made is None:
            self.made = self.make()
        return self.made

    def bundle(self) -> Bundle:
        """The export files and what the pages say about them."""
        if self.built is None:
            with paused_gc():
                self.built = bundle(self.ctx())
        return self.built

    def feeds(self) -> list[tuple[str, str, str]]:
        """Each feed's (path, title, page); the last build's while the records are the same."""
        if self.listed is None:
            if self.last is not None:
                self.listed = self.last.feeds
            else:
                made = self.built.feeds if self.built else feeds.all_feeds(self.ctx())
                self.listed = [(feed.path, feed.title, feed.page) for feed in made]
        return self.listed


# One state per source directory; parallel workers inherit it when they fork.
_STATES: dict[str, _State] = {}


def _bundle(srcdir: object) -> Bundle | None:
    state = _STATES.get(str(srcdir))
    return state.bundle() if state else None


def _key(app: Sphinx, base: str) -> str:
    # The site's snapshot key covers the records, the code and its settings (site/cache.py);
    # the exports depend on the base URL and the build stamp as well.
    site: str = getattr(app.env.domains["kkr"], "site_key", "")
    if not site:
        return ""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    license = repr(SiteConfig.from_app(app).license)
    return "\0".join((site, base, epoch, str(app.config.root_doc), license))


def on_builder_inited(app: Sphinx) -> None:
    """Prepare this build's exports; while the records are the last build's, make nothing yet."""
    if app.builder.format != "html":
        return
    cfg = SiteConfig.from_app(app)
    base = str(app.config.html_baseurl or "")
    if not base:
        logger.info(
            _(
                "kkr: html_baseurl is not set, so the OParl tree, calendar and feeds use {local}; "
                "set it in conf.py to the published address, "
                "e.g. html_baseurl = 'https://kkr.example.dk/'"
            ).format(local=LOCAL_BASE)
        )

    def make() -> ExportContext:
        corpus = source.corpus(app, cfg.records)
        return ExportContext.create(
            corpus, base, cfg.pages_prefix, str(app.config.root_doc), cfg.license
        )

    key = _key(app, base)
    last = stored.read(Path(app.doctreedir), key) if key else None
    state = _STATES[str(app.srcdir)] = _State(make, key, last)
    if last is None:
        state.feeds()


def on_before_read(app: Sphinx, env: Any, docnames: list[str]) -> None:
    """Before pages are read, make in the main process what they and the pages written may need.

    Forked readers and writers inherit it; made in one of them, it would be made again in each.
    A page that is read may change every sidebar, and so have every meeting page written again
    (which needs the context); a hand-written page may show the export files.
    """
    state = _STATES.get(str(app.srcdir))
    if state is None or not docnames:
        return
    state.ctx()
    prefix = SiteConfig.from_app(app).pages_prefix + "/"
    if any(not name.startswith(prefix) for name in docnames):
        state.bundle()


def _exported(out: Path) -> list[str]:
    # os.walk, not Path.rglob: the OParl tree alone is thousands of files at archive scale.
    found: list[str] = []
    for directory in DIRS:
        for root, _folders, names in os.walk(out / directory):
            base = Path(root).relative_to(out).as_posix()
            found += [f"{base}/{name}" for name in names]
    return sorted(found)


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Write the export files into the built site and remove stale ones."""
    state = _STATES.get(str(app.srcdir))
    if exception is not None or state is None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    present = _exported(out)
    if state.built is None and state.last and stored.intact(out, state.last, present):
        return
    found = state.bundle()
    for name in present:
        if name not in found.files:
            (out / name).unlink()
    for name, data in found.files.items():
        target = out / name
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if state.key:
        stamps = {name: stored.stamp(out / name) for name in sorted(found.files)}
        files = {name: known for name, known in stamps.items() if known is not None}
        stored.write(Path(app.doctreedir), stored.Manifest(state.key, files, state.feeds()))


def _relative(pagename: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(pagename) or ".")


def _webcal(ctx: ExportContext) -> str:
    return "webcal://" + ctx.url(calendar.ALL).split("://", 1)[1]


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Advertise the feeds in the head; add the calendar, Følg and JSON-LD where they belong."""
    state = _STATES.get(str(app.srcdir))
    if state is None:
        return
    head: list[str] = []
    links: list[str] = []
    for path, title, page in state.feeds():
        if page in ("", pagename):
            href = escape(_relative(pagename, path))
            head.append(
                f'<link rel="alternate" type="application/atom+xml" '
                f'title="{escape(title)}" href="{href}">'
            )
            if page == pagename:
                links.append(f'<a href="{href}" title="{escape(title)}">Følg</a> (Atom-feed)')
    meeting_id = pagename.rsplit("/", 1)[-1]
    prefix = SiteConfig.from_app(app).pages_prefix
    # Only meeting pages and the front page need the exports themselves.
    meeting = pagename == paths.page(prefix, "meeting", meeting_id)
    ctx = state.ctx() if meeting or pagename == app.config.root_doc else None
    if ctx and meeting and ctx.corpus.get("meeting", meeting_id):
        href = escape(_relative(pagename, calendar.meeting_path(meeting_id)))
        links.append(f'<a href="{href}" download>Tilføj til kalender</a>')
        head.append(jsonld.script(ctx, meeting_id))
        _describe(context, jsonld.summary(ctx, meeting_id))
    if ctx and pagename == app.config.root_doc:
        links.append(f'<a href="{escape(_webcal(ctx))}">Abonnér på mødekalenderen</a>')
        links.append(
            f'<a href="{escape(_relative(pagename, calendar.ALL))}">Hent kalenderen som fil</a>'
        )
    context["metatags"] = context.get("metatags", "") + "".join("\n" + tag for tag in head)
    body = context.get("body")
    if links and isinstance(body, str):
        block = '<p class="kkr-follow">' + " · ".join(links) + "</p>"
        end = body.find("</h1>")
        cut = end + len("</h1>") if end >= 0 else 0
        context["body"] = body[:cut] + block + body[cut:]


def _cell(value: Any) -> nodes.entry:
    inline = value if isinstance(value, nodes.Node) else nodes.Text(str(value))
    return nodes.entry("", nodes.paragraph("", "", inline))


def _describe(context: dict[str, Any], text: str) -> None:
    # sphinxext-opengraph takes og:* from the page's metadata and keeps an existing description.
    if not text:
        return
    # It writes og:* values into the tag as they are, so they are escaped here.
    text = descriptions.cut(text)
    context["meta"] = dict(context.get("meta") or {}, **{"og:description": escape(text)})
    context["metatags"] = (
        context.get("metatags", "") + f'\n<meta name="description" content="{escape(text)}">'
    )


def _table(columns: list[str], rows: list[list[Any]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(columns))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in columns)
    for part, values in ((nodes.thead(), [columns]), (nodes.tbody(), rows)):
        part.extend(nodes.row("", *(_cell(value) for value in cells)) for cells in values)
        group += part
    return table


class chart(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """An SVG chart written next to the page, shown as an image with its text alternative."""


def visit_chart(self: Any, node: chart) -> None:
    """Write the <img> of a chart with a link relative to the page."""
    src = _relative(self.builder.current_docname, node["path"])
    self.body.append(
        f'<figure class="kkr-chart"><img src="{escape(src)}" alt="{escape(node["alt"])}" '
        'style="width:100%;height:auto"></figure>'
    )
    raise nodes.SkipNode


class ExportDirective(SphinxDirective):
    """Base: pages showing exports are re-read whenever a record changes."""

    def found(self) -> Bundle | None:
        """The bundle of this build, if the builder made one."""
        found = _bundle(self.env.srcdir)
        for path in found.ctx.corpus.paths if found else []:
            self.env.note_dependency(str(path))
        return found


ONLY_HTML = "Tallene og filerne findes kun i HTML-udgaven af siden."


class DownloadsDirective(ExportDirective):
    """The table of downloads on the Data page, with sizes measured in this build."""

    def run(self) -> list[nodes.Node]:
        """Return the table."""
        found = self.found()
        if found is None:
            return [nodes.paragraph(text=ONLY_HTML)]
        rows = []
        for item in found.downloads:
            size = f"{item.size / 1024:.1f} kB".replace(".", ",")
            if item.files > 1:
                size += f" i {item.files} filer"
            target = item.page + ".html" if item.page else item.path
            link = nodes.reference("", item.title, refuri=_relative(self.env.docname, target))
            rows.append([nodes.inline("", "", link, nodes.Text(f" – {item.description}")), size])
        # Two columns stay readable on a phone.
        return [_table(["Fil", "Størrelse"], rows)]


class FigureDirective(ExportDirective):
    """One figure of "Tal og tendenser": its chart, its note and its data as a table."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Return the chart, the note and the table."""
        found = self.found()
        if found is None:
            return [nodes.paragraph(text=ONLY_HTML)]
        figure = next((f for f in found.figures if f.name == self.arguments[0]), None)
        if figure is None:
            names = ", ".join(f.name for f in found.figures)
            message = _("there is no figure {name!r}; write one of {names}, e.g. emner")
            raise self.error(message.format(name=self.arguments[0], names=names))
        out: list[nodes.Node] = [nodes.paragraph(text=figure.alt)]
        if chart_path(figure) in found.files:
            out.append(chart(path=chart_path(figure), alt=figure.alt))
        if figure.note:
            out.append(nodes.paragraph(text=figure.note))
        out.append(_table(figure.columns, figure.rows))
        return out


class LicenseDirective(SphinxDirective):
    """The data licence set in conf.py, or the plain statement that none has been chosen."""

    def run(self) -> list[nodes.Node]:
        """Return the paragraph."""
        license = SiteConfig.from_app(self.env.app).license
        if license is None:
            return [nodes.paragraph(text=statement(None))]
        link = nodes.reference("", license.title, refuri=license.url)
        return [
            nodes.paragraph(
                "", "", nodes.Text("Dataene må genbruges på vilkårene i "), link, nodes.Text(".")
            )
        ]


def register(app: Sphinx) -> None:
    """Register the directives, the chart node and the build events of the exports."""
    app.add_node(chart, html=(visit_chart, None))
    app.add_directive("kkr-downloads", DownloadsDirective)
    app.add_directive("kkr-figure", FigureDirective)
    app.add_directive("kkr-license", LicenseDirective)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-before-read-docs", on_before_read)
    # Before sphinxext-opengraph (priority 500), so it sees the meeting's own description.
    app.connect("html-page-context", on_page_context, priority=400)
    app.connect("build-finished", on_build_finished)
