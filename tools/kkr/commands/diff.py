"""``kkr diff``: what the working tree changes in the knowledge base since a git revision."""

from __future__ import annotations

import argparse

from kkr.changes.compare import Group, compare
from kkr.changes.revision import RevisionError, UnknownRevisionError, records_at
from kkr.checks.corpus import load_corpus
from kkr.commands.options import add_records, usage_error
from kkr.i18n import _, ngettext


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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compare, print the groups and return the exit code."""
    if not args.records.is_dir():
        return usage_error(
            _("{records} is not a directory; example: kkr diff main").format(records=args.records)
        )
    try:
        with records_at(args.base, args.records) as before:
            old = load_corpus(before)
    except UnknownRevisionError:
        return usage_error(
            _(
                "{base!r} is not a revision of the git repository that holds {records}; "
                "example: kkr diff main"
            ).format(base=args.base, records=args.records)
        )
    except RevisionError as error:
        return usage_error(_("git cannot read the records: {error}").format(error=error))
    groups = compare(old, load_corpus(args.records))
    print(render(groups, args.base, markdown=args.format == "markdown"), end="")
    return 0


def render(groups: list[Group], base: str, *, markdown: bool) -> str:
    """Return the groups as text or as Markdown with a heading and a count."""
    count = len(groups)
    title = ngettext(
        "Changes to the knowledge base since {base}: {count} record",
        "Changes to the knowledge base since {base}: {count} records",
        count,
    ).format(base=base[:12] if len(base) == 40 else base, count=count)
    if not groups:
        title = _("No changes to the knowledge base since {base}").format(base=base)
    out = [f"## {title}\n" if markdown else f"{title}\n"]
    for group in groups:
        out.append(f"\n### {_escape(group.heading)}\n\n" if markdown else f"\n{group.heading}\n")
        out.extend(f"- {_escape(line)}\n" if markdown else f"  - {line}\n" for line in group.lines)
    return "".join(out)


def _escape(text: str) -> str:
    """Keep record text from turning into Markdown markup or HTML in the job summary."""
    return "".join(f"\\{char}" if char in "\\`*_[]<>#|~&" else char for char in text)
