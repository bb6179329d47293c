"""Danish dates, written as the council writes them: "21. november 2023"."""

from __future__ import annotations

from datetime import date

from kkr.danish import MONTHS


def long_date(value: date) -> str:
    """Return e.g. "21. november 2023"."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


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
        return f"{partial_date(start)} – {partial_date(end)}"
    if start:
        return f"fra {partial_date(start)}"
    if end:
        return f"til {partial_date(end)}"
    return "periode ikke oplyst"
