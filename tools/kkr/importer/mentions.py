"""People and bodies named in 'Forum ved Name, Municipality' lists of an item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kkr.importer.resolve import Resolver

# "- Erhvervshus Fyn ved Kenneth Muhs, Nyborg"
_VED = re.compile(r"^\s*- (?P<forum>.+?),? ved (?P<name>[^,]+), (?P<town>[^,]+?)\.?$", re.MULTILINE)


@dataclass
class Mentions:
    """Resolved ids, in order of first mention, and the names nothing matched."""

    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def find_mentions(markdown: str, resolver: Resolver) -> Mentions:
    """Resolve every forum and person of the item's 'ved' list lines."""
    found = Mentions()
    for match in _VED.finditer(markdown):
        person = resolver.person(match.group("name").strip())
        _add(found.people, person, found.unresolved, match.group("name"))
        forum = _organization(match.group("forum"), resolver)
        _add(found.organizations, forum, found.unresolved, match.group("forum"))
    return found


def _add(into: list[str], value: str | None, unresolved: list[str], name: str) -> None:
    if value is None:
        unresolved.append(name.strip())
    elif value not in into:
        into.append(value)


def _organization(forum: str, resolver: Resolver) -> str | None:
    """Try the forum as printed, without commas, then without trailing abbreviations."""
    words = forum.replace(",", "").split()
    candidates = [forum, " ".join(words)]
    while len(words) > 1 and words[-1].isupper():
        words = words[:-1]
        candidates.append(" ".join(words))
    for candidate in candidates:
        found = resolver.organizations.find(candidate)
        if found is not None:
            return found
    return None
