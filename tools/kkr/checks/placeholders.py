"""Text that ``kkr new`` writes for staff to replace: it may be saved, but not published."""

from __future__ import annotations

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.loading.corpus import Corpus
from schema.meeting import Meeting

# The title of an item added by `kkr new item` without --title.
ITEM_TITLE = "Titel på punktet"


def check_placeholders(corpus: Corpus) -> None:
    """Note every placeholder still in a record; kkr validate --strict reports them as errors."""
    for entry in corpus.entries("meeting"):
        record = entry.record
        assert isinstance(record, Meeting)
        for index, item in enumerate(record.items):
            if item.title.strip() == ITEM_TITLE:
                where = entry.locate(("items", index, "title"))
                corpus.advice.append(
                    Diagnostic(
                        entry.display,
                        where.line,
                        where.column,
                        "warning",
                        Code.INVALID_VALUE,
                        _(
                            "item {number} still has the title {title!r} that kkr new wrote; "
                            "write the title as the agenda prints it, e.g. "
                            "title: Status på samarbejdet"
                        ).format(number=item.number, title=ITEM_TITLE),
                    )
                )
