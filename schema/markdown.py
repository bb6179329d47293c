"""Markdown record text and the safety rules it must satisfy."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any

from kkr.i18n import _
from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

if TYPE_CHECKING:
    from markdown_it.token import Token

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
ALLOWED_ROLE_PREFIX = "kkr:"
TABLE_TOKEN = re.compile(r"^\[\[tabel:([a-z0-9-]+)\]\]$", re.MULTILINE)
# What the parser leaves as text but a browser would read as a tag, a comment or an autolink.
_TAG = re.compile(r"<[A-Za-z/!?][^<>\n]{0,38}>?")


def _scheme(url: str) -> str | None:
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


def _walk_lines(tokens: list[Token]) -> list[tuple[int, Token]]:
    out: list[tuple[int, Token]] = []
    line = 0
    for token in tokens:
        if token.map:
            line = token.map[0]
        out.append((line, token))
        out.extend((line, child) for child in token.children or [])
    return out


# The cheapest exact test: text with none of these cannot hold any construct that problems()
# reports, so it is not parsed at all. Most record text has links and kkr roles, which pass:
# a link's destination is checked here, and only a destination with an unsafe scheme or with
# characters that markdown-it could decode into one sends the text to the parser.
_SUSPECT = re.compile(
    r"<[A-Za-z/!?]"  # a tag, a comment or an autolink
    r"|\]\(\s*(?P<url>[^\s()<>]*)(?P<after>.?)"  # an inline link or image
    r"|\]:"  # a link reference definition
    r"|\{(?!kkr:)[a-zA-Z0-9_\-+:]+\}`"  # a role other than kkr:
    r"|(?<![`~:])(?:`{3,}|~{3,}|:{3,})[ \t]*\{"  # a directive fence
)
# A MyST comment or target (a whole line "(...)=", so any line starting with "("), or a
# block break, whose three + may stand apart ("+ + +"). Searched for apart, after a line
# break put before the text, so that the search skips from line start to line start: as
# an alternative of _SUSPECT with ^ it was tried at every character (40 % of its time).
_SUSPECT_LINE = re.compile(r"\n(?:[ \t>*+\-.)0-9]*[%(]|(?:[ \t>*\-.)0-9]*\+){3})")
_SAFE_PREFIXES = tuple(f"{scheme}:" for scheme in SAFE_SCHEMES)
_PLAIN_URL = re.compile(r"[A-Za-z0-9/:._~%?#=+@!$,;'*\-]*")


def _needs_parse(text: str) -> bool:
    if _SUSPECT_LINE.search("\n" + text):
        return True
    for match in _SUSPECT.finditer(text):
        url = match.group("url")
        if url is None:
            return True
        if match.group("after") not in ("", ")", " ", "\n", "\t") or not _PLAIN_URL.fullmatch(url):
            return True
        if ":" not in url or url.startswith(_SAFE_PREFIXES):
            continue
        scheme = _scheme(url)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            return True
    return False


def problems(text: str) -> list[tuple[int, str]]:
    """Return (0-based line, sentence) for every unsafe construct in ``text``."""
    return _parse_problems(text) if _needs_parse(text) else []


def _parse_problems(text: str) -> list[tuple[int, str]]:
    # Imported here: most record text never needs the parser, and loading markdown-it
    # was a sixth of `kkr validate`'s start-up.
    from schema.mdparser import PARSER

    found: list[tuple[int, str]] = []
    for line, token in _walk_lines(PARSER.parse(text)):
        if token.type == "text" and "<" in token.content:
            found.extend(
                (
                    line,
                    _(
                        "raw HTML {snippet!r} is not allowed in record text; write Markdown "
                        "instead, e.g. **fed** for <b>fed</b>"
                    ).format(snippet=tag.group(0)),
                )
                for tag in _TAG.finditer(token.content)
            )
        elif token.type in ("link_open", "image"):
            attr = "href" if token.type == "link_open" else "src"
            url = str(token.attrs.get(attr, ""))
            scheme = _scheme(url)
            if scheme is not None and scheme not in SAFE_SCHEMES:
                found.append(
                    (
                        line,
                        _(
                            "link to {url!r} uses the {scheme}: scheme; only {schemes} are "
                            "allowed, e.g. [KL](https://www.kl.dk/)"
                        ).format(url=url[:40], scheme=scheme, schemes=", ".join(SAFE_SCHEMES)),
                    )
                )
        elif token.type == "fence" and token.info.strip().startswith("{"):
            found.append(
                (
                    line,
                    _(
                        "the directive {name!r} is not allowed in record text; directives can "
                        "include files or raw HTML. Use plain Markdown"
                    ).format(name=token.info.strip()[:40]),
                )
            )
        elif token.type.startswith("colon_fence") and token.info.strip().startswith("{"):
            found.append(
                (
                    line,
                    _(
                        "the directive {name!r} is not allowed in record text; use plain Markdown"
                    ).format(name=token.info.strip()[:40]),
                )
            )
        elif token.type == "myst_role":
            name = str(token.meta.get("name", ""))
            if not name.startswith(ALLOWED_ROLE_PREFIX):
                found.append(
                    (
                        line,
                        _(
                            "the role {{{name}}} is not allowed in record text; only "
                            "cross-reference roles are, e.g. {{kkr:person}}`bo-hansen`"
                        ).format(name=name),
                    )
                )
        elif token.type in ("myst_target", "myst_line_comment", "myst_block_break"):
            found.append(
                (
                    line,
                    _(
                        "the MyST block syntax {syntax!r} is not allowed in record text; use "
                        "plain Markdown"
                    ).format(syntax=token.markup or token.content),
                )
            )
    return found


def _check(value: str) -> str:
    found = problems(value)
    if found:
        # The line lets the error point inside a block of text, not just at its start.
        raise PydanticCustomError(
            "unsafe-markdown",
            "; ".join(dict.fromkeys(message for _, message in found)),
            {"line": found[0][0]},
        )
    return value


def _schema() -> dict[str, Any]:
    return {
        "type": "string",
        "description": "Markdown without raw HTML, directives or non-web links",
    }


Markdown = Annotated[str, AfterValidator(_check), WithJsonSchema(_schema())]
"""Untrusted Markdown text written by staff: no raw HTML, directives or script links."""
