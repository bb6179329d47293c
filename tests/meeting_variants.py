"""A new meeting's agenda and minutes, dated after every meeting the records hold.

The test documents are for 10 September 2024, but the live records may one day hold that
meeting. These copies move the meeting to a date no record has, after the latest meeting,
which becomes its previous one, so a test never depends on which dates are taken.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "meeting"
_MONTHS = (
    *("januar", "februar", "marts", "april", "maj", "juni", "juli"),
    *("august", "september", "oktober", "november", "december"),
)


@dataclass(frozen=True)
class Meeting:
    """The two documents of a free meeting, and the dates they name."""

    agenda: Path
    minutes: Path
    date: str
    previous: str
    following: str

    @property
    def relative(self) -> str:
        """The meeting record's path under records/."""
        return f"meetings/{self.date}.yaml"


def _spoken(day: datetime.date) -> str:
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


def free_meeting(records: Path, folder: Path) -> Meeting:
    """The test agenda and minutes in ``folder``, moved to a date ``records`` does not hold."""
    dates = sorted(p.stem for p in (records / "meetings").glob("*.yaml"))
    previous = datetime.date.fromisoformat(dates[-1])
    day = previous + datetime.timedelta(days=91)
    following = day + datetime.timedelta(days=91)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in ("dagsorden", "referat"):
        text = (DATA / f"kkr-syddanmark-2024-09-10-{kind}.txt").read_text(encoding="utf-8")
        for old, new in (
            ("Dato: 10-09-2024", f"Dato: {day:%d-%m-%Y}"),
            ("den 17. juni 2024", f"den {_spoken(previous)}"),
            ("den 2. december 2024", f"den {_spoken(following)}"),
        ):
            assert old in text
            text = text.replace(old, new)
        path = folder / f"kkr-syddanmark-{day.isoformat()}-{kind}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return Meeting(paths[0], paths[1], day.isoformat(), previous.isoformat(), following.isoformat())
