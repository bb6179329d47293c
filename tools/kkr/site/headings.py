"""Headings keep case numbers, year ranges and double names whole on a phone."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

NOWRAP = "kkr-nowrap"


def hyphenated(word: str) -> bool:
    """True for "SAG-2020-04616", "2021-2022" or "Schmidt-Hansen"; not for "KKR-" or "-"."""
    parts = word.split("-")
    return len(parts) > 1 and all(part[:1].isalnum() and part[-1:].isalnum() for part in parts)


def keep_whole(text: str) -> list[nodes.Node]:
    """The text as nodes, each hyphenated word in a span that the browser never breaks."""
    out: list[nodes.Node] = []
    buffer = ""
    for n, word in enumerate(text.split(" ")):
        if n:
            buffer += " "
        if hyphenated(word.strip(",.:;()»«\"'")):
            if buffer:
                out.append(nodes.Text(buffer))
            out.append(nodes.inline(word, word, classes=[NOWRAP]))
            buffer = ""
        else:
            buffer += word
    if buffer:
        out.append(nodes.Text(buffer))
    return out


class KeepHeadingWordsWhole(SphinxPostTransform):
    """Wrap hyphenated words of section titles in a no-wrap span (a break after "-" is legal)."""

    default_priority = 800

    def run(self, **kwargs: Any) -> None:
        """Rewrite the text of every section title."""
        for title in list(self.document.findall(nodes.title)):
            if not isinstance(title.parent, nodes.section):
                continue
            for text in list(title.findall(nodes.Text)):
                replaced = keep_whole(text.astext())
                if len(replaced) > 1 or not isinstance(replaced[0], nodes.Text):
                    text.parent.replace(text, replaced)
