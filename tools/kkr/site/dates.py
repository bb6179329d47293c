"""Danish dates, written as the council writes them ("21. november 2023"), and the build day."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from kkr.danish import MONTHS

NBSP = "\u00a0"


def build_day() -> date:
    """The day the site is built for: SOURCE_DATE_EPOCH (UTC) when set, else today.

    Every view that depends on "now" takes this one value, so two builds with the
    same SOURCE_DATE_EPOCH give the same bytes (the Reproducible Builds convention).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return datetime.now(UTC).date()


def long_date(value: date) -> str:
    """Return e.g. "21. november 2023"."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def title_date(value: date) -> str:
    """A date for headings: a non-breaking space keeps "21." and "november" on one line."""
    return f"{value.day}.{NBSP}{MONTHS[value.month - 1]} {value.year}"


def partial_date(value: str) -> str:
    """Return a YYYY, YYYY-MM or YYYY-MM-DD date in Danish words."""
    parts = value.split("-")
    if len(parts) == 3:
        return long_date(date(int(parts[0]), int(parts[1]), int(parts[2])))
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def period(start: str | None, end: str | None) -> str:
    """Return a period such as "januar 2022 – 31. december 2025" or "fra 2020"."""
    if start and end:
        if start == end:
            return partial_date(start)
        return f"{partial_date(start)} – {partial_date(end)}"
    if start:
        return f"fra {partial_date(start)}"
    if end:
        return f"til {partial_date(end)}"
    return "periode ikke oplyst"
