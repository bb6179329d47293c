"""Danish texts for theme labels: Sphinx's catalog from locale/da.po, and Furo's fixed texts."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx
from sphinx.config import Config

PO = Path(__file__).parent / "locale" / "da.po"

# Furo writes these in English without a gettext call, so the catalog cannot reach them.
# Each is replaced where it appears verbatim in a rendered theme page.
THEME_TEXTS = {
    'aria-label="Toggle site navigation sidebar"': 'aria-label="Vis eller skjul menuen"',
    'aria-label="Toggle table of contents sidebar"': 'aria-label="Vis eller skjul indholdet"',
    'aria-label="Toggle Light / Dark / Auto color theme"': (
        'aria-label="Skift farvetema: lyst, mørkt eller som systemet"'
    ),
    'aria-label="Toggle navigation of ': 'aria-label="Vis eller skjul undersider til ',
    "<title>Contents</title>": "<title>Indhold</title>",
    "<title>Expand</title>": "<title>Fold ud</title>",
    "<title>Light mode</title>": "<title>Lyst tema</title>",
    "<title>Dark mode</title>": "<title>Mørkt tema</title>",
    "<title>Auto light/dark, in light mode</title>": "<title>Som systemet, nu lyst</title>",
    "<title>Auto light/dark, in dark mode</title>": "<title>Som systemet, nu mørkt</title>",
    "<title>Edit this page</title>": "<title>Rediger denne side</title>",
    "<title>View this page</title>": "<title>Vis denne side</title>",
    ('<a class="muted-link" href="https://pradyunsg.me">@pradyunsg</a>\'s\n'): "",
    # "#" alone is a link with no target; the article is the top of what the reader reads.
    '<a href="#" class="back-to-top muted-link">': (
        '<a href="#furo-main-content" class="back-to-top muted-link">'
    ),
    '<a href="https://github.com/pradyunsg/furo">Furo</a>': (
        'temaet <a href="https://github.com/pradyunsg/furo">Furo</a>'
    ),
}


def add_danish_catalog(app: Sphinx, config: Config) -> None:
    """Compile the catalog into the doctree directory and add it as a fallback."""
    if config.language != "da":
        return
    target = Path(app.doctreedir) / "kkr-locale" / "da" / "LC_MESSAGES" / "sphinx.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("rb") as source:
        catalog = read_po(source, locale="da")
    with target.open("wb") as out:
        write_mo(out, catalog)
    app.add_message_catalog("sphinx", target.parent.parent.parent)


def danish(html: str) -> str:
    """``html`` with Furo's fixed English texts in Danish."""
    for english, dansk in THEME_TEXTS.items():
        html = html.replace(english, dansk)
    return html
