"""Cross-reference roles in record text, such as {kkr:person}`bo-hansen`: names and targets."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from typing import get_args

from pydantic import BaseModel

from kkr.checks.refs import holds_models, markers, named, unresolved
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


# Per model class: (field, whether it is Markdown, whether it may hold models).
_Plan = list[tuple[str, bool, bool]]
_PLANS: dict[type[BaseModel], _Plan] = {}


def _plan(cls: type[BaseModel]) -> _Plan:
    # Reflecting over the annotations once per class, not once per record (as refs._plan):
    # walking every field of every record reflectively was 0.47 s of 4.4 s under cProfile.
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, info in cls.model_fields.items():
            markdown = any(m in _MARKDOWN for m in markers(info.annotation, info.metadata))
            nested = holds_models(info.annotation)
            if markdown or nested:
                plan.append((name, markdown, nested))
        _PLANS[cls] = plan
    return plan


def iter_markdown(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Yield (path, text) for every Markdown field in ``model``, depth first."""
    for name, markdown, nested in _plan(type(model)):
        value = getattr(model, name)
        if markdown and isinstance(value, str):
            yield (*path, name), value
        elif nested:
            if isinstance(value, BaseModel):
                yield from iter_markdown(value, (*path, name))
            elif isinstance(value, list):
                for index, element in enumerate(value):
                    if isinstance(element, BaseModel):
                        yield from iter_markdown(element, (*path, name, index))


def roles(text: str) -> list[tuple[int, int, str, str]]:
    """Return (0-based line, 0-based column, role name, content) for each role in ``text``."""
    if "{" not in text or "`" not in text:
        return []
    found = scan(text)
    return found if found is not None else parsed(text)


def parsed(text: str) -> list[tuple[int, int, str, str]]:
    """The roles as the site's parser (schema.mdparser) finds them."""
    # Imported here, as in schema/markdown.py: most text is scanned, never parsed.
    from schema.mdparser import PARSER

    out = []
    lines = text.split("\n")
    span = (0, len(lines))
    for block in PARSER.parse(text):
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
                out.append((span[0], 0, name, token.content))
                continue
            out.append((line, found, name, token.content))
            column = found + 1
    return out


# Text in which one of these stands may hold a role the parser reads otherwise than a scan
# does (markdown-it-py's rules, read one by one): an escape; a table cell; a tab or a
# carriage return, which change columns; a fence or colon fence, whose lines are code; a
# link reference definition; an image, whose alt text roles() does not descend into; a link
# destination other than plain URL characters, which could hold a role; a line opening ten
# or more containers, which nears the parser's nesting limit (20 levels), past which it
# stops parsing; and MyST comments, block breaks and targets, which hide their lines
# (_UNSAFE_LINE).
_UNSAFE_TEXT = ("\\", "|", "\t", "\r", "\x00", "~~~", ":::", "]:", "![")
_UNSAFE_LINK = re.compile(r"\]\((?![^\s()<>{}\[\]`\\\"']*\))")
# Lines that could be MyST syntax or deep nesting: ten container characters, a first
# character after them of % (a comment) or ( (a target; markdown-it-py's takes a whole line
# "(...)=", parentheses inside too), or three + among them (a block break: "+ + +" is one).
# Matched on the text after a line break, so that the search skips from line start to line
# start (as ^ with re.MULTILINE would, but several times faster).
_UNSAFE_LINE = re.compile(r"\n(?:[ >*+\-.)0-9]{10}|[ >*+\-.)0-9]*[%(]|(?:[ >*\-.)0-9]*\+){3})")
_ROLE_OPEN = re.compile(r"\{[a-zA-Z0-9_\-+:]+\}")
_TICKS = re.compile("`+")
_BRACKETS = re.compile(r"[\[\]]")
# Deeper nesting of link labels than this could reach the parser's nesting limit.
_MAX_BRACKETS = 8


def scan(text: str) -> list[tuple[int, int, str, str]] | None:
    """The roles in ``text`` found without parsing, or None where only the parser can tell.

    Exact where it answers: tests/test_roles.py compares it with parsed(). A role's ``{``
    stops markdown-it's text rule, so the parser reads ``{name}`...``` as a role unless
    another construct took the ``{`` first: a code span
    (so every backtick must belong to a role), an autolink (so no ``<`` outside roles), a
    link destination, an escape, or a block that is not a paragraph or heading (see
    _UNSAFE_TEXT; an indented code block needs four spaces before the role on its line).
    """
    for unsafe in _UNSAFE_TEXT:
        if unsafe in text:
            return None
    if _UNSAFE_LINK.search(text) or _UNSAFE_LINE.search("\n" + text):
        return None
    out = []
    pos = line = line_start = depth = 0
    checked = -1  # the last line whose indentation was checked
    while (tick := text.find("`", pos)) >= 0:
        start = text.rfind("{", pos, tick)
        if start < 0 or not _ROLE_OPEN.fullmatch(text, start, tick):
            return None  # a backtick that opens no role: a code span, perhaps
        run = _TICKS.match(text, tick)
        assert run is not None
        close = text.find(run.group(), run.end() + 1) if run.end() < len(text) else -1
        content = text[run.end() : close]
        if close < 0 or "\n" in content or "{" in content:
            return None
        if (depth := _outside(text, pos, start, depth)) < 0:
            return None
        if (breaks := text.count("\n", pos, start)) > 0:
            line += breaks
            line_start = text.rfind("\n", pos, start) + 1
        if line != checked:
            if text.find("    ", line_start, start) >= 0:
                return None  # perhaps an indented code block
            checked = line
        out.append((line, start - line_start, text[start + 1 : tick - 1], content))
        pos = close + len(run.group())
    return out if _outside(text, pos, len(text), depth) >= 0 else None


def _outside(text: str, start: int, end: int, depth: int) -> int:
    # Text between roles: no autolink, and link labels nested shallowly. Returns the
    # bracket depth after it, or -1 when the text is not safe to scan.
    if text.find("<", start, end) >= 0:
        return -1
    for bracket in _BRACKETS.finditer(text, start, end):
        depth = depth + 1 if bracket.group() == "[" else max(depth - 1, 0)
        if depth >= _MAX_BRACKETS:
            return -1
    return depth


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
