"""Cross-reference roles in record text, such as {kkr:person}`bo-hansen`: names and targets."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from typing import get_args

from markdown_it import MarkdownIt
from mdit_py_plugins.myst_role import myst_role_plugin
from pydantic import BaseModel

from kkr.checks.refs import leaves, markers, named, unresolved
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
    # As a regular expression's $ would, allow one line break after the closing >.
    body = content.removesuffix("\n")
    if body.endswith(">"):
        start = body.rfind("<")
        target = body[start + 1 : -1]
        if start >= 0 and target and ">" not in target:
            return body[:start].rstrip(), target, True
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
                # Not where the parser put it (never expected): the block's start will do,
                # and the rest of the block is not searched again.
                yield span[0], 0, name, token.content
                continue
            yield line, found, name, token.content
            column = found + 1


def check_roles(entry: Entry, index: dict[str, set[str]]) -> None:
    """Report roles that name no kind of record, or a record that does not exist."""
    source = _Source(entry)
    for path, text in iter_markdown(entry.record):
        found = list(roles(text))
        problems = [_problem(name, content, index) for _, _, name, content in found]
        if not any(problems):
            continue
        places = source.places(
            path, [(line, column, "{" + name + "}`") for line, column, name, _ in found]
        )
        for place, problem in zip(places, problems, strict=True):
            if problem is not None:
                entry.document.error(place, *problem)


def _problem(name: str, content: str, index: dict[str, set[str]]) -> tuple[Code, str] | None:
    role = name.removeprefix(PREFIX)
    if not name.startswith(PREFIX) or role not in ROLES:
        close = difflib.get_close_matches(role, ROLES, n=1, cutoff=0.6)
        hint = (
            _("did you mean {{kkr:{role}}}?").format(role=close[0])
            if close
            else _("e.g. {kkr:person}`bo-hansen`.")
        )
        return Code.UNKNOWN_ROLE, _(
            "the role {{{name}}} names no kind of record; {hint} Roles: {roles}"
        ).format(name=name, hint=hint, roles=", ".join("{" + PREFIX + r + "}" for r in ROLES))
    kind = ROLES[role]
    target = split_target(content)[1].strip()
    if kind == "case":
        target = target.upper()
    if named(index, kind, target):
        return None
    return Code.UNRESOLVED_REFERENCE, unresolved(kind, target, index.get(kind, set()))


class _Source:
    """A record file's text, read once and only when a role needs a place in it."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.text: str | None = None
        self.starts: list[int] = []

    def places(self, path: PathKey, found: list[tuple[int, int, str]]) -> list[Position]:
        """Where each role (line and column in the value's text, needle) stands in the file."""
        block = self.entry.document.blocks.get(path)
        if block is not None:
            # A literal block keeps its lines; only the indentation is taken off.
            return [Position(block.line + line, block.column + column) for line, column, _ in found]
        # Quotes, escapes and folded lines shift a flow scalar's text against the file, so
        # take the roles' occurrences in the file in order, from where the value starts.
        start = self.entry.locate(path)
        text, starts = self._read()
        cursor = starts[start.line - 1] + start.column - 1 if start.line <= len(starts) else -1
        out = []
        for _line, _column, needle in found:
            at = text.find(needle, cursor) if cursor >= 0 else -1
            if at < 0:
                cursor = -1  # not in the file as written (an escape); stop searching
                out.append(start)
                continue
            row = bisect.bisect_right(starts, at)
            out.append(Position(row, at - starts[row - 1] + 1))
            cursor = at + 1
        return out

    def _read(self) -> tuple[str, list[int]]:
        if self.text is None:
            try:
                raw = self.entry.path.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                raw = ""
            self.text = raw.removeprefix("\ufeff").replace("\r\n", "\n")
            self.starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        return self.text, self.starts
