"""The ``kkr`` command line: one module per command under ``kkr.commands``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from kkr.diagnostics import shown
from kkr.i18n import LANGUAGES, _, set_language

COMMANDS = ("validate", "schema", "reference", "import_", "new", "diff", "serve")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="kkr",
        description="Tools for the KKR Syddanmark knowledge base.",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the language of messages: da (Danish) or en (English); default: the KKR_LANG "
        "environment variable, else da",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"kkr.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 problems, 2 usage, 3 internal error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    try:
        result: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `kkr validate | head`); that is not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:
        # Bad input is reported as located diagnostics; reaching here is a bug in kkr.
        if os.environ.get("KKR_DEBUG"):
            raise
        print(
            _(
                "kkr: internal error: {name}: {error}. This is a bug in kkr; rerun with "
                "KKR_DEBUG=1 for details and report it with the input files."
            ).format(name=exc.__class__.__name__, error=shown(str(exc))),
            file=sys.stderr,
        )
        return 3
    return result


if __name__ == "__main__":
    sys.exit(main())
