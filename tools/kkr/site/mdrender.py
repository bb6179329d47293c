"""Turns untrusted record Markdown into docutils nodes through a whitelist.

Only CommonMark structure, tables and ``{kkr:...}`` roles become nodes. The parser is
the validator's (schema/mdparser.py), linear in its input. Raw HTML is off, so it stays
text; no directive or role of docutils ever runs, so nothing can include a file or emit
raw output; links keep only the http(s), mailto and tel schemes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docutils import nodes
from markdown_it.token import Token
from sphinx import addnodes

from kkr.checks.roles import ROLES, split_target
from kkr.site.safety import safe_uri
from schema.mdparser import PARSER

TABLE_LINE = re.compile(r"^\[\[tabel:([a-z0-9-]+)\]\]$", re.MULTILINE)

# Container tokens and the node each one opens.
_CONTAINERS: dict[str, Callable[[Token], nodes.Element]] = {
    "paragraph_open": lambda t: nodes.paragraph(),
    "bullet_list_open": lambda t: nodes.bullet_list(),
    "ordered_list_open": lambda t: nodes.enumerated_list(),
    "list_item_open": lambda t: nodes.list_item(),
    "blockquote_open": lambda t: nodes.block_quote(),
    "heading_open": lambda t: nodes.rubric(),
    "em_open": lambda t: nodes.emphasis(),
    "strong_open": lambda t: nodes.strong(),
    "table_open": lambda t: nodes.table(),
    "thead_open": lambda t: nodes.thead(),
    "tbody_open": lambda t: nodes.tbody(),
    "tr_open": lambda t: nodes.row(),
    "th_open": lambda t: nodes.entry(),
    "td_open": lambda t: nodes.entry(),
}

Warn = Callable[[str, int], None]


def render(
    text: str, source: str, line: int, tables: list[dict[str, Any]], warn: Warn
) -> list[nodes.Node]:
    """Return the nodes for ``text``, placing ``[[tabel:ID]]`` tables where they stand."""
    by_id = {table["id"]: table for table in tables}
    used: set[str] = set()
    out: list[nodes.Node] = []
    position = 0
    for match in TABLE_LINE.finditer(text):
        out.extend(_parse(text[position : match.start()], source, line, warn))
        table_id = match.group(1)
        if table_id in by_id:
            used.add(table_id)
            out.append(data_table(by_id[table_id]))
        else:
            warn(f"the table marker [[tabel:{table_id}]] names no table of the item", line)
        position = match.end()
    out.extend(_parse(text[position:], source, line, warn))
    out.extend(data_table(table) for table in tables if table["id"] not in used)
    return out


def data_table(table: dict[str, Any]) -> nodes.table:
    """A structured record table as a docutils table; every cell is plain text."""
    columns: list[str] = table["columns"]
    node = nodes.table(classes=["kkr-table"])
    if table.get("caption"):
        node += nodes.title(text=table["caption"])
    group = nodes.tgroup(cols=len(columns))
    node += group
    group.extend(nodes.colspec(colwidth=1) for _ in columns)
    head = nodes.thead()
    head += _row(columns, len(columns))
    group += head
    body = nodes.tbody()
    body.extend(_row(row, len(columns)) for row in table["rows"])
    group += body
    return node


def _row(cells: list[str], width: int) -> nodes.row:
    row = nodes.row()
    for index in range(width):
        entry = nodes.entry()
        value = cells[index] if index < len(cells) else ""
        entry += nodes.paragraph(text=value)
        row += entry
    return row


def _parse(text: str, source: str, line: int, warn: Warn) -> list[nodes.Node]:
    if not text.strip():
        return []
    root = nodes.container()
    _build(PARSER.parse(text), root, source, line, warn)
    return list(root.children)


def _build(tokens: list[Token], root: nodes.Element, source: str, line: int, warn: Warn) -> None:
    stack: list[nodes.Element] = [root]
    for token in tokens:
        top = stack[-1]
        if token.type in _CONTAINERS:
            node = _CONTAINERS[token.type](token)
            node.source, node.line = source, line + (token.map[0] if token.map else 0)
            top += node
            stack.append(node)
        elif token.type.endswith("_close"):
            if len(stack) > 1:
                stack.pop()
        elif token.type == "inline":
            _build(
                token.children or [], top, source, line + (token.map[0] if token.map else 0), warn
            )
        elif token.type in ("fence", "code_block"):
            top += nodes.literal_block(token.content, token.content)
        elif token.type == "code_inline":
            top += nodes.literal(token.content, token.content)
        elif token.type in ("softbreak", "hardbreak"):
            top += nodes.Text("\n" if token.type == "hardbreak" else " ")
        elif token.type == "link_open":
            stack.append(_link(token, top))
        elif token.type == "image":
            # Record text never loads images; the alternative text stays readable.
            top += nodes.Text(token.content)
        elif token.type == "myst_role":
            top += _role(token, source, line, warn)
        elif token.type in ("text", "text_special"):
            top += nodes.Text(token.content)
        # hr, MyST blocks (which validation rejects) and other presentational tokens are
        # dropped on purpose.
    _fix_tables(root)


def _link(token: Token, parent: nodes.Element) -> nodes.Element:
    href = str(token.attrs.get("href", "")).strip()
    if href in {"", "#"}:
        # A link without a target (the sources' "[Referat](#)") would jump to the top of the
        # page: the reader gets its text, marked as a link the source gives no address for.
        node: nodes.Element = nodes.inline(classes=["kkr-no-target"])
    elif safe_uri(href):
        node = nodes.reference("", "", refuri=href)
    else:
        node = nodes.inline(classes=["kkr-blocked-link"])
    parent += node
    return node


def _role(token: Token, source: str, line: int, warn: Warn) -> nodes.Node:
    name = str(token.meta.get("name", ""))
    content = token.content
    kind = name.removeprefix("kkr:")
    if not name.startswith("kkr:") or kind not in ROLES:
        warn(f"the role {{{name}}} is not allowed in record text; it is shown as text", line)
        return nodes.literal(content, content)
    title, target, explicit = split_target(content)
    node = addnodes.pending_xref(
        "",
        nodes.inline(title, title),
        refdomain="kkr",
        reftype=kind,
        reftarget=target.strip(),
        refexplicit=explicit,
        refwarn=True,
    )
    node.source, node.line = source, line
    return node


def _fix_tables(root: nodes.Element) -> None:
    # markdown-it gives rows of cells; docutils wants a tgroup with colspecs.
    for table in list(root.findall(nodes.table)):
        if any(isinstance(child, nodes.tgroup) for child in table.children):
            continue
        parts = [child for child in table.children if isinstance(child, nodes.thead | nodes.tbody)]
        width = max((len(row.children) for part in parts for row in part.children), default=1)
        group = nodes.tgroup(cols=width)
        group.extend(nodes.colspec(colwidth=1) for _ in range(width))
        for part in parts:
            for row in part.children:
                for entry in row.children:
                    _wrap_entry(entry)
                row.extend(nodes.entry() for _ in range(width - len(row.children)))
            group += part
        table.children = [group]
        group.parent = table


def _wrap_entry(entry: Any) -> None:
    # Table cells hold inline text; docutils expects body elements inside an entry.
    if entry.children and not isinstance(entry.children[0], nodes.paragraph):
        para = nodes.paragraph()
        para.extend(entry.children)
        entry.children = []
        entry += para
