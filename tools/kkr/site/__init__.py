"""Sphinx extension that renders the KKR Syddanmark records as a cross-linked Danish site.

Importing the package loads no Sphinx: command-line tools use its helpers (kkr.site.dates),
and Sphinx was most of ``kkr validate``'s start-up. ``setup`` loads the extension proper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the domain, config, transforms and event handlers (kkr.site.extension)."""
    from kkr.site.extension import setup as register

    return register(app)
