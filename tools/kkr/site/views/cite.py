"""The "Kilde:" line beside each fact: a link to the document lines it is printed on."""

from __future__ import annotations

from kkr.site import citing
from kkr.site.blocks import Block, Inline, para
from kkr.site.citing import Span

__all__ = ["Span", "item_ref_spans", "item_spans", "line", "link", "links", "sources"]
from kkr.site.views.common import Context
from schema.base import Source
from schema.meeting import Meeting

SOURCE = "kkr-source"
NONE = "ikke registreret – registreringen angiver ikke, hvilket dokument det står i"
UNSOURCED = "Kilde: ikke registreret – registreringen angiver ikke, hvilket dokument det står i."


def link(ctx: Context, span: Span) -> dict[str, str]:
    """A link to the lines, e.g. "Referat 21. november 2023, linje 272–274"."""
    ctx.library.cited.setdefault(span.document, set()).add((span.start, span.end))
    target = f"{citing.page(ctx.prefix, span.document)}#{span.anchor}"
    return {"lines": target, "text": f"{ctx.library.title(span.document)}, {span.words}"}


def sources(ctx: Context, cited: list[Source]) -> list[Span]:
    """The spans a record's ``sources:`` name, each once, in the record's order."""
    return ctx.library.sources(cited)


def links(ctx: Context, spans: list[Span]) -> Inline:
    """The spans as links separated by semicolons."""
    out: Inline = []
    for index, span in enumerate(dict.fromkeys(spans)):
        if index:
            out.append("; ")
        out.append(link(ctx, span))
    return out


def line(ctx: Context, spans: list[Span], missing: str = UNSOURCED) -> Block:
    """ "Kilde: <link>" as a paragraph, or ``missing`` in plain words."""
    if not spans:
        return para(missing, classes=[SOURCE, "kkr-source-missing"])
    return para("Kilde: ", *links(ctx, spans), classes=[SOURCE])


def inline(ctx: Context, spans: list[Span], missing: str = "kilde ikke registreret") -> Inline:
    """ "kilde: <link>" inside a line of text, or ``missing``."""
    if not spans:
        return [missing]
    return ["kilde: ", *links(ctx, spans)]


def meeting_spans(ctx: Context, meeting: Meeting) -> list[Span]:
    """The lines that state the meeting itself: its document's header, else its sources."""
    return ctx.library.meeting_spans(meeting)


def item_spans(ctx: Context, meeting: Meeting, number: str, part: str | None = None) -> list[Span]:
    """The lines of an item, or of one part of it (e.g. beslutning)."""
    return ctx.library.item_spans(meeting, number, part)


def item_ref_spans(ctx: Context, item_ref: str, part: str | None = None) -> list[Span]:
    """The lines of the item "2023-11-21/2.4" (or of its ``part``), if the records have it."""
    meeting_id, _sep, number = item_ref.partition("/")
    entry = ctx.corpus.get("meeting", meeting_id)
    if entry is None or not isinstance(entry.record, Meeting):
        return []
    return item_spans(ctx, entry.record, number, part)
