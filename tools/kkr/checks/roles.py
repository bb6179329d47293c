"""Cross-reference roles in record text, such as {kkr:person}`bo-hansen`: names and targets."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import get_args

from markdown_it import MarkdownIt
from mdit_py_plugins.myst_role import myst_role_plugin
from pydantic import BaseModel

from kkr.checks.refs import leaves, markers, unresolved
from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.corpus import Entry
from kkr.loading.loader import PathKey, Position
from schema.markdown import Markdown

# Role name -> the kind of object it names; "org" is the short role for organizations.
# The site's domain registers exactly these roles.
ROLES = {
    "meeting": "meeting",
    "item": "item",
    "case": "case",
    "person": "person",
    "org": "organization",
    "contract": "contract",
    "commitment": "commitment",
    "topic": "topic",
    "matter": "matter",
    "workplan": "workplan",
}
PREFIX = "kkr:"

# The same parser settings as the site's renderer, so both see the same roles.
parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(myst_role_plugin)
_MARKDOWN = get_args(Markdown)[1:]


def split_target(content: str) -> tuple[str, str, bool]:
    """Split ``Title <target>`` into (title, target, explicit); plain content is both."""
    if content.endswith(">"):
        start = content.rfind("<")
        target = content[start + 1 : -1]
        if start >= 0 and target and ">" not in target:
            return content[:start].rstrip(), target, True
    return content, content, False


def iter_markdown(model: BaseModel) -> Iterator[tuple[PathKey, str]]:
    """Yield (path, text) for every Markdown field in ``model``, depth first."""
    for path, info, value in leaves(model):
        if isinstance(value, str) and any(
            marker in _MARKDOWN for marker in markers(info.annotation, info.metadata)
        ):
            yield path, value


def roles(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield (0-based line, 0-based column, role name, content) for each role in ``text``."""
    if "{" not in text or "`" not in text:
        return
    lines = text.split("\n")
    span = (0, len(lines))
    for block in parser.parse(text):
        span = (block.map[0], block.map[1]) if block.map else span
        line, column = span[0], 0
        for token in block.children or []:
            if token.type != "myst_role":
                continue
            name = str(token.meta.get("name", ""))
            needle = "{" + name + "}`"
            # Search on from the previous role of the block: the tokens come in text order.
            while line < span[1] and (found := lines[line].find(needle, column)) < 0:
                line, column = line + 1, 0
            if line >= span[1]:
                line, found = span[0], 0
            yield line, found, name, token.content
            column = found + 1


def check_roles(entry: Entry, index: dict[str, set[str]]) -> None:
    """Report roles that name no kind of record, or a record that does not exist."""
    for path, text in iter_markdown(entry.record):
        for line, column, name, content in roles(text):
            at = _position(entry, path, text, (line, column), "{" + name + "}`")
            role = name.removeprefix(PREFIX)
            if not name.startswith(PREFIX) or role not in ROLES:
                close = difflib.get_close_matches(role, ROLES, n=1, cutoff=0.6)
                hint = (
                    _("did you mean {{kkr:{role}}}?").format(role=close[0])
                    if close
                    else _("e.g. {kkr:person}`bo-hansen`.")
                )
                entry.document.error(
                    at,
                    Code.UNKNOWN_ROLE,
                    _("the role {{{name}}} names no kind of record; {hint} Roles: {roles}").format(
                        name=name, hint=hint, roles=", ".join("{" + PREFIX + r + "}" for r in ROLES)
                    ),
                )
                continue
            kind = ROLES[role]
            target = split_target(content)[1].strip()
            if kind == "case":
                target = target.upper()
            known = index.get(kind, set())
            if target not in known:
                entry.document.error(at, Code.UNRESOLVED_REFERENCE, unresolved(kind, target, known))


def _position(
    entry: Entry, path: PathKey, text: str, where: tuple[int, int], needle: str
) -> Position:
    """Where a role found at ``where`` (line, column) in the value's text stands in the file."""
    line, column = where
    block = entry.document.blocks.get(path)
    if block is not None:
        # A literal block keeps its lines; only the indentation is taken off.
        return Position(block.line + line, block.column + column)
    # Quotes, escapes and folded lines shift a flow scalar's text against the file, so find
    # the same occurrence of the role in the file, from where the value starts.
    start = entry.locate(path)
    offset = sum(len(row) + 1 for row in text.split("\n")[:line]) + column
    nth = text.count(needle, 0, offset)
    try:
        source = entry.path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return start
    rows = source.split("\n")
    found = sum(len(row) + 1 for row in rows[: start.line - 1]) + start.column - 1
    for count in range(nth + 1):
        found = source.find(needle, found + 1 if count else found)
        if found < 0:
            return start
    before = source[:found]
    return Position(before.count("\n") + 1, found - before.rfind("\n"))
