"""Synthetic archives of a chosen size, built on the records of tests/roots/test-site."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3] / "tests" / "roots" / "test-site"
# The test site's own meetings, which its other records link to; generated dates avoid them.
KEPT_MEETINGS = ("2021-06-09", "2023-11-21")
MAIN_PRESENTER = "johannes-lundsryd-jensen"
EDITED_PERSON = "bo-hansen"
_FIRST = ("Anne", "Bent", "Camilla", "Dorte", "Erik", "Frida", "Gustav", "Hanne", "Ib", "Jette")
_LAST = ("Andersen", "Berg", "Christensen", "Dahl", "Eskildsen", "Friis", "Holm", "Juhl")
_TOPICS = ("erhverv", "integration")
_ORGS = ("kl", "middelfart-kommune", "syddansk-eu-kontor")


@dataclass(frozen=True)
class Size:
    """How many items in how many meetings."""

    items: int
    meetings: int


L = Size(9000, 600)
M = Size(1800, 120)


def people() -> list[str]:
    """Ids of the generated politicians."""
    return [f"{f}-{last}".lower() for f in _FIRST for last in _LAST]


def _person(person_id: str) -> str:
    first, last = person_id.split("-")
    return (
        f"id: {person_id}\nname: {first.title()} {last.title()}\nkind: politician\n"
        "party: A\nmunicipality: middelfart-kommune\n"
    )


def _item(day: date, number: int, who: list[str]) -> list[str]:
    presenter = who[number % len(who)]
    concerned = who[(number * 7) % len(who)]
    return [
        f"  - number: '1.{number}'",
        f"    title: Punkt {number} om {_TOPICS[number % 2]} den {day.isoformat()}",
        "    presenters:",
        f"      - {MAIN_PRESENTER}",
        f"      - {presenter}",
        f"    people: [{concerned}]",
        f"    organizations: [{_ORGS[number % len(_ORGS)]}]",
        f"    topics: [{_TOPICS[number % 2]}]",
        "    sagsfremstilling: |",
        f"      KKR Syddanmark drøftede punkt {number}. Et afsnit med **fed** tekst og et",
        "      link til [KL](https://www.kl.dk/), skrevet som i et rigtigt referat.",
        "",
        f"      Formand {{kkr:person}}`{MAIN_PRESENTER}` fremlagde, og",
        f"      {{kkr:person}}`{presenter}` supplerede med *bemærkninger* om økonomien.",
        "    beslutning: |",
        "      KKR Syddanmark tog orienteringen til efterretning.",
    ]


def meeting(day: date, count: int, who: list[str]) -> str:
    """The YAML of a held meeting with ``count`` items presented by ``who``."""
    start = day.toordinal() % len(who)
    present = [who[(start + k) % len(who)] for k in range(12)]
    lines = [
        f"id: '{day.isoformat()}'",
        "body: kkr-syddanmark",
        f"date: '{day.isoformat()}'",
        "status: held",
        "present:",
        f"  - {MAIN_PRESENTER}",
        *(f"  - {p}" for p in present),
        "absent:",
        f"  - {EDITED_PERSON}",
        "sections:",
        "  - number: '1'",
        "    title: Sager",
        "items:",
    ]
    for number in range(1, count + 1):
        lines += _item(day, number, who)
    return "\n".join(lines) + "\n"


def meeting_days(count: int) -> list[date]:
    """``count`` meeting dates, twelve days apart, none on the test site's own meetings."""
    days: list[date] = []
    day = date(2030, 1, 7)
    while len(days) < count:
        if day.isoformat() not in KEPT_MEETINGS:
            days.append(day)
        day += timedelta(days=12)
    return days


def generate(target: Path, size: Size) -> Path:
    """Write a site with ``size.items`` items spread evenly over ``size.meetings`` meetings."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns("_build", "arkiv"))
    records = target / "records"
    who = people()
    for person_id in who:
        (records / "people" / f"{person_id}.yaml").write_text(_person(person_id))
    meetings = max(1, size.meetings)
    base, extra = divmod(size.items, meetings)
    for index, day in enumerate(meeting_days(meetings)):
        count = max(1, base + (1 if index < extra else 0))
        (records / "meetings" / f"{day.isoformat()}.yaml").write_text(meeting(day, count, who))
    return target


def first_meeting(site: Path) -> Path:
    """The record file of the first generated meeting."""
    return site / "records" / "meetings" / f"{meeting_days(1)[0].isoformat()}.yaml"


def edit_item_text(site: Path, step: int) -> None:
    """Change the text of one item of one meeting."""
    path = first_meeting(site)
    text = path.read_text()
    path.write_text(
        text.replace("skrevet som i et rigtigt referat", f"skrevet som i referat {step}", 1)
    )


def edit_attendee(site: Path, step: int) -> None:
    """Replace the second attendee of one meeting by someone who was not there."""
    path = first_meeting(site)
    lines = path.read_text().split("\n")
    start = lines.index("present:") + 1
    end = lines.index("absent:")
    present = {line[4:] for line in lines[start:end]}
    missing = [p for p in people() if p not in present]
    lines[start + 1] = f"  - {missing[step % len(missing)]}"
    path.write_text("\n".join(lines))


def edit_person_name(site: Path, step: int) -> None:
    """Rename the person who sent apologies to every meeting."""
    path = site / "records" / "people" / f"{EDITED_PERSON}.yaml"
    lines = [
        f"name: Bo Hansen {step}" if line.startswith("name:") else line
        for line in path.read_text().split("\n")
    ]
    path.write_text("\n".join(lines))


EDITS = {
    "item": edit_item_text,
    "attendee": edit_attendee,
    "name": edit_person_name,
}
