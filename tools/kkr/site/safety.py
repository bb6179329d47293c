"""The last line of defence: no raw output and no script or data links in any page."""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_COMMENT = re.compile(r"<!--(?:(?!-->).)*-->", re.DOTALL)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def scheme(uri: str) -> str | None:
    """Return the scheme of ``uri`` as a browser reads it, ignoring hidden characters."""
    # Browsers drop control characters and whitespace inside a scheme ("java\tscript:").
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", uri).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def safe_uri(uri: str) -> bool:
    """Whether ``uri`` is relative or uses http(s), mailto or tel."""
    found = scheme(uri)
    # A relative link is safe: the HTML writer escapes it, so no entity can form a scheme.
    return found is None or found in SAFE_SCHEMES


_CHECKED = (nodes.raw, nodes.reference, nodes.image)


def scrub(doctree: nodes.Node, where: str) -> int:
    """Remove raw nodes and neutralise unsafe links and images; return how many."""
    removed = 0
    # One walk of the tree for all three kinds of node (it was one walk each).
    for node in list(doctree.findall(lambda n: isinstance(n, _CHECKED))):
        if isinstance(node, nodes.raw):
            node.parent.remove(node)
            # An HTML comment in a hand-written page is dropped quietly; anything else is
            # reported.
            removed += 0 if _COMMENT.fullmatch(node.astext().strip()) else 1
        elif isinstance(node, nodes.reference):
            uri = node.get("refuri")
            if uri is not None and not safe_uri(str(uri)):
                node.replace_self(
                    nodes.inline("", "", *node.children, classes=["kkr-blocked-link"])
                )
                removed += 1
        elif scheme(str(node.get("uri", ""))) not in (None, "http", "https"):
            node.parent.remove(node)
            removed += 1
    if removed:
        logger.warning(
            "removed %d unsafe construct(s) (raw HTML or a script link) from %s",
            removed,
            where,
            type="kkr",
            subtype="unsafe",
        )
    return removed


class ScrubDoctree(SphinxTransform):
    """Runs ``scrub`` on every document right after parsing."""

    default_priority = 900

    def apply(self, **kwargs: Any) -> None:
        """Scrub the document."""
        scrub(self.document, self.env.docname)


class ScrubOutput(SphinxPostTransform):
    """Runs ``scrub`` again on the resolved doctree that is written."""

    default_priority = 990

    def run(self, **kwargs: Any) -> None:
        """Scrub the resolved document."""
        scrub(self.document, str(self.document.get("source", "")))
