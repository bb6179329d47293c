"""The "Historik" section of every record page: each commit that touched the record, in words."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kkr.changes.timeline import Step, Timeline
from kkr.loading.corpus import Corpus
from kkr.site import paths
from kkr.site.blocks import Block, Inline, bullets, para, section
from kkr.site.dates import long_date
from kkr.site.views.common import View

ZONE = ZoneInfo("Europe/Copenhagen")
ANCHOR = "historik"
SHOWN = 6
"""Changes listed per commit; a commit that changed more says how many more."""

_WHY = {
    "shallow": (
        "Historikken er ikke tilgængelig: siden er bygget fra en kopi af arkivet uden "
        "versionshistorik (en »shallow clone«)."
    ),
    "no-git": (
        "Historikken er ikke tilgængelig: siden er bygget fra en kopi af arkivet uden "
        "versionshistorik (git)."
    ),
}


_PARTICLES = frozenset({"von", "van", "de", "da", "di", "du", "la", "le"})


def _continued(line: str) -> str:
    """A change in lower case, to continue the sentence, unless it starts with a name: two
    capitalised words ('Eva Demomand …', 'Alexander von Oettingen …') or an abbreviation."""
    words = line.split(" ", 3)
    if any(c.isupper() for c in words[0][1:]):
        return line
    rest = words[1:]
    if rest and rest[0] in _PARTICLES:
        rest = rest[1:]
    if rest and rest[0][:1].isupper():
        return line
    return line[:1].lower() + line[1:]


def _step(step: Step) -> Inline:
    when = long_date(step.when.astimezone(ZONE).date())
    lines = step.lines[:SHOWN]
    if len(step.lines) > SHOWN:
        lines.append(f"og {len(step.lines) - SHOWN} ændringer mere")
    text = "; ".join(_continued(line) for line in lines)
    label = "offentliggjort" if step.first else "ændret efter offentliggørelsen"
    return [f"{when} ({label}): {text} ({step.subject})"]


def section_for(line: Timeline, steps: list[Step]) -> Block:
    """The Historik section of one record's page."""
    if not line.available:
        body = [para(_WHY.get(line.history.reason, _WHY["no-git"]), classes=["kkr-empty"])]
    elif not steps:
        body = [
            para("Posten er endnu ikke gemt i arkivets versionshistorik.", classes=["kkr-empty"])
        ]
    else:
        body = [
            para(
                "Hver ændring af posten, som arkivets versionshistorik (git) har den, "
                "med datoen for ændringen og beskeden, den blev gemt med:"
            ),
            bullets([_step(step) for step in reversed(steps)]),
        ]
    return section("Historik", body, anchor=ANCHOR, classes=["kkr-history"])


def add(views: dict[str, View], corpus: Corpus, prefix: str, line: Timeline) -> None:
    """Add the Historik section to the page of every record that has one."""
    for kind in paths.DIRS:
        for entry in corpus.entries(kind):
            view = views.get(paths.page(prefix, kind, entry.record.id))
            if view is None:
                continue
            block = section_for(line, line.steps(entry) if line.available else [])
            blocks = view["blocks"]
            if len(blocks) == 1 and blocks[0]["t"] == "section":
                blocks[0]["body"].append(block)
            else:
                blocks.append(block)
