"""A page per source document (arkiv/kilder/<stem>) with numbered lines, and their list."""

from __future__ import annotations

from kkr.site import citing
from kkr.site.blocks import Block, Inline, bullets, doc, fields, para, ref, section, url
from kkr.site.collation import danish_sorted
from kkr.site.dates import long_date
from kkr.site.views.common import Context, View, org, person, view
from schema.meeting import Meeting
from schema.membership import Membership

# The record kinds with a page of their own, and the role that links to it.
_ROLES = {
    "meeting": "meeting",
    "person": "person",
    "organization": "org",
    "contract": "contract",
    "matter": "matter",
    "workplan": "workplan",
    "topic": "topic",
}
_KIND_NAMES = {
    "meeting": "Møder",
    "person": "Personer",
    "organization": "Organisationer",
    "contract": "Aftaler",
    "matter": "Forløb",
    "workplan": "Arbejdsgrundlag",
    "topic": "Emner",
    "membership": "Udpegninger",
}
_FORMATS = {".pdf": "PDF", ".docx": "Word (DOCX)"}


def list_page(prefix: str) -> str:
    """The docname of the list of source documents."""
    return f"{prefix}/{citing.KILDER}/index"


def source_views(ctx: Context) -> dict[str, View]:
    """A page per document in records/documents and the list of them.

    Built after every other view: the ranges those pages cite become anchors here.
    """
    out: dict[str, View] = {}
    rows: list[Inline] = []
    for name in ctx.library.names():
        lines = ctx.library.lines(name)
        if lines is None:
            continue
        title = ctx.library.title(name)
        docname = citing.page(ctx.prefix, name)
        rows.append([doc(docname, title), f" ({name}, {len(lines)} linjer)"])
        out[docname] = view(title, [section(title, _page(ctx, name, lines))])
    rows = danish_sorted(rows, key=lambda row: str(row[0]["text"]))
    out[list_page(ctx.prefix)] = view(
        "Kilder",
        [
            para(
                "De dokumenter, som vidensbasens oplysninger bygger på, med nummererede linjer. "
                "Hver side henviser til de linjer, en oplysning står på."
            ),
            bullets(rows, "Ingen dokumenter er registreret."),
        ],
    )
    return out


def _page(ctx: Context, name: str, lines: list[str]) -> list[Block]:
    downloads: Inline = [{"file": name, "text": f"Teksten ({name})"}]
    for original in ctx.library.originals(name):
        suffix = original[original.rfind(".") :]
        downloads += [", ", {"file": original, "text": f"Originalen som {_FORMATS[suffix]}"}]
    blocks: list[Block] = [
        fields(
            [
                ("Linjer", [str(len(lines))]),
                ("KL's eksemplar", _kl(ctx, name)),
                ("Alle kilder", [doc(list_page(ctx.prefix), "Kilder")]),
            ]
        ),
        # A paragraph, not a field: the file name holds the date as the file system writes it.
        para("Hent filen: ", *downloads),
        para(
            "Teksten er gengivet linje for linje, som den står i filen; linjenumrene er dem, "
            "vidensbasens henvisninger bruger. En henvisning til flere linjer markerer dem."
        ),
    ]
    ranges = sorted(ctx.library.cited.get(name, set()))
    blocks.append(
        section(
            "Tekst",
            [{"t": "lines", "lines": lines, "ranges": [list(r) for r in ranges]}],
            anchor="tekst",
        )
    )
    # After the text: the list of records can be long, and the text is what a reader came for.
    users = _users(ctx, name)
    if users:
        blocks.append(section("Bygger på dokumentet", users, anchor="bygger-paa"))
    return blocks


def _kl(ctx: Context, name: str) -> Inline:
    """Links to KL's copy of the document, as the records' sources name it (url:)."""
    found = ctx.library.kl_copies().get(name, [])
    if not found:
        return ["registreringerne angiver ikke en adresse på KL's eksemplar"]
    out: Inline = []
    for index, address in enumerate(found):
        out += [", " if index else "", url(address, address)]
    return out


def _users(ctx: Context, name: str) -> list[Block]:
    """The records that cite the document, by kind."""
    blocks: list[Block] = []
    for kind, label in _KIND_NAMES.items():
        found: list[Inline] = []
        for entry in ctx.corpus.entries(kind):
            if not any(s.document == name for s in entry.record.sources):
                continue
            record = entry.record
            if isinstance(record, Membership):
                found.append([person(ctx, record.person), " i ", org(ctx, record.organization)])
                continue
            title = ctx.links.names.get((kind, record.id), record.id)
            if isinstance(record, Meeting):
                title = long_date(record.date)
            found.append([ref(_ROLES[kind], record.id, title)])
        if found:
            blocks.append(para(f"{label}: ", *_joined(found)))
    return blocks


def _joined(rows: list[Inline]) -> Inline:
    out: Inline = []
    for index, row in enumerate(rows):
        if index:
            out.append(", ")
        out.extend(row)
    return out
