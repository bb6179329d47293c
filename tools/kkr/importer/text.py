"""Source lines and the repairs that undo what PDF-to-text and Markdown export do to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.loading.characters import forbidden, without_forbidden

# Characters that carry no text: soft hyphens, zero-width marks, byte-order marks, form feeds.
_STRAY = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\f\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009]")
# The tags KL's export writes; anything else in angle brackets, such as "<Projekt X>", is text.
_EXPORT_TAGS = "b|strong|i|em|u|p|br|span|div|sup|sub|a|ul|ol|li|font|table|tr|td|th"
# Bounded repetitions: a tag or an emphasis never spans more than a few hundred characters, and
# a bound keeps each search linear in the line, whatever the line holds.
_TAG = re.compile(rf"</?(?:{_EXPORT_TAGS})(?=[\s/>])[^<>]{{0,300}}>", re.IGNORECASE)
_BOLD_TAG = re.compile(r"<(b|strong)>([^<]{0,500})</\1>", re.IGNORECASE)
_ITALIC_TAG = re.compile(r"<(i|em)>([^<]{0,500})</\1>", re.IGNORECASE)
_PARAGRAPHS = re.compile(r"</p>[ \t]{0,50}<p>", re.IGNORECASE)
_BREAK = re.compile(r"<br[ \t]{0,5}/?>", re.IGNORECASE)
_BOLD = re.compile(r"\*\*([^*]{1,500})\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?![\s*])([^*]{0,500}[^\s*])?\*(?![\w*])")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
# A word broken at the line end: "kom-" followed by "muner"; not "social- og".
_HYPHEN_END = re.compile(r"[a-zæøåé]-$")
# A name or acronym broken at its own hyphen: "KKR-" + "sekretariatet", "DK2020-" + "..."
_NAME_HYPHEN = re.compile(r"(?:[A-ZÆØÅ0-9][\wæøåÆØÅ]*[A-ZÆØÅ0-9]|[A-ZÆØÅ]{2,})-$")
_SUSPENDED = frozenset({"og", "eller", "samt", "til", "som", "men"})
_TERMINAL = ".:;!?"
# Page breaks and byte-order marks are layout, not text: they are dropped without a word.
_LAYOUT = frozenset("\f\ufeff")


@dataclass
class Line:
    """One source line: its 1-based number and its cleaned text."""

    no: int
    text: str
    markdown: bool = True
    """Whether the document is Markdown (.md); a .txt document's lines are plain text."""
    _plain: str | None = field(default=None, repr=False, compare=False)
    dropped: tuple[tuple[int, str], ...] = ()
    """The column and name of each character a record may not hold, left out of ``text``."""

    @property
    def plain(self) -> str:
        """The line's words, without the markup a Markdown document wraps them in."""
        # Asked for several times per line while the body is split: worked out once.
        if self._plain is None:
            self._plain = words(self.text, markdown=self.markdown)
        return self._plain

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
    return Line(no, without_forbidden(clean(raw)), dropped=dropped)


def strip_dot_leader(text: str) -> str:
    """Remove a table-of-contents dot leader ("Siden sidst.....")."""
    end = text.rstrip()
    body = end.rstrip(".")
    return body.rstrip() if len(end) - len(body) >= 3 else text


def _heading(text: str) -> tuple[int, str] | None:
    """The level and text of a Markdown heading line ("## Title ##"), if it is one."""
    match = _HEADING.match(text)
    if match is None:
        return None
    return len(match.group(1)), match.group(2).rstrip().rstrip("#").rstrip()


def html_to_markdown(text: str) -> str:
    """Turn the inline HTML of the export into Markdown; other export tags are dropped."""
    if "<" not in text:
        return text
    text = _BOLD_TAG.sub(r"**\2**", text)
    text = _ITALIC_TAG.sub(r"*\2*", text)
    text = _PARAGRAPHS.sub(" ", text)
    text = _BREAK.sub(" ", text)
    return _TAG.sub("", text)


