"""The data licence set in conf.py (``kkr_data_license``), as every export states it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NONE_CHOSEN = (
    "Der er ikke valgt en licens for dataene. Spørg KKR Syddanmarks sekretariat, før du genbruger "
    "dem ud over citat."
)
EXAMPLE = (
    "kkr_data_license = {'name': 'CC-BY-4.0', 'title': 'Creative Commons Navngivelse 4.0', "
    "'url': 'https://creativecommons.org/licenses/by/4.0/'}"
)
KEYS = ("name", "title", "url")


@dataclass(frozen=True)
class DataLicense:
    """A licence: its SPDX id, its title as readers see it, and the URL of its text."""

    name: str
    title: str
    url: str

    @property
    def sentence(self) -> str:
        """The Danish sentence the Data page and the feeds show."""
        return f"Dataene må genbruges på vilkårene i {self.title} ({self.url})."


def from_setting(value: Any) -> DataLicense | None:
    """The licence ``kkr_data_license`` names, or None while none has been chosen.

    Raises ValueError with the setting's valid form when the value is malformed.
    """
    if not value:
        return None
    if not isinstance(value, dict) or set(value) != set(KEYS):
        raise ValueError(
            f"kkr_data_license must be None or a dict with exactly the keys {', '.join(KEYS)}, "
            f"e.g. {EXAMPLE}"
        )
    fields = {key: str(value[key]).strip() for key in KEYS}
    if not all(fields.values()) or not fields["url"].startswith(("https://", "http://")):
        raise ValueError(
            f"kkr_data_license needs a non-empty name and title and a web address, e.g. {EXAMPLE}"
        )
    return DataLicense(**fields)


def statement(license: DataLicense | None) -> str:
    """What an export says about its licence, in Danish."""
    return license.sentence if license else NONE_CHOSEN
