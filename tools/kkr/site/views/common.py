"""Helpers shared by the page views."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from kkr.loading.corpus import Corpus, Entry
from kkr.loading.loader import PathKey
from kkr.site import citing, status
from kkr.site.blocks import Block, Inline, bullets, doc, markdown, para, ref, section
from kkr.site.dates import long_date
from kkr.site.links import ItemInfo, Links, name

View = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """What every view needs: the corpus, its backlinks, the pages prefix and the build day."""

    corpus: Corpus
    links: Links
    prefix: str
    today: date
    extra: dict[str, View] = field(default_factory=dict)
    """Pages a view adds beside its own, such as the year pages of a long list of items."""

    @cached_property
    def contract_status(self) -> dict[str, str]:
        """Each contract's status as shown on the build day, by id (computed once per build)."""
        return status.contract_statuses(self.corpus, self.today)

    @cached_property
    def library(self) -> citing.Library:
        """The source documents, each read and parsed at most once per build."""
        return citing.Library(self.corpus)


def view(title: str, blocks: list[Block], *, orphan: bool = True, wrap: bool = True) -> View:
    """A page: its title and its blocks, wrapped in a titled section unless they are one."""
    if wrap and not (len(blocks) == 1 and blocks[0]["t"] == "section"):
        blocks = [section(title, blocks)]
    return {"title": title, "blocks": blocks, "orphan": orphan}


def text(entry: Entry, path: PathKey, value: str | None, tables: list[Any] | None = None) -> Block:
    """Record Markdown at ``path`` of ``entry``, located for error messages."""
    position = entry.locate(path)
    # Block scalars start on the line after the key; the text's own line 1 is there.
    return markdown(value or "", (entry.display, position.line + 1), tables)


def item_link(info: ItemInfo, *, with_date: bool = True) -> dict[str, str]:
    """A link to an item, labelled with its date, number and title."""
    label = info.label
    if with_date:
        label = f"{long_date(info.date)}: {label}"
    return ref("item", info.ref, label)


def item_list(infos: list[ItemInfo]) -> list[Inline]:
    """Items as bullet entries, oldest first, each once."""
    seen: dict[str, ItemInfo] = {info.ref: info for info in infos}
    ordered = sorted(seen.values(), key=lambda info: (info.date, _number(info.item.number)))
    return [[item_link(info)] for info in ordered]


# Page names are ASCII, as the directory names are (moeder, forloeb): "Vedrører" -> vedroerer.
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})

LONGEST_LIST = 250
"""More items than this and a list becomes a page per year: no page grows past ~500 KB."""


def item_bullets(
    ctx: Context, page: str, subject: str, heading: str, infos: list[ItemInfo], *, empty: str = ""
) -> list[Block]:
    """Items as a bullet list, or, for a long list, a link per year to a page of that year.

    ``page`` is the docname of the page showing the list, ``subject`` says in Danish which
    items it lists and ``heading`` is the list's heading; they name and title the year
    pages, e.g. arkiv/personer/bo-hansen/fremlagt-2024, "Punkter fremlagt af Bo Hansen (2024)".
    """
    rows = item_list(infos)
    if len(rows) <= LONGEST_LIST:
        return [bullets(rows, empty)]
    by_year: defaultdict[int, list[ItemInfo]] = defaultdict(list)
    for info in {info.ref: info for info in infos}.values():
        by_year[info.date.year].append(info)
    years = sorted(by_year)
    names = [f"{page}/{heading.lower().translate(_ASCII)}-{year}" for year in years]
    links: list[Inline] = []
    for index, (year, docname) in enumerate(zip(years, names, strict=True)):
        count = len(by_year[year])
        title = f"{subject} ({year})"
        ctx.extra[docname] = view(
            title, [*_year_links(years, names, index), bullets(item_list(by_year[year]))]
        )
        links.append([doc(docname, f"{year} ({count} {'punkt' if count == 1 else 'punkter'})")])
    return [para(f"{len(rows)} punkter, fordelt på år:"), bullets(links)]


def _year_links(years: list[int], names: list[str], index: int) -> list[Block]:
    """Links from one year page to the year pages before and after it, if there are any."""
    parts: Inline = []
    if index > 0:
        parts += ["Forrige år: ", doc(names[index - 1], str(years[index - 1]))]
    if index + 1 < len(years):
        after = doc(names[index + 1], str(years[index + 1]))
        parts += [" · " if parts else "", "Næste år: ", after]
    return [para(*parts)] if parts else []


def _number(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def number_key(number: str) -> tuple[int, ...]:
    """Sort key for item numbers such as 3.10."""
    return _number(number)


def person(ctx: Context, person_id: str) -> dict[str, str]:
    """A link to a person."""
    return ref("person", person_id, name(ctx.links, "person", person_id))


def org(ctx: Context, org_id: str) -> dict[str, str]:
    """A link to an organization."""
    return ref("org", org_id, name(ctx.links, "organization", org_id))


def meeting_link(meeting_id: str, when: Any) -> dict[str, str]:
    """A link to a meeting, labelled with its Danish date."""
    return ref("meeting", meeting_id, long_date(when))