def plain(text: str) -> str:
    """Return the text without Markdown headings, emphasis markers or HTML tags."""
    text = html_to_markdown(text)
    heading = _heading(text)
    if heading:
        text = heading[1]
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(lambda m: m.group(1) or "", text)
    text = text.replace("**", "")
    return " ".join(text.split())


def words(text: str, *, markdown: bool) -> str:
    """The words of ``text``: Markdown's markup removed, a plain-text document's kept."""
    return plain(text) if markdown else " ".join(text.split())


# Characters with a meaning in Markdown, wherever they stand in a line; "&" only where it
# starts a character reference such as "&amp;".
_MARKUP = re.compile(r"[\\`*_\[\]<>#|~]|&(?=#?[A-Za-z0-9]{1,32};)")
# What makes a line start a block: a heading, quote, list, rule, setext underline or table.
_BLOCK_LEAD = re.compile(r"^(?:[-+=]|(\d{1,9})([.)])(?=\s|$))")


def escape_markdown(text: str) -> str:
    """Markdown that renders as ``text`` exactly as printed, for plain-text documents."""
    text = _MARKUP.sub(lambda m: "\\" + m.group(), text)
    if _myst_line(text):
        return "\\" + text
    lead = _BLOCK_LEAD.match(text)
    if lead is None:
        return text
    if lead.group(1):  # "2024. " would start a numbered list: escape its dot
        return lead.group(1) + "\\" + text[len(lead.group(1)) :]
    return "\\" + text


def _myst_line(text: str) -> bool:
    # MyST's line syntax, which the site would hide or turn into a link target: a comment
    # ("% af kommunerne ...") or a target ("(Bilag 1)="), as mdit_py_plugins.myst_blocks
    # reads a line. (Its block break, "+++", starts with "+", which _BLOCK_LEAD escapes.)
    first = text.split("\n", 1)[0].rstrip()
    return text.startswith("%") or (
        text.startswith("(") and first.endswith(")=") and len(first) > len("()=")
    )


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
    heading = _heading(text)
    if heading:
        level, text = heading
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
    if not _HYPHEN_END.search(first[-2:]) or not second[:1].islower():
        return False
    if keeps_hyphen(first, second):
        return False
    return second.split(maxsplit=1)[0].strip(".,;:") not in _SUSPENDED


def keeps_hyphen(first: str, second: str) -> bool:
    """Whether a line ends in a name's or acronym's own hyphen: "KKR-" + "sekretariatet"."""
    if not first.endswith("-") or not second[:1].islower():
        return False
    word = first[first.rfind(" ") + 1 :].lstrip("(\"'«»„")
    if second.split(maxsplit=1)[0].strip(".,;:") in _SUSPENDED:
        return False
    return _NAME_HYPHEN.fullmatch(word) is not None


def continues(first: str, second: str) -> bool:
    """Whether ``second`` carries on a sentence that a page break cut after ``first``."""
    if not first or not second or ends_sentence(first):
        return False
    return second[:1].islower()


def _glue(first: str, second: str) -> tuple[int, str]:
    """How many characters to drop from the end of ``first``, and what goes between."""
    if joins_hyphenated(first, second):
        return 1, ""
    if keeps_hyphen(first, second):
        return 0, ""
    return len(first) - len(first.rstrip()), " "


def join_broken(first: str, second: str) -> str:
    """Join two pieces of one sentence, removing a breaking hyphen."""
    drop, glue = _glue(first, second)
    return first[: len(first) - drop] + glue + second.lstrip()


def join_all(pieces: list[str]) -> str:
    """Join the pieces of one paragraph as ``join_broken`` would, in one pass."""
    out: list[str] = []
    for piece in pieces:
        if out:
            tail = "".join(out[-3:])[-120:]
            drop, glue = _glue(tail, piece)
            if drop:
                out[-1] = out[-1][: len(out[-1]) - drop]
            out.append(glue + piece.lstrip())
        else:
            out.append(piece)
    return "".join(out)


def slug(text: str) -> str:
    """Make a readable ASCII id: æ→ae, ø→oe, å→aa, everything else dashes."""
    text = text.lower()
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "ue"), ("ö", "oe")):
        text = text.replace(src, dst)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
