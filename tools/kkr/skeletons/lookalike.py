"""Names that mix scripts or look exactly like an existing one (Unicode UTS #39, through ICU)."""

from __future__ import annotations

from collections.abc import Iterator

import icu

from kkr.i18n import _
from kkr.loading.corpus import Corpus

# Kinds whose records are known by a name a new one could imitate.
NAMED = ("person", "organization")


def _checker() -> icu.SpoofChecker:
    # ICU implements UTS #39: its restriction levels (moderately restrictive allows Latin with
    # one other script only where the mix is common, e.g. Latin + Han, never Latin + Cyrillic)
    # and the confusables skeleton from Unicode's own confusables.txt.
    checker = icu.SpoofChecker()
    checker.setChecks(icu.USpoofChecks.RESTRICTION_LEVEL)
    checker.setRestrictionLevel(icu.URestrictionLevel.MODERATELY_RESTRICTIVE)
    return checker


def warnings(name: str, corpus: Corpus) -> Iterator[str]:
    """Say if ``name`` mixes scripts, and name each existing person or body it looks like."""
    checker = _checker()
    if checker.check(name) & icu.USpoofChecks.RESTRICTION_LEVEL:
        scripts = sorted(
            {icu.Script.getScript(ord(c)).getName() for c in name if c.isalpha()} - {"Common"}
        )
        yield _(
            "{name!r} mixes the scripts {scripts}; a letter from another script can make a "
            "name look like someone else's. Write it in one script, e.g. 'Bo Hansen'"
        ).format(name=name, scripts=", ".join(scripts))
    skeleton = checker.getSkeleton(0, name)
    for kind in NAMED:
        for entry in corpus.entries(kind):
            other = getattr(entry.record, "name", None)
            if other and other != name and checker.getSkeleton(0, other) == skeleton:
                yield _(
                    "{name!r} looks exactly like {other!r} ({path}), though its letters differ; "
                    "if it is the same, use that record instead of a new one"
                ).format(name=name, other=other, path=entry.display)
