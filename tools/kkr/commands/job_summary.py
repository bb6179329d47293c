"""Every problem of a validation in the GitHub job summary, which has no limit on annotations."""

from __future__ import annotations

import os
import re
from pathlib import Path

from kkr.diagnostics import Diagnostic, summary
from kkr.i18n import _, ngettext

# GitHub shows at most this many error (and as many warning) annotations per step.
ANNOTATIONS_PER_STEP = 10
# GitHub drops a step summary over 1 MiB; the rest of the room is for the closing lines.
LIMIT = 900_000


def write(diagnostics: list[Diagnostic], files: int) -> None:
    """Append the report to $GITHUB_STEP_SUMMARY as Markdown, when the variable is set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(render(diagnostics, files))


def render(diagnostics: list[Diagnostic], files: int) -> str:
    """Return a heading, the closing line and every problem as FILE:LINE:COL lines."""
    parts = [f"## {_('Validation of the records')}\n\n{summary(diagnostics, files)}\n"]
    if not diagnostics:
        return parts[0]
    errors = sum(1 for d in diagnostics if d.severity == "error")
    if max(errors, len(diagnostics) - errors) > ANNOTATIONS_PER_STEP:
        parts.append(
            "\n"
            + _(
                "GitHub shows at most {limit} errors and {limit} warnings of a step on the "
                "lines under Files changed; every problem is listed here."
            ).format(limit=ANNOTATIONS_PER_STEP)
            + "\n"
        )
    lines = [d.text() for d in diagnostics]
    kept: list[str] = []
    size = 0
    for line in lines:
        size += len(line.encode("utf-8")) + 1
        if size > LIMIT:
            break
        kept.append(line)
    # A code block shows record text as written: no Markdown, HTML or autolinked address in it.
    # Lines are already one line each (Diagnostic.text); the fence is longer than any ` run.
    runs = [len(run) for line in kept for run in re.findall(r"`+", line)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    parts.append(f"\n{fence}text\n" + "".join(f"{line}\n" for line in kept) + f"{fence}\n")
    left = len(lines) - len(kept)
    if left:
        parts.append(
            "\n"
            + ngettext(
                "{n} more problem is left out (GitHub drops a summary over 1 MiB); "
                "run make check to see every one.",
                "{n} more problems are left out (GitHub drops a summary over 1 MiB); "
                "run make check to see every one.",
                left,
            ).format(n=left)
            + "\n"
        )
    return "".join(parts)
