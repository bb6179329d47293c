"""``kkr new``: write a valid skeleton record of a kind, or add an item to a meeting."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from kkr.checks.corpus import load_corpus
from kkr.checks.placeholders import ITEM_TITLE
from kkr.checks.records import RESERVED_IDS
from kkr.commands.options import add_records, usage_error
from kkr.diagnostics import shown
from kkr.i18n import N_, _
from kkr.importer.text import slug
from kkr.loading import writable
from kkr.loading.corpus import Corpus
from kkr.skeletons import lookalike
from kkr.skeletons import records as skeletons
from kkr.skeletons.items import add_item, next_number
from schema.contract import ContractKind
from schema.meeting import Meeting
from schema.membership import Role
from schema.organization import OrganizationKind
from schema.person import PersonKind
from schema.registry import KINDS
from schema.types import DANISH

DIRECTORIES = {kind.name: kind.directory for kind in KINDS.values()}
# Ids made from longer names are cut to this, at a word: a file name stays far below the 255
# bytes file systems allow, and an address stays readable.
ID_LIMIT = 80


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``new`` command and one sub-command per kind of record."""
    parser = subparsers.add_parser(
        "new",
        help=_("write a skeleton record that passes kkr validate"),
        description=_(
            "Write a new record with the schema line, the required fields and "
            "sensible defaults, and print its path. Ids are made from Danish names (æ → ae, "
            "ø → oe, å → aa) and cut to 80 characters at a word; an id the site reserves "
            "(index) is refused. Warns when a name mixes scripts or looks exactly like an "
            "existing person's or body's. Never overwrites, and never writes through a "
            "symbolic link that leads outside the records or to nothing: exits 1 then. "
            "`kkr new item` adds the next free item number to an existing meeting instead."
        ),
    )
    kinds = parser.add_subparsers(dest="kind", metavar=_("KIND"), required=True)
    _add(
        kinds,
        "meeting",
        N_("a planned meeting with the standard sections"),
        N_("DATE"),
        "2024-09-10",
    )
    item = _add(kinds, "item", N_("the next free item of a meeting"), N_("MEETING"), "2024-09-10")
    item.add_argument(
        "--section", metavar=_("N"), help=_("the section number (default: the last item's section)")
    )
    item.add_argument(
        "--title",
        default=ITEM_TITLE,
        metavar=_("TITLE"),
        help=_("the item's title as printed (default: a placeholder that fails --strict)"),
    )
    person = _add(kinds, "person", N_("a person"), N_("NAME"), "'Mads Skau'")
    _choice(person, PersonKind, "politician")
    organization = _add(kinds, "organization", N_("an organization"), N_("NAME"), "'FGU Danmark'")
    _choice(organization, OrganizationKind, "other")
    membership = _add(
        kinds,
        "membership",
        N_("a seat of a person in a body"),
        N_("PERSON"),
        "mads-skau fgu-danmark",
    )
    membership.add_argument(
        "organization", metavar=_("ORG"), help=_("the body's id, e.g. fgu-danmark")
    )
    _choice(membership, Role, "member", option="--role", metavar=N_("ROLE"))
    membership.add_argument(
        "--replaces", metavar=_("MEMBERSHIP"), help=_("the id of the membership this one succeeds")
    )
    contract = _add(
        kinds, "contract", N_("an agreement"), N_("NAME"), "'Resultatkontrakt med SDEO 2025'"
    )
    _choice(contract, ContractKind, "performance-contract")
    matter = _add(
        kinds,
        "matter",
        N_("a matter followed across meetings"),
        N_("NAME"),
        "'Fremskudt funktion' --item 2023-11-21/2.4",
    )
    matter.add_argument(
        "--item", required=True, metavar=_("ITEM"), help=_("its first item, e.g. 2023-11-21/2.4")
    )


_WHAT = {
    "DATE": N_("the meeting date, YYYY-MM-DD"),
    "MEETING": N_("the meeting's id, its date"),
    "NAME": N_("the name as printed; the id is made from it"),
    "PERSON": N_("the person's id"),
}


def _add(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    what: str,
    metavar: str,
    example: str,
) -> argparse.ArgumentParser:
    parser = kinds.add_parser(
        name,
        help=_("{what}, e.g. {example}").format(what=_(what), example=f"kkr new {name} {example}"),
    )
    parser.add_argument("value", metavar=_(metavar), help=_(_WHAT[metavar]))
    if metavar in ("NAME", "PERSON"):
        parser.add_argument(
            "--id", metavar=_("ID"), help=_("use this id instead of the one made from the names")
        )
    add_records(parser)
    parser.set_defaults(func=run)
    return parser


