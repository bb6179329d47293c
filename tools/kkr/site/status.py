"""What the records say about time: a meeting's status as of the build day, and data currency."""

from __future__ import annotations

from datetime import date

from kkr.loading.corpus import Corpus
from schema.meeting import DocumentKind, Meeting, MeetingStatus
from schema.workplan import WorkPlan

UPCOMING = {
    MeetingStatus.planned: "Planlagt",
    MeetingStatus.agenda_published: "Dagsorden udsendt",
}


def shown_status(meeting: Meeting, today: date) -> str:
    """The status a reader sees: from the meeting's documents and the day, never stale.

    A meeting on the build day itself still counts as coming (its minutes cannot exist yet).
    """
    if meeting.date >= today:
        if meeting.document is DocumentKind.agenda:
            return "Dagsorden udsendt"
        return UPCOMING.get(meeting.status, "Planlagt")
    if meeting.document is DocumentKind.minutes:
        if meeting.status is MeetingStatus.minutes_approved:
            return "Afholdt – referatet er godkendt"
        return "Afholdt – referatet er registreret"
    if meeting.document is DocumentKind.agenda:
        return "Afholdt – referatet er ikke registreret"
    return "Afholdt – ingen dokumenter registreret"


def meetings(corpus: Corpus) -> list[Meeting]:
    """Every meeting, oldest first."""
    found = [e.record for e in corpus.entries("meeting") if isinstance(e.record, Meeting)]
    return sorted(found, key=lambda m: m.date)


def upcoming(corpus: Corpus, today: date) -> list[Meeting]:
    """Meetings on or after the build day, soonest first."""
    return [m for m in meetings(corpus) if m.date >= today]


def past(corpus: Corpus, today: date) -> list[Meeting]:
    """Meetings before the build day, oldest first."""
    return [m for m in meetings(corpus) if m.date < today]


def data_date(corpus: Corpus) -> date | None:
    """The newest date a source document in the records speaks from.

    That is the latest meeting whose agenda or minutes are registered, or a work plan's date,
    whichever is later: a date in the records, never the build clock.
    """
    dated = [m.date for m in meetings(corpus) if m.document is not None]
    dated += [e.record.date for e in corpus.entries("workplan") if isinstance(e.record, WorkPlan)]
    return max(dated, default=None)
