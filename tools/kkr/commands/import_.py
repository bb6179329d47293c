"""``kkr import``: turn KL agenda and minutes documents into meeting records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kkr.commands.options import add_records, usage_error
from kkr.i18n import _
from kkr.importer.pipeline import Outcome, run_import

_VERBS = {
    "write": "wrote",
    "overwrite": "overwrote",
    "unchanged": "unchanged",
    "keep": "kept the existing",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` command."""
    parser = subparsers.add_parser(
        "import",
        help="import KL agenda and minutes documents as meeting records",
        description="Read KL agenda (dagsorden) and minutes (referat) documents, exported as "
        "text or Markdown, and write one meeting record per document plus a person record "
        "for every participant no record knows. Reports every source line it did not store. "
        "An existing meeting record keeps its item links (topics, organizations, people, "
        "presenters, contracts, commitments, promised points, matched by item number) and "
        "the fields the import does not set. "
        "Never overwrites a different record without --force. Exits 0 when all went well, 1 "
        "on errors (nothing is written then) and 2 on usage errors.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="documents to import")
    add_records(parser)
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would be written; write nothing"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace existing meeting records that differ"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import, print the report and return the exit code."""
    for path in args.files:
        if not path.is_file():
            return usage_error(
                _("{path} is not a file; example: kkr import referat.txt").format(path=path)
            )
    if args.records.exists() and not args.records.is_dir():
        return usage_error(
            _("{path} is not a directory; example: --records records").format(path=args.records)
        )
    outcome = run_import(list(args.files), args.records, dry_run=args.dry_run, force=args.force)
    print_outcome(outcome, args.records, dry_run=args.dry_run)
    return 0 if outcome.ok else 1


def print_outcome(outcome: Outcome, records: Path, *, dry_run: bool) -> None:
    """Print diagnostics, the line coverage, notes and what was (or would be) written."""
    diagnostics = sorted(outcome.diagnostics + [d for r in outcome.reports for d in r.diagnostics])
    for diagnostic in diagnostics:
        print(diagnostic.text(), file=sys.stderr)
    for report in outcome.reports:
        print(report.summary())
        for note in report.notes:
            print(f"  note: {note}")
    if not outcome.ok:
        print("nothing was written: fix the errors above and import again")
        return
    for planned in outcome.planned:
        target = records / planned.relative
        if dry_run:
            state = "unchanged" if planned.action == "unchanged" else f"would {planned.action}"
            print(f"--- {target} ({state})")
            if planned.action in ("write", "overwrite"):
                print(planned.text, end="")
        else:
            print(f"{_VERBS[planned.action]} {target}")