def _choice(
    parser: argparse.ArgumentParser,
    enum: Any,
    default: str,
    option: str = "--kind",
    metavar: str = N_("KIND"),
) -> None:
    # Staff may give the value in Danish (--role formand); the record gets the stored value.
    danish = DANISH.get(enum, {})
    shown = [f"{name} ({value})" for name, value in danish.items()] or [m.value for m in enum]
    parser.add_argument(
        option,
        dest="choice",
        choices=[*(m.value for m in enum), *danish],
        default=default,
        metavar=_(metavar),
        help=_("one of {values} (default: {default})").format(
            values=", ".join(shown), default=default
        ),
    )
    parser.set_defaults(names=danish)


def run(args: argparse.Namespace) -> int:
    """Write the record (or the item) and print the path."""
    if not args.records.is_dir():
        return usage_error(
            _("{records} is not a directory; example: kkr new person 'Bo Hansen'").format(
                records=args.records
            )
        )
    corpus = load_corpus(args.records)
    try:
        if args.kind == "item":
            return _item(args, corpus)
        data = _data(args, corpus)
        text = skeletons.render(args.kind, data)
        skeletons.check(args.kind, text)
    except skeletons.SkeletonError as error:
        return usage_error(str(error))
    directory = DIRECTORIES[args.kind]
    try:
        path = writable.target(args.records, PurePath(directory, f"{data['id']}.yaml"))
    except writable.OutsideError as error:
        print(f"kkr: {error}", file=sys.stderr)
        return 1
    if path.exists():
        message = _("{path} already exists; kkr new never overwrites a record").format(path=path)
        if "id" in args:
            message += "; " + _("give the new record another id, e.g. --id {id}-2").format(
                id=data["id"]
            )
        print(f"kkr: {message}", file=sys.stderr)
        return 1
    if args.kind in lookalike.NAMED:
        for warning in lookalike.warnings(args.value, corpus):
            print(_("kkr: warning: {message}").format(message=shown(warning)), file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    # "x" creates the file or fails: nothing is overwritten, and no link is followed.
    with path.open("x", encoding="utf-8") as out:
        out.write(text)
    print(path)
    return 0


def _data(args: argparse.Namespace, corpus: Corpus) -> dict[str, Any]:
    data = _fields(args, corpus)
    if getattr(args, "id", None):
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", args.id):
            raise skeletons.SkeletonError(
                _(
                    "{id!r} is not a valid id; use lowercase a-z, 0-9 and hyphens, "
                    "e.g. --id bo-hansen-2"
                ).format(id=args.id)
            )
        if len(args.id) > ID_LIMIT:
            raise skeletons.SkeletonError(
                _("the id {id!r} is longer than {limit} characters; give a shorter one").format(
                    id=args.id, limit=ID_LIMIT
                )
            )
        data["id"] = args.id
    else:
        data["id"] = short_id(data["id"])
    if data["id"] in RESERVED_IDS:
        raise skeletons.SkeletonError(
            _(
                "the id {id!r} is reserved for a page the site generates; give the record "
                "another id, e.g. --id {id}-{kind}"
            ).format(id=data["id"], kind=args.kind)
        )
    return data


def short_id(record_id: str) -> str:
    """Return ``record_id`` cut to ID_LIMIT characters, at a hyphen where one is near the end."""
    if len(record_id) <= ID_LIMIT:
        return record_id
    cut = record_id[: ID_LIMIT + 1]
    head = cut.rsplit("-", 1)[0]
    return (head if len(head) >= ID_LIMIT // 2 else cut[:ID_LIMIT]).strip("-")


def _fields(args: argparse.Namespace, corpus: Corpus) -> dict[str, Any]:
    value: str = args.value
    if getattr(args, "choice", None) is not None:
        args.choice = args.names.get(args.choice, args.choice)
    if args.kind == "meeting":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise skeletons.SkeletonError(
                _(
                    "{value!r} is not a date; write it as YYYY-MM-DD, "
                    "e.g. kkr new meeting 2024-09-10"
                ).format(value=value)
            ) from None
        return skeletons.meeting(value, corpus)
    if args.kind == "membership":
        return skeletons.membership(value, args.organization, args.choice, args.replaces, corpus)
    if args.kind == "matter":
        return skeletons.matter(value, args.item, corpus)
    if not slug(value) and not getattr(args, "id", None):
        raise skeletons.SkeletonError(
            _(
                "{value!r} has no letters or digits to make an id from; "
                "example: kkr new person 'Bo Hansen'"
            ).format(value=value)
        )
    if args.kind == "contract":
        return skeletons.contract(value, args.choice, corpus)
    return skeletons.named(value, args.choice)


def _item(args: argparse.Namespace, corpus: Corpus) -> int:
    entry = corpus.get("meeting", args.value)
    if entry is None or not isinstance(entry.record, Meeting):
        raise skeletons.SkeletonError(
            _(
                "no meeting {meeting} in the records; create it first: kkr new meeting {meeting}"
            ).format(meeting=args.value)
        )
    number = next_number(entry.record, args.section)
    path: Path = entry.path
    path.write_text(
        add_item(path.read_text(encoding="utf-8"), entry.record, number, args.title),
        encoding="utf-8",
    )
    print(_("{path}: added item {number}").format(path=path, number=number))
    return 0
