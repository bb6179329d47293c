"""Meeting pages, meeting lists by year, and case pages."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from kkr.loading.corpus import Entry
from kkr.site import citing, labels, parties, paths, status
from kkr.site.blocks import (
    Block,
    Inline,
    bullets,
    doc,
    fields,
    para,
    ref,
    section,
    strong,
    table,
)
from kkr.site.dates import long_date, title_date
from kkr.site.links import ItemInfo, display_title
from kkr.site.views import cite
from kkr.site.views.common import (
    Context,
    View,
    item_bullets,
    meeting_link,
    org,
    person,
    view,
)
from kkr.site.views.items import expected_points, item_section
from kkr.site.views.party_attendance import party_section
from schema.meeting import Item, Meeting
from schema.person import Person


def meeting_views(ctx: Context) -> dict[str, View]:
    """A page per meeting, a page per year and the list of years."""
    out: dict[str, View] = {}
    years: defaultdict[int, list[Meeting]] = defaultdict(list)
    for entry in ctx.corpus.entries("meeting"):
        meeting = entry.record
        assert isinstance(meeting, Meeting)
        years[meeting.date.year].append(meeting)
        out[paths.page(ctx.prefix, "meeting", meeting.id)] = meeting_page(ctx, entry, meeting)
    for year, meetings in years.items():
        rows: list[list[Inline]] = [
            [
                [meeting_link(m.id, m.date)],
                [labels.label(labels.DOCUMENT, m.document) if m.document else ""],
                [status.shown_status(m, ctx.today)],
                [str(len(m.items))],
            ]
            for m in meetings
        ]
        # Outside the navigation, as meetings are: a sidebar listing every year would grow
        # on every page with the archive (kkr.site.navigation shows it under Møder).
        out[paths.year_page(ctx.prefix, year)] = view(
            f"Møder {year}", [table(["Dato", "Dokument", "Status", "Punkter"], rows)]
        )
    out[paths.list_page(ctx.prefix, "meeting")] = view(
        "Møder",
        [
            para("Møderne i KKR Syddanmark, år for år."),
            bullets(_years(ctx, years), "Ingen møder er registreret."),
        ],
        orphan=False,
    )
    return out


def _years(ctx: Context, years: dict[int, list[Meeting]]) -> list[Inline]:
    """Every year from the newest to the oldest meeting; a year without meetings says so."""
    if not years:
        return []
    rows: list[Inline] = []
    for year in range(max(years), min(years) - 1, -1):
        count = len(years.get(year, []))
        if count:
            label = "1 møde" if count == 1 else f"{count} møder"
            rows.append([doc(paths.year_page(ctx.prefix, year), str(year)), f": {label}"])
        else:
            rows.append(
                [
                    f"{year}: ingen møder registreret. Vidensbasen rummer ingen dagsorden eller "
                    f"referat fra et møde i {year}; det betyder ikke, at KKR ikke holdt møder."
                ]
            )
    return rows


def meeting_page(ctx: Context, entry: Entry, meeting: Meeting) -> View:
    """The page of one meeting: header, attendance, agenda and every item in full."""
    header = fields(
        [
            ("Dato", [long_date(meeting.date)]),
            ("Tidspunkt", [f"kl. {meeting.start_time}"] if meeting.start_time else []),
            ("Sted", [meeting.place] if meeting.place else []),
            ("Dokument", _document(ctx, meeting)),
            ("Status", [status.shown_status(meeting, ctx.today)]),
            ("Kilde", cite.links(ctx, cite.meeting_spans(ctx, meeting)) or [cite.NONE]),
            ("Sag", [ref("case", meeting.case, meeting.case)] if meeting.case else []),
            ("Forrige møde", _neighbour(meeting.previous)),
            ("Næste møde", _neighbour(meeting.next)),
        ]
    )
    body: list[Block] = [header]
    expected = expected_points(ctx, meeting)
    if expected:
        body.append(
            section(
                "Forventede punkter",
                [
                    para("Punkter, som et tidligere møde har sat på til dette møde:"),
                    bullets(expected),
                ],
                anchor="forventede-punkter",
            )
        )
    if meeting.document is None:
        mentions = _mentions(meeting)
        if mentions:
            body.append(
                section(
                    "Omtalt i andre møders dokumenter",
                    [
                        para("Ingen dokumenter fra mødet er registreret; andre dokumenter nævner:"),
                        bullets(mentions),
                    ],
                    anchor="omtalt",
                )
            )
    body.append(section("Fremmøde", _attendance(ctx, meeting), anchor="fremmoede"))
    body.append(section("Dagsorden", _agenda(meeting), anchor="dagsorden"))
    for index, item in enumerate(meeting.items):
        body.append(item_section(ctx, entry, meeting, index, item))
    title = f"Møde {title_date(meeting.date)}"
    return view(title, [section(title, body, obj=("meeting", meeting.id))])


DOCUMENT_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2})-(dagsorden|referat)\.(txt|md)$")


def _mentions(meeting: Meeting) -> list[Inline]:
    """What the sources say about a meeting whose own documents are not registered."""
    rows: list[Inline] = []
    for source in meeting.sources:
        if not source.note:
            continue
        found = DOCUMENT_NAME.search(source.document)
        where = source.document
        if found:
            kind = "Dagsordenen til" if found.group(2) == "dagsorden" else "Referatet fra"
            where = f"{kind} mødet {long_date(date.fromisoformat(found.group(1)))}"
        rows.append([f"{where}: {source.note}"])
    return rows


def _document(ctx: Context, meeting: Meeting) -> Inline:
    """The meeting's own agenda or minutes, linked to its page on the site."""
    if meeting.document is None:
        return ["ingen dokumenter fra mødet er registreret"]
    label = labels.label(labels.DOCUMENT, meeting.document)
    own = ctx.library.own_document(meeting)
    if own is None:
        return [f"{label} (dokumentet er ikke gemt i vidensbasen)"]
    return [doc(citing.page(ctx.prefix, own), ctx.library.title(own))]


