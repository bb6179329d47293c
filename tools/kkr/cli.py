"""The ``kkr`` command line: one module per command under ``kkr.commands``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from kkr.diagnostics import shown
from kkr.i18n import LANGUAGES, _, ngettext, set_language

COMMANDS = ("validate", "schema", "reference", "import_", "new", "diff", "serve", "fix_encoding")


# argparse translates its own words ("usage:", "options:", its errors) with the `_` and
# `ngettext` it imported from gettext. It has no documented hook for a catalog: the only
# documented route, gettext.textdomain/bindtextdomain, switches the domain of the whole
# process, picks the language from environment variables and needs a compiled .mo on disk.
# So those two module names point at kkr.i18n (argparse looks them up at call time), which
# answers in the language --lang chose. The catalog holds Danish for argparse's msgids;
# tests/test_i18n.py extracts them from this Python's argparse.py.
argparse._ = _  # type: ignore[attr-defined]
argparse.ngettext = ngettext  # type: ignore[attr-defined]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser with every command registered, its help in the active language.

    Given the ``command`` the arguments name, only that command is registered: importing
    every command module (the importer's pipeline too) was a tenth of `kkr validate`'s
    start-up. What is printed is the same, since only `kkr --help` lists the commands.
    """
    parser = argparse.ArgumentParser(
        prog="kkr",
        description=_("Tools for the KKR Syddanmark knowledge base."),
    )
    _add_lang(parser, None)
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"), required=True)
    chosen = [name for name in COMMANDS if command_name(name) == command] or COMMANDS
    for name in chosen:
        importlib.import_module(f"kkr.commands.{name}").register(subparsers)
    # After the command too (`kkr validate records --lang en`), as staff write options; not
    # given there, it leaves the value given before the command alone.
    for sub in subparsers.choices.values():
        _add_lang(sub, argparse.SUPPRESS)
    return parser


def command_name(module: str) -> str:
    """The command a module of kkr.commands adds: import_ → import, fix_encoding → fix-encoding."""
    return module.rstrip("_").replace("_", "-")


def _add_lang(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=_(
            "the language of messages: da (Danish) or en (English); default: the KKR_LANG "
            "environment variable, else da"
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 problems, 2 usage, 3 internal error)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The help texts are translated as the parser is built, so choose the language first.
    set_language(requested_language(arguments))
    args = build_parser(requested_command(arguments)).parse_args(arguments)
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


def requested_language(arguments: Sequence[str]) -> str | None:
    """Return the value of the last ``--lang``, before or after the command, if any."""
    found = None
    for index, argument in enumerate(arguments):
        if argument == "--":
            break  # what follows is arguments, never options
        if argument == "--lang" and index + 1 < len(arguments):
            found = arguments[index + 1]
        elif argument.startswith("--lang="):
            found = argument.removeprefix("--lang=")
    return found


def requested_command(arguments: Sequence[str]) -> str | None:
    """Return the command named, if no option before it (such as --help) needs them all."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif not argument.startswith("--lang="):
            return None if argument.startswith("-") else argument
    return None


if __name__ == "__main__":
    sys.exit(main())
