"""Source lines and the repairs that undo what PDF-to-text and Markdown export do to them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kkr.loading.characters import forbidden, without_forbidden

# Characters that carry no text: soft hyphens, zero-width marks, byte-order marks, form feeds.
_STRAY = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\f\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009]")
_DOT_LEADER = re.compile(r"\s*\.{3,}\s*$")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])[^>]*>")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
# A word broken at the line end: "kom-" followed by "muner"; not "social- og".
_HYPHEN_END = re.compile(r"[a-zæøåé]-$")
_SUSPENDED = frozenset({"og", "eller", "samt", "til", "som", "men"})
_TERMINAL = ".:;!?"
# Page breaks and byte-order marks are layout, not text: they are dropped without a word.
_LAYOUT = frozenset("\f\ufeff")


@dataclass
class Line:
    """One source line: its 1-based number and its cleaned text."""

    no: int
    text: str
    dropped: tuple[tuple[int, str], ...] = ()
    """The column and name of each character a record may not hold, left out of ``text``."""

    @property
    def blank(self) -> bool:
        """Whether the line holds no text."""
        return not self.text.strip()


def clean(raw: str) -> str:
    """Remove stray characters, turn odd spaces into spaces and strip the line end."""
    return _STRAY.sub("", _SPACES.sub(" ", raw)).rstrip()


def read_lines(text: str) -> list[Line]:
    """Split a document into cleaned, numbered lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [_line(no, raw) for no, raw in enumerate(text.split("\n"), start=1)]


def _line(no: int, raw: str) -> Line:
    dropped = tuple(
        (offset + 1, name) for offset, name in forbidden(raw) if raw[offset] not in _LAYOUT
    )
    return Line(no, without_forbidden(clean(raw)), dropped)


def strip_dot_leader(text: str) -> str:
    """Remove a table-of-contents dot leader ("Siden sidst.....")."""
    return _DOT_LEADER.sub("", text)


def html_to_markdown(text: str) -> str:
    """Turn the inline HTML of the export into Markdown; unknown tags are dropped."""
    text = re.sub(r"<(b|strong)>(.*?)</\1>", r"**\2**", text, flags=re.IGNORECASE)
    text = re.sub(r"<(i|em)>(.*?)</\1>", r"*\2*", text, flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*<p>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    return _TAG.sub("", text)


def plain(text: str) -> str:
    """Return the text without Markdown headings, emphasis markers or HTML tags."""
    text = html_to_markdown(text)
    match = _HEADING.match(text)
    if match:
        text = match.group(2)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = text.replace("**", "")
    return " ".join(text.split())


@dataclass(frozen=True)
class Shape:
    """How a line is marked up: a heading level, or emphasis around all of it."""

    heading: int = 0
    bold: bool = False
    italic: bool = False


def shape(text: str) -> Shape:
    """Describe the markup that wraps a whole line."""
    text = html_to_markdown(text).strip()
    level = 0
    match = _HEADING.match(text)
    if match:
        level = len(match.group(1))
        text = match.group(2).strip()
    bold = (
        len(text) > 4 and text.startswith("**") and text.endswith("**") and "**" not in text[2:-2]
    )
    italic = (
        not bold
        and len(text) > 2
        and text.startswith("*")
        and text.endswith("*")
        and not text.startswith("**")
        and "*" not in text[1:-1]
    )
    return Shape(level, bold, italic)


def ends_sentence(text: str) -> bool:
    """Whether a line ends the way a sentence or a lead-in ends."""
    return bool(text) and text.rstrip("*_ ")[-1:] in _TERMINAL


def joins_hyphenated(first: str, second: str) -> bool:
    """Whether ``first`` ends in a word that PDF-to-text broke and ``second`` carries on."""
    if not _HYPHEN_END.search(first) or not second[:1].islower():
        return False
    return second.split(maxsplit=1)[0].strip(".,;:") not in _SUSPENDED


def continues(first: str, second: str) -> bool:
    """Whether ``second`` carries on a sentence that a page break cut after ``first``."""
    if not first or not second or ends_sentence(first):
        return False
    return second[:1].islower()


def join_broken(first: str, second: str) -> str:
    """Join two pieces of one sentence, removing a breaking hyphen."""
    if joins_hyphenated(first, second):
        return first[:-1] + second.lstrip()
    return first.rstrip() + " " + second.lstrip()


def slug(text: str) -> str:
    """Make a readable ASCII id: æ→ae, ø→oe, å→aa, everything else dashes."""
    text = text.lower()
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "ue"), ("ö", "oe")):
        text = text.replace(src, dst)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
