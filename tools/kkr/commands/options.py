"""Options and output shared by several commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kkr.diagnostics import Diagnostic, as_json, shown, summary
from kkr.i18n import _

FORMATS = ("text", "github", "json")


def add_format(parser: argparse.ArgumentParser) -> None:
    """Add ``--format text|github|json``."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=_(
            "how to print problems: text (FILE:LINE:COL: error[CODE]: message), github "
            "(workflow annotations) or json (default: text)"
        ),
    )


def add_records(parser: argparse.ArgumentParser) -> None:
    """Add ``--records DIR``."""
    parser.add_argument(
        "--records",
        type=Path,
        default=Path("records"),
        metavar=_("DIR"),
        help=_("the records directory (default: records)"),
    )


def add_generated(parser: argparse.ArgumentParser, default: Path) -> None:
    """Add ``--output DIR`` and ``--check`` for commands that write generated files."""
    parser.add_argument(
        "--output",
        type=Path,
        default=default,
        metavar=_("DIR"),
        help=_("default: {value}").format(value=default),
    )
    parser.add_argument(
        "--check", action="store_true", help=_("write nothing; exit 1 if a file is out of date")
    )


def report(diagnostics: list[Diagnostic], files: int, fmt: str) -> None:
    """Print every diagnostic and the summary line in ``fmt``."""
    if fmt == "json":
        print(as_json(diagnostics, files))
        return
    for diagnostic in diagnostics:
        print(diagnostic.github() if fmt == "github" else diagnostic.text())
    print(summary(diagnostics, files), file=sys.stderr if fmt == "github" else sys.stdout)


def usage_error(message: str) -> int:
    """Print a usage error and return exit code 2."""
    # argparse's own wording of a usage error (translated like argparse's, see kkr.cli).
    line = _("%(prog)s: error: %(message)s\n") % {"prog": "kkr", "message": shown(message)}
    print(line, end="", file=sys.stderr)
    return 2
