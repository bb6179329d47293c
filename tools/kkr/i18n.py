"""Messages in the reader's language: Danish by default, English with --lang en or KKR_LANG=en."""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

LANGUAGES = ("da", "en")
CATALOG = Path(__file__).parent / "locale" / "da" / "LC_MESSAGES" / "kkr.po"
COMPILED = CATALOG.with_suffix(".mo")

# Process-wide, like gettext.install: a command sets it once, before it reports anything.
_active: gettext.NullTranslations | None = None


def set_language(language: str | None = None) -> str:
    """Choose the language of messages (``da`` or ``en``; default from KKR_LANG, else ``da``)."""
    global _active  # noqa: PLW0603
    chosen = language or os.environ.get("KKR_LANG") or "da"
    if chosen not in LANGUAGES:
        chosen = "da"
    _active = _danish() if chosen == "da" else gettext.NullTranslations()
    return chosen


def active_language() -> str:
    """Return the language messages are shown in: ``da`` or ``en``."""
    if _active is None:
        set_language()
    return "en" if type(_active) is gettext.NullTranslations else "da"


def _(message: str) -> str:
    """Return ``message`` (an English msgid) in the active language."""
    if _active is None:
        set_language()
    assert _active is not None
    return _active.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for translation where it is defined; ``_()`` translates it when shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the singular or plural form for ``count`` in the active language."""
    if _active is None:
        set_language()
    assert _active is not None
    return _active.ngettext(singular, plural, count)


def _danish() -> gettext.NullTranslations:
    # `make` compiles the catalog; a checkout that skipped it compiles it in memory instead.
    if COMPILED.exists() and COMPILED.stat().st_mtime >= CATALOG.stat().st_mtime:
        with COMPILED.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    return gettext.GNUTranslations(io.BytesIO(compile_catalog()))


def compile_catalog() -> bytes:
    """Return the Danish catalog compiled to the .mo format."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with CATALOG.open("rb") as source:
        catalog = read_po(source, locale="da")
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()
