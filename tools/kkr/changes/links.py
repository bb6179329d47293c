"""Symbolic links among the records at either revision: described, never followed."""

from __future__ import annotations

import os
from pathlib import Path

from kkr.changes.compare import Group
from kkr.i18n import _


def links_in(records: Path) -> dict[str, str]:
    """Return each symbolic link below ``records`` (posix path) and the target it names."""
    found: dict[str, str] = {}
    # os.walk does not descend into a linked folder; the link itself is listed with the rest.
    for directory, subdirs, files in os.walk(records):
        subdirs.sort()
        for name in [*subdirs, *files]:
            path = Path(directory, name)
            if path.is_symlink():
                found[path.relative_to(records).as_posix()] = path.readlink().as_posix()
    return found


def link_groups(before: dict[str, str], after: dict[str, str]) -> list[Group]:
    """Describe every link at BASE or now, by its path: new, removed, changed or unchanged."""
    groups = []
    for path in sorted(before.keys() | after.keys()):
        was, now = before.get(path), after.get(path)
        if was is None:
            line = _("New symbolic link to {target}").format(target=now)
        elif now is None:
            line = _("Symbolic link to {target} removed").format(target=was)
        elif was != now:
            line = _("Symbolic link now leads to {target} instead of {old}").format(
                target=now, old=was
            )
        else:
            line = _("Symbolic link to {target}, unchanged").format(target=now)
        groups.append(Group(path, [line]))
    return groups
