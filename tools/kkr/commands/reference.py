"""``kkr reference``: regenerate docs/reference from the models, codes and commands."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kkr import guide
from kkr.commands.generated import write_or_check
from kkr.commands.options import add_generated
from kkr.i18n import _, set_language
from kkr.reference import cli_page, codes_page, records_page


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``reference`` command."""
    parser = subparsers.add_parser(
        "reference",
        help=_("regenerate the reference pages in docs/reference"),
        description=_(
            "Regenerate docs/reference (record kinds, diagnostic codes, this "
            "command line's help and, in docs/reference/guide, the output of every command the "
            "editing guide shows, from real runs on a scratch copy of the records) from the code, "
            "so the documentation cannot drift."
        ),
    )
    add_generated(parser, Path("docs/reference"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write or check the reference pages."""
    from kkr.cli import build_parser

    # argparse wraps help text to the terminal width; fix it so the pages are stable.
    os.environ["COLUMNS"] = "100"
    # The pages are the Danish site's: neither --lang nor KKR_LANG may change the committed files.
    set_language("da")
    files = {
        "records.md": records_page(),
        "codes.md": codes_page(),
        "cli.md": cli_page(build_parser()),
        **guide.render(),
    }
    set_language(args.lang)
    return write_or_check(args.output, files, check=args.check, regenerate="kkr reference")
