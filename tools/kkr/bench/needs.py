"""The sphinx-needs peer: the same archive as needs for meetings, items, people,
organizations and contracts, linked as the records are, on the same pages where it can.

sphinx-needs shows a need's outgoing and incoming links itself, so a person's page lists
the items they presented, as the site's does; list and year pages are needtables.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

from kkr.loading.corpus import Corpus
from kkr.site.dates import long_date
from schema.contract import Contract
from schema.meeting import Meeting
from schema.organization import Organization
from schema.person import Person

CONF = """project = "KKR sphinx-needs"
language = "da"
extensions = ["myst_parser", "sphinx_needs"]
root_doc = "index"
html_theme = "furo"
needs_id_regex = r"^[A-Z0-9_]{3,}"
needs_types = [
    {"directive": "meeting", "title": "Møde", "prefix": "M_", "color": "#BFD8D2", "style": "node"},
    {"directive": "item", "title": "Punkt", "prefix": "I_", "color": "#FEDCD2", "style": "node"},
    {"directive": "person", "title": "Person", "prefix": "P_", "color": "#DF744A", "style": "node"},
    {"directive": "organization", "title": "Organisation", "prefix": "O_", "color": "#DCB239",
     "style": "node"},
    {"directive": "contract", "title": "Aftale", "prefix": "C_", "color": "#9DC5BB",
     "style": "node"},
]
needs_extra_links = [
    {"option": "meeting", "incoming": "punkter", "outgoing": "møde"},
    {"option": "presenters", "incoming": "fremlagde", "outgoing": "fremlagt af"},
    {"option": "concerns", "incoming": "vedrørt af", "outgoing": "vedrører"},
    {"option": "organizations", "incoming": "punkter", "outgoing": "organisationer"},
    {"option": "attendees", "incoming": "deltog i", "outgoing": "deltagere"},
    {"option": "absentees", "incoming": "afbud til", "outgoing": "afbud"},
    {"option": "employer", "incoming": "personer", "outgoing": "organisation"},
    {"option": "parties", "incoming": "aftaler", "outgoing": "parter"},
]
needs_extra_options = ["year"]
suppress_warnings = ["needs", "myst.header"]
"""
_ROLE = re.compile(r"\{kkr:(\w+)\}`([^`<]*)`")
_PREFIX = {"person": "P_", "org": "O_", "contract": "C_", "meeting": "M_", "item": "I_"}


def need_id(prefix: str, record_id: str) -> str:
    """A need id from a record id, e.g. P_BO_HANSEN."""
    return prefix + re.sub(r"[^A-Z0-9]", "_", record_id.upper())


def _text(text: str) -> str:
    def role(match: re.Match[str]) -> str:
        prefix = _PREFIX.get(match.group(1))
        return f"{{need}}`{need_id(prefix, match.group(2))}`" if prefix else match.group(2)

    return _ROLE.sub(role, text)


def _need(kind: str, title: str, nid: str, options: dict[str, list[str] | str], body: str) -> str:
    lines = [f"````{{{kind}}} {title}", f":id: {nid}"]
    for name, value in options.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        if shown:
            lines.append(f":{name}: {shown}")
    return "\n".join([*lines, "", body, "````", ""])


def _meeting(meeting: Meeting) -> str:
    title = f"Møde {long_date(meeting.date)}"
    mid = need_id("M_", meeting.id)
    out = [f"# {title}", ""]
    out.append(
        _need(
            "meeting",
            title,
            mid,
            {
                "year": str(meeting.date.year),
                "attendees": [need_id("P_", p) for p in meeting.present],
                "absentees": [need_id("P_", p) for p in meeting.absent],
            },
            f"Status: {meeting.status.value}.",
        )
    )
    for item in meeting.items:
        heading = f"{item.number} {item.title}"
        body = [_text(getattr(item, name) or "") for name in ("baggrund", "sagsfremstilling")]
        if item.beslutning:
            body.append(f"**Beslutning:** {_text(item.beslutning)}")
        out += [f"## {heading}", ""]
        out.append(
            _need(
                "item",
                heading,
                need_id("I_", f"{meeting.id}/{item.number}"),
                {
                    "meeting": mid,
                    "presenters": [need_id("P_", p) for p in item.presenters],
                    "concerns": [need_id("P_", p) for p in item.people],
                    "organizations": [need_id("O_", o) for o in item.organizations],
                },
                "\n\n".join(b for b in body if b),
            )
        )
    return "\n".join(out)


def _table(title: str, kind: str, where: str = "") -> str:
    condition = f'type=="{kind}"' + (f" and {where}" if where else "")
    return "\n".join(
        [
            f"# {title}",
            "",
            "```{needtable}",
            f":filter: {condition}",
            ":columns: id, title",
            ":style: table",
            "```",
            "",
        ]
    )


def write(corpus: Corpus, target: Path) -> Path:
    """Write the sphinx-needs project for ``corpus`` into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(CONF)
    pages: dict[str, str] = {}
    years: defaultdict[int, int] = defaultdict(int)
    for entry in corpus.entries("meeting"):
        meeting = entry.record
        assert isinstance(meeting, Meeting)
        years[meeting.date.year] += 1
        pages[f"moeder/{meeting.id}"] = _meeting(meeting)
    for year in years:
        pages[f"moeder/{year}"] = _table(f"Møder {year}", "meeting", f'year=="{year}"')
    for entry in corpus.entries("person"):
        p = entry.record
        assert isinstance(p, Person)
        name = p.name or p.id
        employer = p.organization or p.municipality
        options: dict[str, list[str] | str] = {
            "employer": [need_id("O_", employer)] if employer else []
        }
        pages[f"personer/{p.id}"] = f"# {name}\n\n" + _need(
            "person", name, need_id("P_", p.id), options, _text(p.note or "")
        )
    for entry in corpus.entries("organization"):
        o = entry.record
        assert isinstance(o, Organization)
        pages[f"organisationer/{o.id}"] = f"# {o.name}\n\n" + _need(
            "organization", o.name, need_id("O_", o.id), {}, _text(o.description or "")
        )
    for entry in corpus.entries("contract"):
        c = entry.record
        assert isinstance(c, Contract)
        parties = [need_id("O_", party) for party in c.parties]
        pages[f"aftaler/{c.id}"] = f"# {c.title}\n\n" + _need(
            "contract", c.title, need_id("C_", c.id), {"parties": parties}, ""
        )
    lists = {
        "moeder/index": _table("Møder", "meeting"),
        "personer/index": _table("Personer", "person"),
        "organisationer/index": _table("Organisationer", "organization"),
        "aftaler/index": _table("Aftaler", "contract"),
    }
    pages.update(lists)
    index = ["# KKR Syddanmark (sphinx-needs)", "", "```{toctree}", ":maxdepth: 1", ""]
    index += [*lists, *(f"moeder/{year}" for year in sorted(years, reverse=True))]
    index += ["```", "", "```{toctree}", ":hidden:", ""]
    year_pages = {f"moeder/{year}" for year in years}
    index += [name for name in pages if name not in lists and name not in year_pages]
    pages["index"] = "\n".join([*index, "```", ""])
    for name, text in pages.items():
        path = target / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target
