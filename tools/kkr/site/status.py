"""What the records say about time: a meeting's status as of the build day, and data currency."""

from __future__ import annotations

import calendar
from datetime import date

from kkr.loading.corpus import Corpus
from kkr.site.dates import long_date
from kkr.site.labels import CONTRACT_STATUS
from schema.contract import Contract, ContractStatus
from schema.meeting import DocumentKind, Meeting, MeetingStatus
from schema.workplan import WorkPlan

UPCOMING = {
    MeetingStatus.planned: "Planlagt",
    MeetingStatus.agenda_published: "Dagsorden udsendt",
}


HELD = frozenset({MeetingStatus.held, MeetingStatus.minutes_approved})


def shown_status(meeting: Meeting, today: date) -> str:
    """The status a reader sees: what the record and its documents support, never stale.

    A meeting on the build day itself still counts as coming (its minutes cannot exist yet).
    A past meeting is "Afholdt" only when its minutes are registered or its record says it
    was held (another meeting's documents may say so); otherwise it stays what it was
    planned as, with the day, and says that no documents are registered.
    """
    if meeting.date >= today:
        # Its agenda or minutes in the records (a build dated before the meeting) show at
        # least that the agenda went out.
        if meeting.document is not None:
            return "Dagsorden udsendt"
        return UPCOMING.get(meeting.status, "Planlagt")
    day = long_date(meeting.date)
    if meeting.document is DocumentKind.minutes:
        if meeting.status is MeetingStatus.minutes_approved:
            return "Afholdt – referatet er godkendt"
        return "Afholdt – referatet er registreret"
    if meeting.document is DocumentKind.agenda:
        if meeting.status in HELD:
            return "Afholdt – referatet er ikke registreret"
        return f"Dagsorden udsendt til {day} – referatet er ikke registreret"
    if meeting.status in HELD:
        return "Afholdt ifølge andre møders dokumenter – ingen dokumenter fra mødet registreret"
    if meeting.status is MeetingStatus.agenda_published:
        return f"Dagsorden udsendt til {day} – ingen dokumenter registreret"
    return f"Planlagt til {day} – ingen dokumenter registreret"


def tentative(meeting: Meeting, today: date) -> bool:
    """Whether the records hold only a plan for the meeting: the site shows it as planned.

    Such a meeting is TENTATIVE in the calendar, whether its day has passed or not; an
    agenda sent or a meeting held makes it CONFIRMED. The same rule as shown_status.
    """
    if meeting.document is not None:
        return False
    if meeting.date >= today:
        return meeting.status is not MeetingStatus.agenda_published
    return meeting.status is MeetingStatus.planned


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


def first_day(value: str) -> date:
    """The first day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> date:
    """The last day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def document_dates(corpus: Corpus) -> dict[str, date]:
    """The day each source document speaks from: its meeting's date or its work plan's.

    Only a meeting taken from its own agenda or minutes dates a document; other meetings
    cite the same document for what it says about them (a planned meeting, an earlier one).
    """
    out: dict[str, date] = {}
    for m in meetings(corpus):
        if m.document is None:
            continue
        for source in m.sources:
            out.setdefault(source.document, m.date)
    for entry in corpus.entries("workplan"):
        if isinstance(entry.record, WorkPlan):
            for source in entry.record.sources:
                out[source.document] = entry.record.date
    return out


def contract_as_of(contract: Contract, dates: dict[str, date], corpus: Corpus) -> date | None:
    """The newest source the contract's record draws on: a cited document or an item's meeting."""
    found = [dates[s.document] for s in contract.sources if s.document in dates]
    for ref in contract.items:
        entry = corpus.get("meeting", ref.split("/", 1)[0])
        if entry is not None and isinstance(entry.record, Meeting):
            found.append(entry.record.date)
    return max(found, default=None)


def contract_status(contract: Contract, today: date, as_of: date | None) -> str:
    """A contract's status as a reader sees it on ``today``, from its period and extensions.

    A known end before the day means it has run out, a start after it that it is still
    to come; otherwise the record's status holds only as the source put it, on its day.
    """
    end = contract.extensions[-1].until if contract.extensions else contract.period.end
    start = contract.period.start
    if end and last_day(end) < today:
        return "udløbet"
    if start and first_day(start) > today:
        return "planlagt"
    if start and end and contract.status is not ContractStatus.expired:
        return "gældende"
    said = CONTRACT_STATUS[contract.status].lower()
    if as_of is None:
        return f"{said} ifølge kilderne (kildens dato er ikke registreret)"
    return f"{said} ifølge kilden af {long_date(as_of)}"


def contract_statuses(corpus: Corpus, today: date) -> dict[str, str]:
    """Every contract's shown status on ``today``, by contract id."""
    dates = document_dates(corpus)
    return {
        e.record.id: contract_status(e.record, today, contract_as_of(e.record, dates, corpus))
        for e in corpus.entries("contract")
        if isinstance(e.record, Contract)
    }
