"""``kkr validate``: check records and report every problem in one run."""

from __future__ import annotations

import argparse
from pathlib import Path

from kkr.checks.corpus import load_corpus
from kkr.commands.options import add_format, report, usage_error
from kkr.diagnostics import Diagnostic
from schema.registry import KINDS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` command."""
    parser = subparsers.add_parser(
        "validate",
        help="check records against the schema and each other",
        description="Check records against the schema and each other. Prints every problem "
        "as FILE:LINE:COL: error[CODE]: message, then a summary. Exits 0 when clean, 1 when "
        "records have errors (or warnings, with --strict) and 2 on usage errors.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("records")],
        metavar="PATH",
        help="records directory, kind directory or record file (default: records); "
        "references are always checked against the whole records directory",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    add_format(parser)
    parser.set_defaults(func=run)


def find_root(path: Path) -> Path:
    """Return the records directory that ``path`` lies in (or is)."""
    path = path.resolve()
    for candidate in (path, *path.parents):
        if candidate.name in KINDS and candidate.parent != candidate:
            return candidate.parent
    return path if path.is_dir() else path.parent


def run(args: argparse.Namespace) -> int:
    """Validate, print the report and return the exit code."""
    for path in args.paths:
        if not path.exists():
            return usage_error(f"{path} does not exist; example: kkr validate records")
    roots = {find_root(path) for path in args.paths}
    diagnostics: list[Diagnostic] = []
    advice: list[Diagnostic] = []  # with --strict only, and never an error
    files = 0
    for root in sorted(roots):
        corpus = load_corpus(root)
        diagnostics += [d for d in corpus.diagnostics if _chosen(Path(d.file), args.paths)]
        advice += [d for d in corpus.advice if _chosen(Path(d.file), args.paths)]
        files += sum(1 for path in corpus.paths if _chosen(path, args.paths))
    if args.strict:
        diagnostics = [
            Diagnostic(d.file, d.line, d.column, "error", d.code, d.message) for d in diagnostics
        ]
        diagnostics = sorted(diagnostics + advice)
    report(diagnostics, files, args.format)
    return 1 if any(d.severity == "error" for d in diagnostics) else 0


def _chosen(path: Path, paths: list[Path]) -> bool:
    """Whether ``path`` is one of ``paths`` or lies inside one of them."""
    target = path.resolve()
    return any(target == p.resolve() or p.resolve() in target.parents for p in paths)
