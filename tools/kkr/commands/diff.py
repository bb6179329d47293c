"""``kkr diff``: what the working tree changes in the knowledge base since a git revision."""

from __future__ import annotations

import argparse
from pathlib import Path

from kkr.changes import escape
from kkr.changes.compare import Group, compare
from kkr.changes.links import link_groups, links_in
from kkr.changes.revision import RevisionError, UnknownRevisionError, records_at
from kkr.checks.corpus import load_corpus
from kkr.commands.options import add_records, usage_error
from kkr.i18n import _, ngettext

# GitHub drops a job summary over 1 MiB (1,048,576 bytes); this leaves room to spare.
LIMIT = 1_000_000
# The heading and the closing note always fit in this.
MINIMUM = 4096
# The name the pull-request workflow uploads the --full report under.
ARTEFACT = "kkr-diff"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``diff`` command."""
    parser = subparsers.add_parser(
        "diff",
        help=_("summarize in Danish what changed in the records since a git revision"),
        description=_(
            "Compare the records at git revision BASE with the working tree and "
            "describe the changes in words, one group per record: new meetings with their item "
            "count, decisions added, people added as present, agreements extended, and so on. "
            "Pull requests print it as their job summary. Exits 0, or 2 when BASE is not a "
            "revision of the repository that holds the records."
        ),
    )
    parser.add_argument(
        "base", metavar=_("BASE"), help=_("git revision to compare with, e.g. main")
    )
    add_records(parser)
    parser.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help=_("text for a terminal, markdown for a GitHub job summary (default: text)"),
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=LIMIT,
        metavar=_("BYTES"),
        help=_(
            "the most bytes of Markdown to print; what does not fit is counted in a closing "
            "line (default: {value}, under GitHub's 1 MiB for a job summary)"
        ).format(value=LIMIT),
    )
    parser.add_argument(
        "--full",
        type=Path,
        metavar=_("FILE"),
        help=_("also write the whole summary, never shortened, to FILE (for an artefact)"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compare, print the groups and return the exit code."""
    if not args.records.is_dir():
        return usage_error(
            _("{records} is not a directory; example: kkr diff main").format(records=args.records)
        )
    if args.limit < MINIMUM:
        return usage_error(
            _("--limit must be at least {minimum} bytes; example: --limit {limit}").format(
                minimum=MINIMUM, limit=LIMIT
            )
        )
    try:
        with records_at(args.base, args.records) as before:
            old = load_corpus(before.root)
            old_links = before.links
    except UnknownRevisionError:
        return usage_error(
            _(
                "{base!r} is not a revision of the git repository that holds {records}; "
                "example: kkr diff main"
            ).format(base=args.base, records=args.records)
        )
    except RevisionError as error:
        return usage_error(_("git cannot read the records: {error}").format(error=error))
    groups = link_groups(old_links, links_in(args.records))
    groups += compare(old, load_corpus(args.records))
    markdown = args.format == "markdown"
    if args.full is not None:
        args.full.parent.mkdir(parents=True, exist_ok=True)
        args.full.write_text(render(groups, args.base, markdown=markdown), encoding="utf-8")
    limit = args.limit if markdown else None
    print(render(groups, args.base, markdown=markdown, limit=limit, full=args.full), end="")
    return 0


def render(
    groups: list[Group],
    base: str,
    *,
    markdown: bool,
    limit: int | None = None,
    full: Path | None = None,
) -> str:
    """Return the groups as text or as Markdown, at most ``limit`` bytes of UTF-8.

    Every value and file name is shown escaped, on its own line (see kkr.changes.escape).
    """
    count = len(groups)
    title = ngettext(
        "Changes to the knowledge base since {base}: {count} record",
        "Changes to the knowledge base since {base}: {count} records",
        count,
    ).format(base=base[:12] if len(base) == 40 else base, count=count)
    if not groups:
        title = _("No changes to the knowledge base since {base}").format(base=base)
    shown = escape.markdown if markdown else escape.visible
    out = [f"## {shown(title)}\n" if markdown else f"{shown(title)}\n"]
    # Room for the note on what is left out, which is far shorter than this.
    budget = None if limit is None else limit - 2048
    size = len(out[0].encode())
    for number, group in enumerate(groups):
        chunks = [
            f"\n### {shown(group.heading)}\n\n" if markdown else f"\n{shown(group.heading)}\n"
        ]
        chunks += [
            f"- {shown(line)}\n" if markdown else f"  - {shown(line)}\n" for line in group.lines
        ]
        for shown_lines, chunk in enumerate(chunks):
            size += len(chunk.encode())
            if budget is not None and size > budget:
                left = count - number
                out.append(_left_out(left, shown_lines > 0, full, markdown))
                return "".join(out)
            out.append(chunk)
    return "".join(out)


def _left_out(left: int, partly: bool, full: Path | None, markdown: bool) -> str:
    """Say how much of the summary is not shown, and where the whole of it is."""
    text = ngettext(
        "The summary stops here to stay under GitHub's limit of 1 MiB: {left} more record "
        "is not shown",
        "The summary stops here to stay under GitHub's limit of 1 MiB: {left} more records "
        "are not shown",
        left,
    ).format(left=left)
    if partly:
        text += _(" (the first of them only in part)")
    if full is not None:
        text += _(
            ". The full report is {file}, uploaded with this run as the artefact {artefact}"
        ).format(file=full.name, artefact=ARTEFACT)
    else:
        text += _(". Run kkr diff on your own machine for the full report")
    text += "."
    return f"\n---\n\n**{escape.markdown(text)}**\n" if markdown else f"\n{text}\n"
