"""Given and family names from a Danish full name, by one documented rule (docs/oparl.md).

The family name (efternavn) is the last word, with the particles before it: "Anne la Cour",
"Gerhard von Oettingen". Every word before it, first and middle names (fornavne og
mellemnavne), is the given name: "Hans Stavnsager Rasmussen" is Hans Stavnsager + Rasmussen.
A record overrides the rule with ``family_name`` where the last word is not the family name.
"""

from __future__ import annotations

PARTICLES = frozenset(
    {"af", "da", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "la",
     "le", "van", "von", "zu"}
)  # fmt: skip
"""Lower-case words that belong to the family name that follows them."""


def split(name: str, family: str | None = None) -> tuple[str | None, str | None]:
    """Return (given name, family name) of ``name``; ``family`` is the record's override."""
    words = name.split()
    if not words:
        return None, None
    if family and name.endswith(" " + family.strip()):
        given = name.removesuffix(family.strip()).strip()
        return (given or None), family.strip()
    start = len(words) - 1
    # Particles are written in lower case; "De" or "La" starting a name is a given name.
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    given = " ".join(words[:start])
    return (given or None), " ".join(words[start:])
