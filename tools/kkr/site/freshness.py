"""Every page says how current its data is: "Data opdateret til og med 21. november 2023"."""

from __future__ import annotations

from datetime import date
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from kkr.site.blocks import fingerprint
from kkr.site.dates import long_date

KEY = "kkr-freshness"


def sentence(newest: date | None) -> str:
    """The sentence for the newest date in the records, or a plain statement when there is none."""
    if newest is None:
        return "Der er endnu ingen kildedokumenter registreret."
    return f"Data opdateret til og med {long_date(newest)} (seneste registrerede kildedokument)."


class AddFreshness(SphinxTransform):
    """Appends the data-currency sentence to every page and notes the dependency.

    The page is read again whenever the sentence changes, through the same fingerprint
    mechanism as the generated pages (domain.outdated).
    """

    default_priority = 880

    def apply(self, **kwargs: Any) -> None:
        """Add the sentence at the end of the page's first section."""
        domain: Any = self.env.domains["kkr"]
        line = getattr(domain, "site_freshness", None)
        if line is None:
            return
        first = next(iter(self.document.findall(nodes.section)), None)
        if first is None:
            return
        first += nodes.paragraph(line, line, classes=["kkr-freshness"])
        domain.views.setdefault(self.env.docname, {})[KEY] = fingerprint(line)


def note(domain: Any, newest: date | None) -> None:
    """Store this build's sentence and its fingerprint on the domain."""
    line = sentence(newest)
    domain.site_freshness = line
    domain.site_prints[KEY] = fingerprint(line)
