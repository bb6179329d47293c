"""The one Markdown parser for record text, linear in the length of its input.

Validation (schema/markdown.py) and the site (kkr/site/mdrender.py) share it, so what the
validator accepts is exactly what the site renders. Raw HTML is off: an HTML tag stays text,
which the validator then reports. Four rules of markdown-it-py and its MyST plugin are
quadratic on crafted input; they are replaced here by linear ones with the same results:

- ``fragments_join`` concatenates adjacent text tokens one by one, so 100,000 unmatched
  emphasis markers (``*a *a *a``) copy the growing text 100,000 times;
- ``myst_role`` and ``entity`` copy the rest of the text (``src[pos:]``) at every ``{``,
  ``<``, ``&`` or other stop character, so a long run of ``<`` copies it at each one;
- the inline tokenizer appends every piece of plain text to one string attribute, which
  copies the whole string each time, so a paragraph with no markup (``<a b="`` repeated)
  is quadratic in its length. Here the text so far becomes a token every few kilobytes;
  ``fragments_join`` merges them again.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.entities import entities
from markdown_it.common.utils import fromCodePoint, isValidEntityCode
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

_ROLE_NAME = re.compile(r"\{([a-zA-Z0-9_\-+:]+)\}")
_DIGITAL = re.compile(r"&#((?:x[a-f0-9]{1,6}|[0-9]{1,7}));", re.IGNORECASE)
_NAMED = re.compile(r"&([a-z][a-z0-9]{1,31});", re.IGNORECASE)


def _myst_role(state: StateInline, silent: bool) -> bool:
    # As mdit_py_plugins.myst_role, matching in place instead of on a copy of the rest.
    src = state.src
    if src[state.pos] != "{":
        return False
    match = _ROLE_NAME.match(src, state.pos)
    if not match:
        return False
    start = pos = match.end()
    while pos < len(src) and src[pos] == "`":
        pos += 1
    ticks = pos - start
    if not ticks or pos >= len(src):
        return False
    close = src.find("`" * ticks, pos + 1)
    if close < 0:
        return False
    if not silent:
        token = state.push("myst_role", "", 0)
        token.meta = {"name": match.group(1)}
        token.content = src[pos:close].replace("\n", " ")
    state.pos = close + ticks
    return True


def _entity(state: StateInline, silent: bool) -> bool:
    # As markdown_it.rules_inline.entity, matching in place instead of on a copy of the rest.
    pos = state.pos
    if state.src[pos] != "&" or pos + 1 >= state.posMax:
        return False
    if state.src[pos + 1] == "#":
        match = _DIGITAL.match(state.src, pos)
        if not match:
            return False
        number = match.group(1)
        code = int(number[1:], 16) if number[0].lower() == "x" else int(number, 10)
        content = fromCodePoint(code) if isValidEntityCode(code) else fromCodePoint(0xFFFD)
    else:
        match = _NAMED.match(state.src, pos)
        if not match or match.group(1) not in entities:
            return False
        content = entities[match.group(1)]
    if not silent:
        token = state.push("text_special", "", 0)
        token.content = content
        token.markup = match.group(0)
        token.info = "entity"
    state.pos = match.end()
    return True


def _fragments_join(state: StateInline) -> None:
    # As markdown_it.rules_inline.fragments_join: recompute levels and merge adjacent text
    # tokens, joining each run once instead of concatenating token by token.
    level = 0
    out: list[Token] = []
    run: list[str] = []
    for token in state.tokens:
        if token.nesting < 0:
            level -= 1
        token.level = level
        if token.nesting > 0:
            level += 1
        if token.type == "text" and run:
            run.append(token.content)
            continue
        if len(run) > 1:
            out[-1].content = "".join(run)
        run = [token.content] if token.type == "text" else []
        out.append(token)
    if len(run) > 1:
        out[-1].content = "".join(run)
    state.tokens[:] = out


_PENDING_LIMIT = 4096


def _tokenize(state: StateInline) -> None:
    # As markdown_it.parser_inline.ParserInline.tokenize, flushing long pending text.
    rules = state.md.inline.ruler.getRules("")
    end = state.posMax
    max_nesting = state.md.options["maxNesting"]
    ok = False
    while state.pos < end:
        # Never flush trailing spaces: the newline rule reads them to find hard breaks.
        if len(state.pending) > _PENDING_LIMIT and state.pending[-1] != " ":
            state.pushPending()
        if state.level < max_nesting:
            for rule in rules:
                ok = rule(state, False)
                if ok:
                    break
        if ok:
            if state.pos >= end:
                break
            continue
        state.pending += state.src[state.pos]
        state.pos += 1
    if state.pending:
        state.pushPending()


def make_parser() -> MarkdownIt:
    """CommonMark with tables, MyST roles, blocks and colon fences, and no raw HTML."""
    md = (
        MarkdownIt("commonmark", {"html": False})
        .enable("table")
        .use(myst_role_plugin)
        .use(myst_block_plugin)
        .use(colon_fence_plugin)
    )
    md.inline.ruler.at("myst_role", _myst_role)
    md.inline.ruler.at("entity", _entity)
    md.inline.ruler2.at("fragments_join", _fragments_join)
    md.inline.tokenize = _tokenize  # type: ignore[method-assign]
    # An escaped character stays its own token, so that "\\<b>" is not mistaken for a tag.
    md.core.ruler.disable("text_join")
    # Let every link through, so that validation sees and names an unsafe one and the
    # site shows it as blocked text; markdown-it would otherwise quietly make it text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


PARSER = make_parser()
