"""Links without an address in record text, such as [SDEO kontrakt](#): reported, never shown.

KL's text export keeps a link's words and brackets but not its address. The site would show
such a link as a jump to the top of the page or, escaped, as brackets around the words.
"""

from __future__ import annotations

import re

from kkr.checks.roles import iter_markdown
from kkr.diagnostics import Code
from kkr.i18n import _
from kkr.loading.corpus import Entry
from kkr.loading.loader import Position

# "[words](#)", "[words]()" and their escaped forms "\[words\](\#)": the words are bounded
# and hold no bracket or line break, so each search is linear in the text.
DEAD_LINK = re.compile(r"\\?\[(?P<words>[^\[\]\n]{1,500}?)\\?\]\([ \t]*(?:\\?#)?[ \t]*\)")


def unlink(text: str) -> str:
    """``text`` with every link that has no address replaced by its words."""
    return DEAD_LINK.sub(lambda match: match.group("words").replace("\\", ""), text)


def check_dead_links(entry: Entry) -> None:
    """Report each link with an empty or "#" address in the record's Markdown fields."""
    read: dict[str, list[str]] = {}  # the record file's lines, read once if a link needs them
    for path, text in iter_markdown(entry.record):
        if "](" not in text:
            continue
        lines = text.split("\n")
        for number, line in enumerate(lines):
            for match in DEAD_LINK.finditer(line):
                entry.document.error(
                    _place(entry, path, (number, match.start()), needle=match.group(), read=read),
                    Code.DEAD_LINK,
                    _(
                        "the link {link} has no address (its target is empty or #), so the page "
                        "would show a link that leads nowhere; write its words as plain text, "
                        "as the source document prints them, e.g. {fixed}"
                    ).format(link=_short(match.group()), fixed=_example(line, match)),
                )


def _place(
    entry: Entry,
    path: tuple[str | int, ...],
    at: tuple[int, int],
    *,
    needle: str,
    read: dict[str, list[str]],
) -> Position:
    """Where the link stands in the file; ``read`` keeps the record file's lines once read."""
    line, column = at
    block = entry.document.blocks.get(path)
    if block is not None:
        # A literal block keeps its lines; only the indentation is taken off.
        return Position(block.line + line, block.column + column)
    # A one-line value: the link on the value's own line of the file, where it is written
    # as it reads (quotes or escapes may hide it; then the value's start will do).
    start = entry.locate(path)
    if "lines" not in read:
        try:
            read["lines"] = entry.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            read["lines"] = []
    lines = read["lines"]
    if start.line > len(lines):
        return start
    found = lines[start.line - 1].find(needle, start.column - 1)
    return Position(start.line, found + 1) if found >= 0 else start


def _example(line: str, match: re.Match[str]) -> str:
    """The words of the link as plain text, with a few words around it as in the record."""
    before = line[max(0, match.start() - 40) : match.start()]
    after = line[match.end() : match.end() + 30]
    if match.start() > 40 and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if match.end() + 30 < len(line) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return _short(unlink(before) + unlink(match.group()) + unlink(after), 160)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
