"""Where a tool may write under the records folder: never through a link that leads outside."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from kkr.diagnostics import shown
from kkr.i18n import _


class OutsideError(Exception):
    """The path, or a folder on the way to it, is a link outside the records or to nothing."""


def target(records: Path, relative: PurePath) -> Path:
    """Return ``records / relative`` once it and every folder on the way are checked.

    A symbolic link is allowed only where it leads to an existing place inside ``records``
    (resolved, so ``..`` and chains of links count); a link leading outside, or to nothing
    (it would create its target wherever it points), raises OutsideError with the path.
    """
    boundary = Path(os.path.realpath(records))
    current = Path(records)
    for part in relative.parts:
        current = current / part
        if not current.is_symlink():
            continue
        link = shown(current.readlink().as_posix())
        if not current.exists():
            raise OutsideError(
                _(
                    "{path} is a symbolic link to {link}, which does not exist; a tool never "
                    "writes through a link. Remove it (rm {path}) and run the command again"
                ).format(path=shown(str(current)), link=link)
            )
        resolved = Path(os.path.realpath(current))
        if resolved != boundary and boundary not in resolved.parents:
            raise OutsideError(
                _(
                    "{path} is a symbolic link to {link}, outside {records}; tools write only "
                    "inside the records folder. Replace the link with a real folder or file "
                    "(rm {path}) and run the command again"
                ).format(path=shown(str(current)), link=link, records=shown(str(records)))
            )
    return current
