"""``kkr import``: turn KL agenda and minutes documents into meeting records."""

from __future__ import annotations

import argparse
import difflib
import shlex
import sys
from pathlib import Path

from kkr.commands.options import add_records, usage_error
from kkr.diagnostics import Code, Diagnostic, shown
from kkr.extraction.dispatch import extract, needs_extraction
from kkr.extraction.model import Extraction, ExtractionError
from kkr.i18n import _
from kkr.importer.pipeline import Outcome, Planned, run_import
from kkr.importer.store import document_name
from kkr.loading.characters import printable

MAX_DOCUMENT = 50_000_000
"""Bytes in a PDF or Word file: a 100-page agenda with images is a few megabytes."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` command."""
    parser = subparsers.add_parser(
        "import",
        help=_("import KL agenda and minutes documents as meeting records"),
        description=_(
            "Read KL agenda (dagsorden) and minutes (referat) documents, as PDF, Word "
            "(.docx), text or Markdown, and write one meeting record per document plus a "
            "person record for every participant no record knows. Copies each document to "
            "records/documents, which the records cite. Reports every source line it did not "
            "store. An existing meeting record is updated in place: links staff added to items and "
            "fields the import does not set are kept, and so is a hand edit to imported text, "
            "unless the new document changes that text too (then the import refuses, naming the "
            "field: --keep-mine FIELD keeps the edit, --take-document FIELD takes the document's "
            "version, and --force takes the document's version everywhere, listing what it "
            "discards). An edit that holds the document's words, apart from spaces and line "
            "breaks, is accepted. A planned meeting, an agenda followed by its minutes, an "
            "agenda after its minutes (which adds only what the record lacks) and an unchanged "
            "re-import need no --force; the previous and next meetings are linked back. Lines "
            "the import need not change keep their bytes. Exits 0 when all went well, 1 on "
            "errors (nothing is written then) and 2 on usage errors."
        ),
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar=_("FILE"),
        help=_(
            "documents to import: .txt, .md, or a PDF or Word file (.pdf, .docx), which is "
            "kept in records/documents beside the text read from it; the records cite that text"
        ),
    )
    add_records(parser)
    parser.add_argument(
        "--init",
        action="store_true",
        help=_(
            "create the records directory if it does not exist (a typing error in --records "
            "is caught otherwise)"
        ),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=_("print a unified diff of what would change; write nothing"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_(
            "where staff edited a field that the document changes too, take the document's version"
        ),
    )
    parser.add_argument(
        "--show-text",
        action="store_true",
        help=_(
            "print the text read from each PDF or Word file, whose line numbers the messages "
            "and the records' sources give; import nothing"
        ),
    )
    parser.add_argument(
        "--keep-mine",
        action="append",
        default=[],
        metavar=_("FIELD"),
        help=_(
            "where staff edited FIELD (e.g. items[2.1].beslutning) and the document changes it "
            "too, keep the record's version; may be given several times"
        ),
    )
    parser.add_argument(
        "--take-document",
        action="append",
        default=[],
        metavar=_("FIELD"),
        help=_(
            "where staff edited FIELD and the document changes it too, take the document's "
            "version and discard the hand edit; may be given several times"
        ),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import, print the report and return the exit code."""
    for path in args.files:
        if not path.is_file():
            return usage_error(
                _("{path} is not a file; example: kkr import referat.txt").format(path=path)
            )
    if args.show_text:
        return _show_text(list(args.files))
    records: Path = args.records
    if records.is_symlink() or (records.exists() and not records.is_dir()):
        return usage_error(
            _("{path} is not a directory; example: --records records").format(path=records)
        )
    if not records.exists():
        if not args.init:
            return usage_error(
                _(
                    "the records directory {path} does not exist; check the path, or add "
                    "--init to create it"
                ).format(path=records)
            )
        if not args.dry_run:
            records.mkdir(parents=True)
    both = sorted(set(args.keep_mine) & set(args.take_document))
    if both:
        return usage_error(
            _(
                "{field} is given to both --keep-mine and --take-document; choose one, e.g. "
                "--keep-mine {field}"
            ).format(field=both[0])
        )
    extracted = extract_documents(list(args.files))
    if isinstance(extracted, list):
        for diagnostic in extracted:
            print(diagnostic.text(), file=sys.stderr)
        print(_("nothing was written: fix the errors above and import again"))
        return 1
    texts = {path: (found.text, original) for path, (found, original) in extracted.items()}
    outcome = run_import(
        list(args.files),
        records,
        dry_run=args.dry_run,
        force=args.force,
        choices=dict.fromkeys(args.keep_mine, "mine")
        | dict.fromkeys(args.take_document, "document"),
        extracted=texts,
    )
    _print_extracted(extracted)
    if outcome.usage is not None:
        return usage_error(outcome.usage)
    print_outcome(outcome, records, dry_run=args.dry_run)
    return 0 if outcome.ok else 1


def _print_extracted(extracted: dict[Path, tuple[Extraction, bytes]]) -> None:
    """Say which documents were read from PDF or Word, and what was left out of them."""
    # The file name and the notes (which quote the document's headers) are untrusted: shown
    # escapes control characters, as in every diagnostic; the command is quoted for a shell.
    for path, (found, _original) in extracted.items():
        print(
            _(
                "{path}: read as text from the {kind} file; line numbers are those of the "
                "extracted text, kept as documents/{name} (kkr import --show-text {command} "
                "prints it)"
            ).format(
                path=shown(str(path)),
                kind=shown(path.suffix[1:].upper()),
                name=document_name(path),
                command=shown(shlex.quote(str(path))),
            )
        )
        for note in found.notes:
            print("  " + _("note: {note}").format(note=shown(note)))


def _show_text(files: list[Path]) -> int:
    """Print the text of each PDF and Word file; report the ones that cannot be read."""
    extracted = extract_documents(files)
    if isinstance(extracted, list):
        for diagnostic in extracted:
            print(diagnostic.text(), file=sys.stderr)
        return 1
    for found, _original in extracted.values():
        # Each line as read, tabs kept; a control character the PDF holds is shown escaped.
        sys.stdout.write("\n".join(map(printable, found.text.split("\n"))))
    return 0


def extract_documents(
    files: list[Path],
) -> dict[Path, tuple[Extraction, bytes]] | list[Diagnostic]:
    """The text of every PDF and Word file among ``files``, or why one cannot be read."""
    found: dict[Path, tuple[Extraction, bytes]] = {}
    problems: list[Diagnostic] = []
    for path in files:
        if not needs_extraction(path):
            continue
        try:
            raw = path.read_bytes()
            if len(raw) > MAX_DOCUMENT:
                raise ExtractionError(
                    _("the file is {size} bytes; at most {limit}").format(
                        size=len(raw), limit=MAX_DOCUMENT
                    )
                )
            found[path] = (extract(path, raw), raw)
        except OSError as exc:
            problems.append(_problem(path, _("cannot read the document: {reason}").format(
                reason=exc.strerror)))  # fmt: skip
        except ExtractionError as exc:
            problems.append(_problem(path, exc.message))
    return problems or found


def _problem(path: Path, message: str) -> Diagnostic:
    return Diagnostic(str(path), 1, 1, "error", Code.UNREADABLE_DOCUMENT, message)


def print_outcome(outcome: Outcome, records: Path, *, dry_run: bool) -> None:
    """Print diagnostics, the line coverage, notes and what was (or would be) written."""
    every = outcome.diagnostics + [d for r in outcome.reports for d in r.diagnostics]
    for diagnostic in sorted(set(every)):
        print(diagnostic.text(), file=sys.stderr)
    for report in outcome.reports:
        print(report.summary())
        for note in dict.fromkeys(report.notes):
            print("  " + _("note: {note}").format(note=note))
    if not outcome.ok:
        print(_("nothing was written: fix the errors above and import again"))
        return
    for planned in outcome.planned.values():
        target = records / planned.relative
        if dry_run:
            _print_diff(planned, target)
        else:
            print(_verb(planned.action).format(path=target))


def _verb(action: str) -> str:
    verbs = {
        "write": _("wrote {path}"),
        "update": _("updated {path}"),
        "unchanged": _("unchanged {path}"),
        "keep": _("kept the existing {path}"),
    }
    return verbs[action]


def _print_diff(planned: Planned, target: Path) -> None:
    if planned.action in ("unchanged", "keep"):
        print(_verb(planned.action).format(path=target))
        return
    if planned.relative.startswith("documents/"):
        print(_("would copy the document to {path}").format(path=target))
        return
    old = (planned.old or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
    new = planned.text.splitlines(keepends=True)
    before = str(target) if planned.old is not None else "/dev/null"
    sys.stdout.writelines(difflib.unified_diff(old, new, before, str(target)))
