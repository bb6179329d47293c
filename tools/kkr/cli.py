"""The ``kkr`` command line: one module per command under ``kkr.commands``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMANDS = ("validate", "schema", "reference", "import_", "new", "diff", "serve")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="kkr",
        description="Tools for the KKR Syddanmark knowledge base.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"kkr.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 problems, 2 usage, 3 internal error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
            f"kkr: internal error: {exc.__class__.__name__}: {exc}. This is a bug in kkr; "
            "rerun with KKR_DEBUG=1 for details and report it with the input files.",
            file=sys.stderr,
        )
        return 3
    return result


if __name__ == "__main__":
    sys.exit(main())
