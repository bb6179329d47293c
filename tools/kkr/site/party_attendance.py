"""Attendance by party: how many listed members were present and how many sent apologies.

One count serves the meeting page, the "Tal og tendenser" page and the CSV, so that the
three always agree. Someone listed both as present and absent counts as present, as the
attendance table does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kkr.site.collation import danish_sorted
from kkr.site.parties import PARTIES
from schema.person import Person

NO_PARTY = "Uden parti oplyst"


@dataclass(frozen=True)
class PartyCount:
    """One party's present and absent members; ``party`` is its letter or name, "" for none."""

    party: str
    label: str
    present: int
    absent: int


def party(person: Person | None) -> str:
    """The person's party letter, else the party's name, else ""."""
    if person is None:
        return ""
    return person.party or person.party_name or ""


def label(key: str) -> str:
    """E.g. "V (Venstre)", a name without a letter as written, or "Uden parti oplyst"."""
    if not key:
        return NO_PARTY
    return f"{key} ({PARTIES[key]})" if key in PARTIES else key


def marks(present: Iterable[str], absent: Iterable[str]) -> dict[str, bool]:
    """Each person listed, and whether they were present."""
    return dict.fromkeys(absent, False) | dict.fromkeys(present, True)


def _ordered(present: dict[str, int], absent: dict[str, int]) -> list[PartyCount]:
    order = list(PARTIES)
    letters = sorted((k for k in present if k in PARTIES), key=order.index)
    names = danish_sorted(k for k in present if k and k not in PARTIES)
    keys = letters + names + ([""] if "" in present else [])
    return [PartyCount(k, label(k), present[k], absent[k]) for k in keys]


def count(listed: dict[str, bool], lookup: Callable[[str], Person | None]) -> list[PartyCount]:
    """The counts per party, in the parties' letter order, then by name, then no party."""
    present: dict[str, int] = {}
    absent: dict[str, int] = {}
    for who, here in listed.items():
        key = party(lookup(who))
        present.setdefault(key, 0)
        absent.setdefault(key, 0)
        (present if here else absent)[key] += 1
    return _ordered(present, absent)


def add_up(groups: Iterable[list[PartyCount]]) -> list[PartyCount]:
    """The counts of several meetings summed per party, in the same order."""
    present: dict[str, int] = {}
    absent: dict[str, int] = {}
    for counts in groups:
        for c in counts:
            present[c.party] = present.get(c.party, 0) + c.present
            absent[c.party] = absent.get(c.party, 0) + c.absent
    return _ordered(present, absent)
