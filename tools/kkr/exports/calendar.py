"""The meetings as iCalendar: one file of all meetings and one per meeting, via icalendar."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar, Event

from kkr.exports.context import ZONE, ExportContext, meeting_start
from kkr.site import status
from kkr.site.dates import long_date
from kkr.site.links import display_title
from schema.meeting import Meeting

DIR = "kalender"
ALL = f"{DIR}/moeder.ics"


def ical_status(ctx: ExportContext, meeting: Meeting) -> str:
    """TENTATIVE while the records hold only a plan (as the site says), else CONFIRMED.

    The rule is the site's (status.tentative): a past meeting without documents whose record
    says planned stays TENTATIVE, as its page says "Planlagt til …".
    """
    return "TENTATIVE" if status.tentative(meeting, ctx.today) else "CONFIRMED"


def meeting_path(meeting_id: str) -> str:
    """The calendar file of one meeting, e.g. kalender/2023-11-21.ics."""
    return f"{DIR}/{meeting_id}.ics"


def uid(meeting: Meeting) -> str:
    """A UID that stays the same whatever the site's address."""
    return f"{meeting.body}-{meeting.id}@kkr-vidensbase"


def event(ctx: ExportContext, meeting: Meeting) -> Event:
    """One meeting as a VEVENT: its start only, since the sources never give an end."""
    title = ctx.body_name(meeting.body)
    url = ctx.page_url("meeting", meeting.id)
    agenda = [f"{item.number} {display_title(item)}" for item in meeting.items]
    lines = [f"Møde i {title} {long_date(meeting.date)}."]
    lines += ["", "Dagsorden:", *agenda] if agenda else ["", "Dagsordenen er ikke offentliggjort."]
    lines += ["", f"Mødesiden: {url}"]
    out = Event()
    out.add("uid", uid(meeting))
    out.add("dtstamp", ctx.stamp)
    # RFC 5545 3.6.1: a DATE-TIME start without DTEND marks the moment the meeting starts;
    # a DATE start alone covers the day, where the sources give no time.
    out.add("dtstart", meeting_start(meeting) or meeting.date)
    out.add("summary", f"{title}: møde")
    out.add("description", "\n".join(lines))
    if meeting.place:
        out.add("location", meeting.place)
    out.add("url", url)
    out.add("status", ical_status(ctx, meeting))
    return out


def calendar(ctx: ExportContext, meetings: list[Meeting]) -> bytes:
    """A VCALENDAR of ``meetings`` with the VTIMEZONE their start times use."""
    cal = Calendar()
    cal.add("prodid", "-//KKR Syddanmark vidensbase//kkr//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "KKR Syddanmark: møder")
    cal.add("x-wr-timezone", str(ZONE))
    for meeting in meetings:
        cal.add_component(event(ctx, meeting))
    if meetings:
        # Only the years the meetings span, so the VTIMEZONE stays short and reproducible.
        first = date(meetings[0].date.year, 1, 1)
        last = date(meetings[-1].date.year + 1, 1, 1)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return bytes(cal.to_ical())


def export(ctx: ExportContext) -> dict[str, bytes]:
    """The calendar of all meetings and one per meeting, keyed by path."""
    meetings = ctx.meetings()
    files = {ALL: calendar(ctx, meetings)}
    for meeting in meetings:
        files[meeting_path(meeting.id)] = calendar(ctx, [meeting])
    return files
