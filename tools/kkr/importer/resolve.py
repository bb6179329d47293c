"""Matching names, municipalities and initials in a document to existing records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkr.loading.loader import load


def normalize(text: str) -> str:
    """Fold case and whitespace, so 'Bo  hansen' matches 'Bo Hansen'."""
    return " ".join(text.split()).casefold()


@dataclass
class _Index:
    """Ids by exact name, by normalized name and by normalized alias."""

    exact: dict[str, str] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    def add(self, record_id: str, name: str | None, aliases: list[str]) -> None:
        self.ids.add(record_id)
        if name:
            self.exact.setdefault(name, record_id)
            self.folded.setdefault(normalize(name), record_id)
        for alias in aliases:
            self.aliases.setdefault(normalize(alias), record_id)

    def find(self, name: str) -> str | None:
        """Exact name, then case- and space-insensitive name, then aliases."""
        if name in self.exact:
            return self.exact[name]
        key = normalize(name)
        return self.folded.get(key) or self.aliases.get(key)


@dataclass
class Resolver:
    """Indexes of the people, organizations, bodies and meetings under a records folder."""

    people: _Index = field(default_factory=_Index)
    organizations: _Index = field(default_factory=_Index)
    initials: dict[str, str] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)
    meetings: set[str] = field(default_factory=set)

    @classmethod
    def scan(cls, records: Path) -> Resolver:
        """Read every person, organization, body and meeting record under ``records``."""
        resolver = cls()
        for data in _records(records / "people"):
            resolver.people.add(data["id"], data.get("name"), _strings(data.get("aliases")))
            if isinstance(data.get("initials"), str):
                resolver.initials.setdefault(data["initials"], data["id"])
        for data in _records(records / "organizations"):
            names = _strings(data.get("aliases")) + _strings(data.get("abbreviations"))
            resolver.organizations.add(data["id"], data.get("name"), names)
        resolver.bodies = {data["id"] for data in _records(records / "body")}
        resolver.meetings = {data["id"] for data in _records(records / "meetings")}
        return resolver

    def person(self, name: str) -> str | None:
        """The id of the person called ``name``, if a record has that name or alias."""
        return self.people.find(name)

    def municipality(self, name: str) -> str | None:
        """The id of the municipality printed as ``name`` ('Kolding', 'Nordfyns')."""
        for candidate in (name, f"{name} Kommune", f"{name}s Kommune"):
            found = self.organizations.find(candidate)
            if found is not None:
                return found
        return None


def _records(directory: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.rglob("*.yaml")):
        data = load(path).data
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found.append(data)
    return found


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
