"""Record text made inert for a terminal and for a GitHub job summary."""

from __future__ import annotations

import re
import unicodedata

# What GitHub turns into a link or a notification in Markdown: a scheme (https://, mailto:,
# xmpp:), a www. name, an e-mail address or @mention (both hold @), and issue references.
_LINKISH = re.compile(r"://|www\.|@|mailto:|xmpp:|#\d|gh-\d", re.IGNORECASE)
_MARKUP = "\\`*_[]<>#|~&$"
# A list item, ordered list or setext underline may start a line; escape its first character.
_BLOCK_START = re.compile(r"([-+=])|\d{1,9}([.)])")


def visible(text: str) -> str:
    r"""Return ``text`` with every invisible or control character written as ``\uXXXX``.

    Line feeds, ESC, bidirectional overrides, zero-width characters and the other
    non-printable characters (all but spaces such as U+00A0) then neither add a line, nor
    reach a terminal raw, nor hide text from a reviewer.
    """
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(char):04x}"
        if not char.isprintable() and unicodedata.category(char) != "Zs"
        else char
        for char in text
    )


def markdown(text: str) -> str:
    """Return ``text`` as inert Markdown on one line: no markup, no live link, no mention.

    Links are neutralised with code spans, not zero-width joiners: a code span is the one
    place CommonMark and GitHub never autolink or mention, it shows the reviewer that the
    text is literal, and copying it gives back the exact text (a joiner would hide in it).
    """
    parts = re.split(r"(\s+)", visible(text))
    out = "".join(
        _code_span(part) if _LINKISH.search(part) else _escape(part) if part.strip() else part
        for part in parts
    )
    # Leading spaces would indent the line into a code block, so they are written as entities.
    stripped = out.lstrip(" ")
    out = "&#32;" * (len(out) - len(stripped)) + stripped
    start = _BLOCK_START.match(out)
    if start:
        at = start.end() - 1
        out = out[:at] + "\\" + out[at:]
    return out


def _escape(text: str) -> str:
    return "".join(f"\\{char}" if char in _MARKUP else char for char in text)


def _code_span(text: str) -> str:
    """Wrap ``text`` in a code span whose backtick fence is longer than any run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
