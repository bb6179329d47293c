"""Page furniture in text input: what a PDF-to-text converter leaves, repaired or refused.

Text copied or converted from a PDF may still hold page footers ("Side 3 af 8"), running
headers, page breaks, page-number headings, dot leaders and Word's private-use bullets. None of
it may reach a record. What can be repaired without guessing is repaired, with a note; the rest
stops the import at its line, naming the cause and the remedy: import the PDF itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from kkr.diagnostics import Code, clipped
from kkr.i18n import _
from kkr.importer.report import Report
from kkr.importer.text import plain

_FOOTER = re.compile(r"\b(?:Side|Page)\s+\d{1,4}\s+(?:af|of)\s+\d{1,4}\b", re.IGNORECASE)
_PAGE_HEADING = re.compile(r"^#{1,6}\s+(?:(?:Side|Page)\s+)?\d{1,4}\s*#*$", re.IGNORECASE)
# A contents line whose page number is glued on with a dot leader, with no tab the contents
# parser reads: "6. Eventuelt……10".
_LEADER_ENTRY = re.compile(
    r"^((?:\d+\.(?:\d+\.?)?[ ]+|Deltagerfortegnelse)[^\t]{0,300}?)[ ]*(?:\.{3,}|…+)[ ]*(\d{1,4})$"
)
_LONGEST_ENTRY = 400
_LEADER = re.compile(r"(?:\.{4,}|…{2,})[ \t]*\d{1,4}$")
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_BULLET = re.compile("^([ \t]*)[\ue000-\uf8ff•▪][ \t]+")
_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_NUMBERED = re.compile(r"^\d+\.")
_REPEATS = 3
"""A running header recurs on every page; a document's own line hardly three times."""
MAX_REFUSALS = 20
"""Problems listed before the rest are summed up: one is enough to show the cause."""


def repair_furniture(text: str, path: Path, report: Report) -> str:
    """Return ``text`` with bullets and dot leaders repaired; report the furniture it holds."""
    remedy = _("import the PDF file itself: kkr import {name}").format(
        name=path.with_suffix(".pdf").name
    )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        lines[index] = _repair(line, index + 1, report)
        cause = _cause(lines[index])
        if cause is not None:
            problems.append((index + 1, cause))
    flagged = {number for number, _cause in problems}
    problems += [found for found in _running_headers(lines) if found[0] not in flagged]
    for number, cause in sorted(problems)[:MAX_REFUSALS]:
        report.error(number, Code.PAGE_FURNITURE, f"{cause}; {remedy}")
    if len(problems) > MAX_REFUSALS:
        report.error(
            sorted(problems)[MAX_REFUSALS][0],
            Code.PAGE_FURNITURE,
            _("and {count} more lines like these").format(count=len(problems) - MAX_REFUSALS),
        )
    return "\n".join(lines)


def _repair(line: str, number: int, report: Report) -> str:
    """A Word bullet becomes a list dash; a contents line's dot leader becomes its tab."""
    bullet = _BULLET.match(line)
    if bullet is not None:
        char = line[len(bullet.group(1))]
        report.notes.append(
            _("line {line}: the bullet {char} became a list item ('- ')").format(
                line=number, char=f"U+{ord(char):04X}"
            )
        )
        line = bullet.group(1) + "- " + line[bullet.end() :]
    entry = _LEADER_ENTRY.match(line.strip()) if len(line) <= _LONGEST_ENTRY else None
    if entry is not None:
        report.notes.append(
            _("line {line}: the dot leader before the page number was read as the contents' tab")
            .format(line=number)
        )  # fmt: skip
        line = f"{entry.group(1).rstrip()}\t{entry.group(2)}"
    return line


def _cause(line: str) -> str | None:
    """What page furniture ``line`` holds, said for staff; None if none."""
    if "\f" in line:
        return _("a page break (form feed) from a PDF-to-text converter")
    footer = _FOOTER.search(line)
    if footer is not None:
        return _("{text!r} looks like a page footer from a PDF").format(text=footer.group())
    if _PAGE_HEADING.match(line.strip()):
        return _("{text!r} is a page number made into a heading by a converter").format(
            text=clipped(line.strip())
        )
    # Only the line's end is searched: a leader's search from every dot of a long line of
    # dots would take quadratic time.
    if _LEADER.search(line.strip()[-300:]) and "\t" not in line:
        return _("{text!r} ends in a table of contents' dot leader and page number").format(
            text=clipped(line.strip())
        )
    private = _PRIVATE.search(line)
    if private is not None:
        return _(
            "the character U+{code:04X} is a symbol-font bullet or sign from Word, which shows "
            "as a box on the site"
        ).format(code=ord(private.group()))
    return None


def _running_headers(lines: list[str]) -> list[tuple[int, str]]:
    """Lines that recur, digits aside, as a running header printed on every page does."""
    seen: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(lines, start=1):
        text = plain(line)
        # A header names a date or page; a recurring label, list item or sentence is text.
        if not _DIGIT.search(text) or not _LETTERS.search(text) or text[-1] in ".:;!?":
            continue
        if "\t" in line:
            continue
        if text.startswith(("- ", "SAG-", "./")) or _NUMBERED.match(text):
            continue
        seen[_DIGITS.sub("#", text)].append(number)
    found: list[tuple[int, str]] = []
    for numbers in seen.values():
        if len(numbers) >= _REPEATS:
            text = " ".join(lines[numbers[0] - 1].split())
            message = _("{text!r} recurs on lines {lines}, as a PDF's running header does").format(
                text=clipped(text), lines=", ".join(map(str, numbers[:5]))
            )
            found += [(number, message) for number in numbers]
    return found
