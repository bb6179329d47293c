"""Danish letters folded for search: "Myrhoj" finds "Myrhøj", "Soeren" and "Soren" find "Søren".

Pagefind matches words as written, so a reader without æ, ø and å on the keyboard found
nothing. The search page folds the query (kkr-search.js, the same rule); here every indexed
block gets the folded form of each of its words that folding changes, in a hidden span
Pagefind reads but the reader never sees. The span's text sits between FOLD_OPEN and
FOLD_CLOSE so that the search page can drop it from titles and excerpts.
"""

from __future__ import annotations

import html
import re

FOLD_OPEN = "⟦"
FOLD_CLOSE = "⟧"
# Text ends at these closing tags; each block's folded words go just before its end. In a
# table cell they go before the cell's end, so that "<p>cell</p>" stays as it was.
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|td|th|dt|dd|caption|figcaption)>", re.IGNORECASE)
_CELL_START = re.compile(r"<t[dh][\s>]", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]>", re.IGNORECASE)
_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case with æ = ae, ø = o = oe and å = aa, as kkr-search.js folds a query."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    return text.replace("oe", "o")


def folded_words(text: str) -> list[str]:
    """The folded forms of the words of ``text`` that folding changes, once each, in order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        folded = fold(word)
        if folded != word.lower():
            seen.setdefault(folded, None)
    return list(seen)


def _span(words: list[str]) -> str:
    inner = html.escape(" ".join(words))
    return f'<span class="kkr-fold" hidden> {FOLD_OPEN} {inner} {FOLD_CLOSE}</span>'


def add_folded_terms(body: str) -> str:
    """``body`` with each block's folded words in a hidden span before the block's end tag."""
    out: list[str] = []
    pending: dict[str, None] = {}
    in_cell = False
    for piece in _TAG.split(body):
        if piece.startswith("<"):
            if _CELL_START.match(piece):
                in_cell = True
            ends_cell = bool(_CELL_END.fullmatch(piece))
            if pending and _BLOCK_END.fullmatch(piece) and (ends_cell or not in_cell):
                out.append(_span(list(pending)))
                pending = {}
            if ends_cell:
                in_cell = False
        elif piece:
            for word in folded_words(html.unescape(piece)):
                pending.setdefault(word, None)
        out.append(piece)
    if pending:
        out.append(_span(list(pending)))
    return "".join(out)
