"""Printed lines to the import's text: one line per paragraph, list item, heading or table row."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kkr.extraction.model import TextLine
from kkr.i18n import _

LABELS = frozenset(
    {"baggrund", "indstilling", "sagsfremstilling", "beslutning"}
    | {"deltagerfortegnelse", "deltagere", "afbud"}
)
_PARTICIPANT_LISTS = frozenset({"deltagere", "afbud"})
_HEADING = re.compile(r"^\d+\.(?:\d+\.?)?\s+\S")
_COVER = re.compile(r"^(?:(?:DAGSORDEN|REFERAT)\b|KKR\s|Dato:|Sted:)")
_STRUCTURE = re.compile(r"^(?:SAG-\d{4}-\d{5}\b|\./\.{0,2}$)")
_PERSON = re.compile(r"^\S.{0,80} \([A-ZÆØÅ]\) \S.{0,60}$")
# A contents line: the title, a dot leader or a wide gap, and the page number.
_TOC = re.compile(r"^(\S.*?)(?:[ \t]*(?:\.[ \t]?){3,}|[ \t]*…+|\t)[ \t]*(\d{1,4})$")
_LONGEST_ENTRY = 400
BULLETS = frozenset("•\uf0b7\uf0a7\uf076\uf0d8▪◦●■–-")
_SENTENCE_END = ".:!?"
_DASHES = frozenset("-–")
# Words that follow a hyphen kept at a line end: "social- og sundhedsområdet".
_SUSPENDED = frozenset({"og", "eller", "samt", "til"})


@dataclass
class _Block:
    kind: str  # para, item, heading, single, list (one of consecutive lines), wrapped, table
    lines: list[TextLine]
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    level: int = 0


def join(first: str, second: str) -> str:
    """Join two printed lines of one paragraph; a hyphen at the line end breaks a word unless
    it is a name's own ("KKR-sekretariatet", "EU-kontor") or stands for a word ("social- og")."""
    sign = len(first) >= 2 and not first[-2].isalnum() and not first[-2].isspace()
    if first.endswith("-") and sign and second[:1].isalnum():
        return first + second  # "%-" + "fordeling": a sign's hyphen is never a break
    if len(first) >= 2 and first.endswith("-") and first[-2].isalnum() and second[:1].isalnum():
        word = first.rsplit(" ", 1)[-1][:-1]
        following = second.split(" ", 1)[0].strip(".,;:")
        own = sum(char.isupper() or char.isdigit() for char in word) >= 2
        address = "/" in word or "www." in word or "@" in word  # a link is never hyphenated
        if not second[0].islower() or own or address:
            return first + second
        if following in _SUSPENDED:
            return first + " " + second
        return first[:-1] + second
    return first + " " + second


