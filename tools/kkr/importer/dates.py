"""Danish dates in running text ('den 8. september 2020') and the meetings they name."""

from __future__ import annotations

import re
from datetime import date

from kkr.danish import MONTHS

_DATE = re.compile(
    r"\b(\d{1,2})\.\s{1,5}(" + "|".join(MONTHS) + r")\s{1,5}(\d{4})\b", re.IGNORECASE
)
# "Godkendelse af referat fra mødet den 8. september 2020"
PREVIOUS = re.compile(r"referat fra mødet den\s{1,5}(.+)$", re.IGNORECASE)
# "Næste møde i KKR Syddanmark er den 5. februar 2021."
# Bounded: "den 5. februar 2021" is short, and a bound keeps the search linear in the text.
NEXT = re.compile(
    r"Næste møde i KKR \w{1,40} er den\s{1,5}([^.]{1,40}\.\s{0,5}\w{1,20}\s{1,5}\d{4})",
    re.IGNORECASE,
)


def parse_date(text: str) -> str | None:
    """The first Danish date in ``text`` as YYYY-MM-DD, if it is a real date."""
    found = find_date(text)
    return found[0] if found else None


def find_date(text: str) -> tuple[str, str] | None:
    """The first real Danish date in ``text``: as YYYY-MM-DD and as printed."""
    match = _DATE.search(text)
    if match is None:
        return None
    day, month, year = int(match.group(1)), MONTHS.index(match.group(2).lower()) + 1, match.group(3)
    try:
        return date(int(year), month, day).isoformat(), match.group(0)
    except ValueError:
        return None
