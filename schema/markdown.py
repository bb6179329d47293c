"""Markdown record text and the safety rules it must satisfy."""

from __future__ import annotations

import re
from typing import Annotated, Any

from kkr.i18n import _
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
ALLOWED_ROLE_PREFIX = "kkr:"
TABLE_TOKEN = re.compile(r"^\[\[tabel:([a-z0-9-]+)\]\]$", re.MULTILINE)

_parser = (
    MarkdownIt("commonmark", {"html": True})
    .enable("table")
    .use(myst_role_plugin)
    .use(myst_block_plugin)
    .use(colon_fence_plugin)
)
# Let every link through the parser so that the check below sees and names it;
# markdown-it would otherwise quietly turn a javascript: link into text.
_parser.validateLink = lambda url: True  # type: ignore[method-assign]


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


# Every construct checked below needs one of these; text without any is skipped
# unparsed, which is most record text and most of the validator's time.
_MAY_BE_UNSAFE = re.compile(r"[<{`~&\\]|\]\s*[(:\[]|^[ \t]*(?:\(|%|\+\+\+|:::)", re.MULTILINE)


def problems(text: str) -> list[tuple[int, str]]:
    """Return (0-based line, sentence) for every unsafe construct in ``text``."""
    found: list[tuple[int, str]] = []
    if not _MAY_BE_UNSAFE.search(text):
        return found
    for line, token in _walk_lines(_parser.parse(text)):
        if token.type in ("html_block", "html_inline"):
            snippet = token.content.strip().splitlines()[0][:40] if token.content.strip() else ""
            found.append(
                (
                    line,
                    _(
                        "raw HTML {snippet!r} is not allowed in record text; write Markdown "
                        "instead, e.g. **fed** for <b>fed</b>"
                    ).format(snippet=snippet),
                )
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
