"""Danish month names, shared by the importer (reading dates) and the site (writing them)."""

from __future__ import annotations

MONTHS = (
    *("januar", "februar", "marts", "april", "maj", "juni"),
    *("juli", "august", "september", "oktober", "november", "december"),
)
