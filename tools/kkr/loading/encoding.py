"""Messages for text in the wrong encoding, shared by records and imported documents."""

from __future__ import annotations

from kkr.i18n import _


def not_utf8(raw: bytes, offset: int, file: str) -> str:
    """Why byte ``offset`` of ``raw`` is not UTF-8, and the editor steps that keep the letters."""
    byte = raw[offset]
    try:
        letter = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        letter = ""
    guess = (
        _(" (in Windows-1252, the usual Danish encoding, it is «{letter}»)").format(letter=letter)
        if letter.isprintable() and letter
        else ""
    )
    return _(
        "byte 0x{byte:02x} is not valid UTF-8{guess}: the file was saved in another encoding. "
        "Do not just save it as UTF-8, which turns the letter into U+FFFD. In VS Code: "
        "'Reopen with Encoding' → 'Western (Windows 1252)', check that æ, ø and å look right, "
        "then 'Save with Encoding' → 'UTF-8'. Or convert it: kkr fix-encoding {file}"
    ).format(byte=byte, guess=guess, file=file)


def replacement_character() -> str:
    """Why U+FFFD in a text is an error, and what to do about it."""
    return _(
        "the text holds U+FFFD (�), which an editor writes for a letter it could not read: "
        "the text was damaged by a wrong encoding, and the letter is lost. Restore the "
        "original characters, e.g. 'Hanne Østergaard' for 'Hanne �stergaard', from the "
        "original document or an earlier version (git log -p)"
    )
