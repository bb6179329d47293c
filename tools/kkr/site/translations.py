"""Danish texts for theme labels, compiled from locale/da.po when a build starts."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx
from sphinx.config import Config

PO = Path(__file__).parent / "locale" / "da.po"


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
