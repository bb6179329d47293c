"""People and bodies named in 'Forum ved Name, Municipality' lists of an item."""

from __future__ import annotations

from dataclasses import dataclass, field

from kkr.importer.resolve import Resolver

# "- Erhvervshus Fyn ved Kenneth Muhs, Nyborg": split by hand, line by line, so that no
# pattern scans a line once per " ved " it holds.
_BULLET = "- "


@dataclass
class Mentions:
    """Resolved ids, in order of first mention, and the names nothing matched."""

    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def find_mentions(markdown: str, resolver: Resolver) -> Mentions:
    """Resolve every forum and person of the item's 'ved' list lines."""
    found = Mentions()
    seen: set[str] = set()
    for line in markdown.split("\n"):
        parts = _ved(line)
        if parts is None:
            continue
        forum, name = parts
        _add(found.people, resolver.person(name), found.unresolved, name, seen)
        _add(found.organizations, _organization(forum, resolver), found.unresolved, forum, seen)
    return found


def _ved(line: str) -> tuple[str, str] | None:
    """The forum and the person of a '- Forum ved Name, Town' line."""
    line = line.lstrip()
    if not line.startswith(_BULLET):
        return None
    forum, sep, rest = line[len(_BULLET) :].partition(" ved ")
    name, comma, town = rest.partition(", ")
    if not sep or not comma or not forum or not name or "," in name:
        return None
    town = town.removesuffix(".")
    if not town or "," in town:
        return None
    return forum.removesuffix(","), name.strip()


def _add(
    into: list[str], value: str | None, unresolved: list[str], name: str, seen: set[str]
) -> None:
    """Add a found id once; a name nothing matches is reported once."""
    key = value or f"?{name.strip()}"
    if key in seen:
        return
    seen.add(key)
    if value is None:
        unresolved.append(name.strip())
    else:
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
