"""The source documents on the site: their numbered lines as HTML, and the files for download."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from kkr.site import citing
from kkr.site.config import SiteConfig
from kkr.site.render import source_lines

logger = logging.getLogger(__name__)


def _range_label(start: int, end: int) -> str:
    return f"Henvisningen gælder linje {start}–{end}"


def visit_lines(self: HTML5Translator, node: source_lines) -> None:
    """Every line as an element with id L<n>; each cited range gets an anchor before it.

    The document is untrusted text: every line is escaped. A cited range L272-L274 is an
    anchor of its own, so the browser scrolls to it and :target shows which lines are meant
    even without JavaScript; kkr-lines.js then marks the lines themselves.
    """
    starts: dict[int, list[int]] = {}
    for start, end in node["ranges"]:
        if start < end:
            starts.setdefault(start, []).append(end)
    # Out of the search index: a search should land on the records' pages, which cite these.
    out = ['<div class="kkr-lines" lang="da" data-pagefind-ignore="all">']
    for number, text in enumerate(node["lines"], start=1):
        for end in sorted(set(starts.get(number, []))):
            out.append(
                f'<p class="kkr-range" id="L{number}-L{end}" tabindex="-1">'
                f"{_range_label(number, end)}</p>"
            )
        out.append(
            f'<p class="kkr-line" id="L{number}">'
            f'<span class="kkr-ln">{number}</span> '
            f'<span class="kkr-lt">{escape(text, quote=True)}</span></p>'
        )
    out.append("</div>")
    self.body.append("".join(out))
    raise nodes.SkipNode


def copy_documents(app: Sphinx, exception: Exception | None) -> None:
    """Publish each document and its PDF or DOCX beside its page, e.g. arkiv/kilder/x.txt.

    Only regular files whose names the pages may link to are copied, and a file whose bytes
    are already there is left alone, so a rebuild writes nothing new.
    """
    if exception is not None or app.builder.format != "html":
        return
    cfg = SiteConfig.from_app(app)
    folder = cfg.records / citing.DOCUMENTS
    if not folder.is_dir():
        return
    target = Path(app.outdir) / cfg.pages_prefix / citing.KILDER
    for name in published(folder):
        data = (folder / name).read_bytes()
        path = target / name
        if path.is_file() and path.read_bytes() == data:
            continue
        target.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def published(folder: Path) -> list[str]:
    """The file names in ``folder`` that are published: documents and their originals."""
    names: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.is_symlink() or not path.is_file():
            continue
        base, _dot, suffix = path.name.rpartition(".")
        original = f".{suffix}" in citing.ORIGINALS and any(
            citing.is_document(f"{base}{kind}") and (folder / f"{base}{kind}").is_file()
            for kind in (".txt", ".md")
        )
        if citing.is_document(path.name) or original:
            names.append(path.name)
    return names


def skip(self: Any, node: nodes.Node) -> None:
    """Non-HTML builders leave the lines out."""
    raise nodes.SkipNode