def _neighbour(meeting_id: str | None) -> Inline:
    if not meeting_id:
        return []
    return [meeting_link(meeting_id, date.fromisoformat(meeting_id))]


def _attendance(ctx: Context, meeting: Meeting) -> list[Block]:
    if not meeting.present and not meeting.absent:
        return [para("Fremmødet er ikke registreret for dette møde.")]
    letters: set[str] = set()

    def who(person_id: str) -> Inline:
        record = ctx.corpus.get("person", person_id)
        found = record.record if record else None
        parts: Inline = [person(ctx, person_id)]
        extra: Inline = []
        if isinstance(found, Person):
            if found.party:
                letters.add(found.party)
                extra.append(found.party)
            elif found.party_name:
                extra.append(found.party_name)
            if found.municipality:
                extra += [", " if extra else "", org(ctx, found.municipality)]
        return parts + ([" (", *extra, ")"] if extra else [])

    out: list[Block] = [
        section(
            "Deltagere",
            [
                bullets([who(p) for p in meeting.present], "Ikke oplyst."),
                cite.line(ctx, ctx.library.attendance_spans(meeting, present=True)),
            ],
        )
    ]
    if meeting.absent:
        out.append(
            section(
                "Afbud",
                [
                    bullets([who(p) for p in meeting.absent]),
                    cite.line(ctx, ctx.library.attendance_spans(meeting, present=False)),
                ],
            )
        )
    if letters:
        out.append(para("Partibogstaver: ", parties.key(letters), "."))
    out.append(party_section(ctx, meeting))
    return out


def _agenda(meeting: Meeting) -> list[Block]:
    titles = {s.number: s.title for s in meeting.sections}
    groups: defaultdict[str, list[Item]] = defaultdict(list)
    for item in meeting.items:
        groups[item.number.split(".")[0]].append(item)
    out: list[Block] = []
    for number in sorted(groups, key=int):
        heading = f"{number}. {titles[number]}" if number in titles else f"{number}."
        out.append(para(strong(heading)))
        out.append(
            bullets(
                [
                    [
                        ref(
                            "item",
                            f"{meeting.id}/{i.number}",
                            f"{i.number} {display_title(i)}",
                        )
                    ]
                    for i in groups[number]
                ]
            )
        )
    if out:
        return out
    if meeting.document is None:
        return [para("Ingen dagsorden er registreret for mødet endnu.", classes=["kkr-empty"])]
    return [para("Dagsordenen er tom.")]


def case_views(ctx: Context) -> dict[str, View]:
    """A page per case number and the list of cases."""
    out: dict[str, View] = {}
    numbers = sorted(
        set(ctx.links.by_case) | set(ctx.links.meetings_by_case) | set(ctx.links.plans_by_case)
    )
    for number in numbers:
        if not paths.safe_id(number):
            continue
        blocks: list[Block] = []
        meetings = ctx.links.meetings_by_case.get(number, [])
        if meetings:
            blocks.append(
                section("Møder", [bullets([[meeting_link(m.id, m.date)] for m in meetings])])
            )
        plans = ctx.links.plans_by_case.get(number, [])
        if plans:
            blocks.append(
                section(
                    "Arbejdsgrundlag", [bullets([[ref("workplan", p.id, p.title)] for p in plans])]
                )
            )
        blocks.append(
            section(
                "Punkter",
                item_bullets(
                    ctx,
                    paths.page(ctx.prefix, "case", number),
                    f"Punkter i sag {number}",
                    "Punkter",
                    ctx.links.by_case.get(number, []),
                    empty="Ingen punkter.",
                ),
            )
        )
        title = f"Sag {number}"
        out[paths.page(ctx.prefix, "case", number)] = view(
            title, [section(title, blocks, obj=("case", number))]
        )
    rows: list[Inline] = [
        [ref("case", n, n), f" ({_count(ctx.links.by_case.get(n, []))})"] for n in numbers
    ]
    out[paths.list_page(ctx.prefix, "case")] = view(
        "Sagsnumre",
        [
            para(
                "KL's sagsnumre (journalnumre), fx SAG-2023-00123. KL giver typisk alle punkter "
                "på årets møder samme sagsnummer, så et sagsnummer samler et års møder – ikke ét "
                "emne. Vil du følge ét emne fra møde til møde, så se ",
                doc(paths.list_page(ctx.prefix, "matter"), "Forløb"),
                ".",
            ),
            bullets(rows, "Ingen sager."),
        ],
        orphan=False,
    )
    return out


def _count(infos: list[ItemInfo]) -> str:
    return "1 punkt" if len(infos) == 1 else f"{len(infos)} punkter"


def doc_link(docname: str, label: str) -> dict[str, str]:
    """A link to a generated list page."""
    return doc(docname, label)
