"""Each page's meta and og description: clean Danish sentences, cut at a word boundary.

sphinxext-opengraph reads the first 200 characters of a page's text, which on a record page
are the cells of its fact list ("Type, Politiker,, Parti, …"), and cuts the escaped text,
sometimes inside a character reference. Here the description is built from the page's
title, its facts as "Navn: værdi." and its first paragraph of prose, cut on plain text at a
word boundary, and escaped only when written.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

LIMIT = 200
ELLIPSIS = " …"
# Facts that lead elsewhere rather than describe the page.
SKIPPED_FIELDS = ("Forrige møde", "Næste møde", "Andre navne")
MAX_FIELDS = 4
# Classes of paragraphs that are not the page's own prose.
NOT_PROSE = ("kkr-freshness", "kkr-seat", "kkr-follow", "kkr-scroll-hint", "kkr-empty")
PROSE_WORDS = 5
# A description shorter than this also names the page's sections.
SHORT = 100


def _words(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = _words(text).rstrip(" ,;:")
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def cut(text: str, limit: int = LIMIT) -> str:
    """``text`` if it fits, else its longest run of whole words that fits, with " …"."""
    text = _words(text)
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    head = room.rsplit(" ", 1)[0] if " " in room else room[: limit - len(ELLIPSIS)]
    return head.rstrip(" ,;:–-") + ELLIPSIS


def _fields(section: nodes.Element) -> list[str]:
    found: list[str] = []
    for field_list in section.findall(nodes.field_list):
        if "kkr-fields" not in field_list["classes"]:
            continue
        for field in field_list.findall(nodes.field):
            name = _words(field[0].astext())
            value = _words(field[1].astext())
            if name and value and name not in SKIPPED_FIELDS:
                found.append(f"{name}: {_sentence(value)}")
        break
    return found[:MAX_FIELDS]


def _inside(node: nodes.Node, kinds: tuple[type[nodes.Element], ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def _prose(doctree: nodes.document) -> str:
    skipped: tuple[type[nodes.Element], ...] = (
        nodes.field_list,
        nodes.table,
        nodes.Admonition,
        nodes.bullet_list,
        nodes.enumerated_list,
        nodes.definition_list,
        nodes.line_block,
    )
    for paragraph in doctree.findall(nodes.paragraph):
        if set(paragraph["classes"]) & set(NOT_PROSE) or _inside(paragraph, skipped):
            continue
        text = _words(paragraph.astext())
        if len(text.split()) >= PROSE_WORDS:
            return _sentence(text)
    return ""


def _contents(doctree: nodes.document) -> str:
    first = next(iter(doctree.findall(nodes.section)), None)
    if first is None:
        return ""
    titles = [
        _words(child[0].astext())
        for child in first.children
        if isinstance(child, nodes.section) and child.children
    ]
    if titles:
        return "Indhold: " + ", ".join(titles) + "."
    head = next(iter(first.findall(nodes.thead)), None)
    if head is not None:
        columns = [_words(entry.astext()) for entry in head.findall(nodes.entry)]
        return "En tabel med " + ", ".join(column for column in columns if column) + "."
    return ""


def describe(title: str, doctree: nodes.document) -> str:
    """The page's description: its title, then its facts or prose, within ``LIMIT``."""
    first = next(iter(doctree.findall(nodes.section)), None)
    parts = [_sentence(title)] if title else []
    parts += _fields(first) if first is not None else []
    prose = _prose(doctree)
    if prose:
        parts.append(prose)
    if len(" ".join(parts)) < SHORT:
        parts.append(_contents(doctree))
    return cut(" ".join(part for part in parts if part))


def _has_description(metatags: str) -> bool:
    return '<meta name="description"' in metatags


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give sphinxext-opengraph the page's description, unless the page already has one."""
    if not isinstance(doctree, nodes.document) or _has_description(context.get("metatags", "")):
        return
    title = _words(nodes.Text(context.get("title") or "").astext())
    first = next(iter(doctree.findall(nodes.title)), None)
    if first is not None:
        title = _words(first.astext())
    text = describe(title, doctree)
    if not text:
        return
    context["meta"] = dict(context.get("meta") or {}, **{"og:description": escape(text)})
    context["metatags"] = (
        context.get("metatags", "") + f'\n<meta name="description" content="{escape(text)}">'
    )