@dataclass
class _State:
    blocks: list[_Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pitch: dict[float, float] = field(default_factory=dict)
    listing: bool = False
    """Inside Deltagere or Afbud: 'Name (P) Municipality' lines stand alone."""
    front: bool = True
    """Before the first heading: cover and contents lines stand alone."""
    bullets: Counter[str] = field(default_factory=Counter)
    left: float = 0.0
    right: float = 0.0
    list_x0: float = 0.0
    """Where the current list's bullets stand: one further right is a nested list's."""
    """The text column's edges: where most lines start, and the furthest any line ends."""


def assemble(lines: list[TextLine]) -> tuple[str, list[str]]:
    """The import's text for ``lines`` (furniture already left out), and notes on repairs."""
    text_lines = [line for line in lines if line.rows is None and line.text]
    starts = Counter(round(line.x0) for line in text_lines)
    state = _State(
        pitch=_pitch(lines),
        left=float(starts.most_common(1)[0][0]) if starts else 0.0,
        right=max((line.x1 for line in text_lines), default=0.0),
    )
    for line in lines:
        if line.rows is not None:
            _table(state.blocks, line, state.notes)
            continue
        if line.marker is not None:
            state.blocks.append(_Block("single", [line], line.marker))
            if not line.text:
                continue
        _add(state, line)
    for char, count in sorted(state.bullets.items()):
        note = _("{count} list item(s) printed with the bullet U+{code:04X} became '- ' items")
        state.notes.append(note.format(count=count, code=ord(char)))
    return _emit(state.blocks), state.notes


def _add(state: _State, line: TextLine) -> None:
    """Start a block with ``line``, or add it to the paragraph it carries on."""
    last = state.blocks[-1] if state.blocks else None
    text = "\t".join(" ".join(part.split()) for part in line.text.split("\t")).strip()
    flat = " ".join(text.split())
    key = flat.rstrip(":").lower()
    if state.front and _contents(state, line, text, flat):
        return
    if key in LABELS:
        state.listing = key in _PARTICIPANT_LISTS
        state.blocks.append(_Block("single", [line], flat))
    elif _HEADING.match(flat) and (line.bold or not _continues(last, line, state)):
        state.listing = state.front = False
        state.blocks.append(_Block("heading", [line], flat))
    elif (state.listing and _PERSON.match(flat)) or _STRUCTURE.match(flat):
        state.blocks.append(_Block("list" if state.listing else "single", [line], flat))
    elif state.front and _COVER.match(flat):
        state.blocks.append(_Block("single", [line], flat))
    elif (
        flat[:1] in BULLETS and (flat[1:2] == " " or len(flat) == 1) and _bullet(last, line, state)
    ):
        if flat[0] != "-":
            state.bullets[flat[0]] += 1
        nested = last is not None and last.kind == "item" and line.x0 > state.list_x0 + 3
        if not nested:
            state.list_x0 = line.x0
        state.blocks.append(_Block("item", [line], flat[2:].strip(), level=int(nested)))
    elif last is not None and _continues(last, line, state):
        last.text = join(last.text, flat) if last.text else flat
        last.lines.append(line)
    else:
        state.blocks.append(_Block("para", [line], flat))


def _contents(state: _State, line: TextLine, text: str, flat: str) -> bool:
    """Add a line of the table of contents, or of a title that wraps in it; False if none."""
    last = state.blocks[-1] if state.blocks else None
    # A contents line is short; the bound keeps the lazy title's search linear on any line.
    toc = _TOC.match(text) if len(text) <= _LONGEST_ENTRY else None
    if toc is not None and not _PERSON.match(flat):
        title = " ".join(toc.group(1).split()).rstrip(". ")
        if last is not None and last.kind == "wrapped":  # a long title's first line
            last.kind, last.text = "list", f"{last.text} {title}\t{toc.group(2)}"
            last.lines.append(line)
        else:
            state.blocks.append(_Block("list", [line], f"{title}\t{toc.group(2)}"))
        return True
    if _toc_tail(last, line, flat):
        # A long title whose page number stands on its first line (as a browser may set it):
        # the title's end joins it, before the tab.
        assert last is not None
        title, page = last.text.rsplit("\t", 1)
        last.text = f"{join(title, flat)}\t{page}"
        last.lines.append(line)
        return True
    if not line.bold and _HEADING.match(flat) and last is not None and last.kind == "list":
        # A title too long for one line: its page number stands on the next.
        state.blocks.append(_Block("wrapped", [line], flat))
        return True
    return False


def _toc_tail(last: _Block | None, line: TextLine, flat: str) -> bool:
    """Whether ``line`` ends the title of the contents line ``last``, which has its page."""
    if last is None or last.kind != "list" or "\t" not in last.text or "\t" in line.text:
        return False
    before = last.lines[-1]
    close = line.page == before.page and line.top - before.bottom <= 0.6 * max(line.size, 1.0)
    return close and not _HEADING.match(flat) and flat.rstrip(":").lower() not in LABELS


def _bullet(last: _Block | None, line: TextLine, state: _State) -> bool:
    """Whether a line's first character is a list bullet; a dash may be a sentence's, carried
    onto the next line ("aftaler – og bakker"), unless it starts a new block or the list goes on."""
    if line.text[:1] not in _DASHES:
        return True
    if last is not None and last.kind == "item" and abs(last.lines[0].x0 - line.x0) < 1:
        return True
    return not _continues(last, line, state)


def _pitch(lines: list[TextLine]) -> dict[float, float]:
    """The usual distance from one line to the next of the same paragraph, per font size."""
    steps: dict[float, Counter[float]] = defaultdict(Counter)
    for before, line in itertools.pairwise(lines):
        if line.page == before.page and line.size == before.size and line.rows is None:
            steps[line.size][round(line.top - before.top, 0)] += 1
    # The smallest step that recurs: paragraphs of one line, spaced further apart, may be the
    # commoner, but a paragraph's own lines are never further apart than paragraphs.
    usual: dict[float, float] = {}
    for size, found in steps.items():
        recurring = [step for step, count in found.items() if count >= 3 and step > 0]
        if recurring:
            usual[size] = float(min(recurring))
    return usual


def _continues(last: _Block | None, line: TextLine, state: _State) -> bool:
    """Whether ``line`` carries on the paragraph, list item or heading ``last``."""
    if last is None or last.kind not in ("para", "item", "heading", "wrapped"):
        return False
    if not last.text:
        return True  # a bullet printed apart from its text
    before = last.lines[-1]
    if line.text.startswith("./"):
        return False  # an attachment marker starts its paragraph
    if last.kind == "heading" and (not line.bold or line.page != before.page):
        return False
    if line.bold != before.bold and last.kind != "item":
        return False
    if line.page != before.page:
        # A sentence cut by the page break goes on; one that ended may end its paragraph too,
        # and a new paragraph is the safer reading (no text is lost either way).
        # A last line that stops well short of the column's edge ended its paragraph.
        width = state.right - state.left
        short = before.x1 < state.right - 0.25 * width
        if short and not line.text[:1].islower():
            return False
        # A sentence that ends at the page's foot may end its paragraph or not; no layout
        # says which, and a paragraph break loses nothing.
        return last.text[-1:] not in _SENTENCE_END or line.text[:1].islower()
    step = line.top - before.top
    usual = state.pitch.get(line.size, 0.0) if line.size == before.size else 0.0
    if usual > 0:
        return step <= usual * 1.2 + 0.5
    return line.top - before.bottom <= 0.6 * max(line.size, before.size, 1.0)


def _table(blocks: list[_Block], line: TextLine, notes: list[str]) -> None:
    """Add a table; one that goes on from the previous page continues its rows."""
    assert line.rows is not None
    last = blocks[-1] if blocks else None
    width = len(line.rows[0])
    if (
        last is not None
        and last.kind == "table"
        and last.lines[-1].page == line.page - 1
        and len(last.rows[0]) == width
    ):
        rows = line.rows
        if rows[0] == last.rows[0]:
            notes.append(
                _("page {page}: the table's header row, repeated after a page break, was left out")
                .format(page=line.page)
            )  # fmt: skip
            rows = rows[1:]
        last.rows += rows
        last.lines.append(line)
        return
    blocks.append(_Block("table", [line], rows=[list(row) for row in line.rows]))


def _emit(blocks: list[_Block]) -> str:
    out: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind == "list" and index and blocks[index - 1].kind == "list":
            out[-1] += "\n" + block.text  # contents and participant lines stand together
        elif block.kind == "table":
            out.append("\n".join("\t".join(row) for row in block.rows))
        elif block.kind == "item":
            item = "  " * block.level + "- " + block.text
            if index and blocks[index - 1].kind == "item":
                out[-1] += "\n" + item  # a list's items stand together, as in the text
            else:
                out.append(item)
        elif block.text:
            out.append(block.text)
    return "\n\n".join(out) + "\n"
