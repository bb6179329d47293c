"""The build day (SOURCE_DATE_EPOCH) decides "Næste møde" and meeting status."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import build, copy_root
from kkr.checks.corpus import load_corpus
from kkr.site import status
from kkr.site.dates import build_day, long_date

from schema.contract import Contract
from schema.meeting import DocumentKind, Meeting, MeetingStatus

pytestmark = pytest.mark.sphinx


def _epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()))


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text())).replace("\u00a0", " ")


def _section(text: str, heading: str, following: str) -> str:
    return text[text.index(heading) : text.index(following, text.index(heading))]


def _meetings(site: Path) -> list[Meeting]:
    found = [e.record for e in load_corpus(site / "records").entries("meeting")]
    return sorted((m for m in found if isinstance(m, Meeting)), key=lambda m: m.date)


def test_build_day_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(date(2022, 3, 30)))
    assert build_day() == date(2022, 3, 30)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_day() == datetime.now(UTC).date()


def test_next_meeting_and_status_follow_the_build_day(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meetings = _meetings(site)
    agenda_only = next(m for m in meetings if m.document is DocumentKind.agenda)
    # Day one: before the agenda-only meeting; day two: after it, before the next one.
    later = [m for m in meetings if m.date > agenda_only.date]
    assert later, "the test site needs a meeting after the agenda-only one"
    before = date.fromordinal(agenda_only.date.toordinal() - 1)
    between = date.fromordinal(agenda_only.date.toordinal() + 1)
    pages = {}
    for day in (before, between):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(day))
        result = build(site)
        assert result.warnings == ""
        pages[day] = (
            _text(result.out / "index.html"),
            _text(result.out / "arkiv" / "moeder" / f"{agenda_only.id}.html"),
            result.read,
        )
    front, meeting, _ = pages[before]
    assert long_date(agenda_only.date) in _section(front, "Næste møde", "Seneste møde")
    assert "Dagsorden udsendt" in meeting
    front, meeting, reread = pages[between]
    assert long_date(later[0].date) in _section(front, "Næste møde", "Seneste møde")
    assert long_date(agenda_only.date) in _section(front, "Seneste møde", "Seneste beslutninger")
    # The agenda does not show that the meeting was held: the page says what was sent.
    said = f"Dagsorden udsendt til {long_date(agenda_only.date)} – referatet er ikke registreret"
    assert said in meeting
    assert "Afholdt" not in meeting
    assert "Planlagt" not in meeting
    # The page whose status changed with the day was read again, though no record changed.
    assert f"arkiv/moeder/{agenda_only.id}" in reread


def test_no_next_meeting_is_said_plainly(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    last = _meetings(site)[-1]
    day = date.fromordinal(last.date.toordinal() + 30)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(day))
    front = _text(build(site).out / "index.html")
    block = _section(front, "Næste møde", "Seneste møde")
    assert f"Der er ikke registreret noget møde efter {long_date(day)}" in block
    assert long_date(last.date) in block


def test_every_page_says_how_current_the_data_is(site: Path) -> None:
    result = build(site)
    newest = status.data_date(load_corpus(site / "records"))
    assert newest is not None
    pages = [
        p for p in result.out.rglob("*.html") if p.name not in {"search.html", "genindex.html"}
    ]
    assert pages
    for page in pages:
        assert f"Data opdateret til og med {long_date(newest)}" in _text(page), page


def test_past_meeting_without_documents_stays_planned() -> None:
    # Issue 19: a day that has passed is no evidence that a meeting was held.
    meeting = Meeting(
        id="2020-09-08",
        body="kkr-syddanmark",
        date=date(2020, 9, 8),
        status=MeetingStatus.planned,
    )
    assert (
        status.shown_status(meeting, date(2020, 9, 9))
        == "Planlagt til 8. september 2020 – ingen dokumenter registreret"
    )
    assert status.shown_status(meeting, date(2020, 9, 7)) == "Planlagt"


def test_two_builds_with_the_same_day_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(date(2024, 1, 1)))
    one = build(copy_root("test-site", tmp_path / "a"), fresh=True, parallel=2)
    two = build(copy_root("test-site", tmp_path / "b"), fresh=True)
    files = sorted(p.relative_to(one.out) for p in one.out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two.out) for p in two.out.rglob("*") if p.is_file())
    assert [f for f in files if (one.out / f).read_bytes() != (two.out / f).read_bytes()] == []


def test_a_newer_document_rereads_hand_written_pages(site: Path) -> None:
    build(site)
    meetings = site / "records" / "meetings"
    newest = _meetings(site)[-1]
    later = date(newest.date.year + 1, 1, 15)
    text = (meetings / f"{newest.id}.yaml").read_text()
    text = text.replace(newest.id, later.isoformat()).replace(f"previous: {newest.previous}\n", "")
    (meetings / f"{later.isoformat()}.yaml").write_text(text)
    second = build(site)
    assert second.warnings == ""
    # docs/om is hand-written and names no record that changed: only its currency line did.
    assert "docs/om" in second.read
    assert f"Data opdateret til og med {long_date(later)}" in _text(second.out / "docs" / "om.html")


def _contract_end(contract: Contract) -> str | None:
    return contract.extensions[-1].until if contract.extensions else contract.period.end


def test_contract_status_follows_the_build_day(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    contracts = [e.record for e in load_corpus(site / "records").entries("contract")]
    deal = next(c for c in contracts if isinstance(c, Contract) and c.period.start and c.extensions)
    assert isinstance(deal, Contract)
    end = _contract_end(deal)
    assert deal.period.start and end
    # Day one: inside the period (its first year's last day); day two: the year after its end.
    within = date(int(deal.period.start[:4]), 12, 31)
    after = date(int(end[:4]) + 1, 1, 1)
    page = Path("arkiv") / "aftaler" / f"{deal.id}.html"
    shown = {}
    for day in (within, after):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(day))
        result = build(site)
        assert result.warnings == ""
        shown[day] = _text(result.out / page)
    assert "Gældende" in shown[within] and "Udløbet" not in shown[within]
    assert "Udløbet" in shown[after] and "Gældende" not in shown[after]


def test_contract_status_on_the_real_records(repo: Path) -> None:
    corpus = load_corpus(repo / "records")
    contracts = [e.record for e in corpus.entries("contract") if isinstance(e.record, Contract)]
    last = max(int(end[:4]) for c in contracts if (end := _contract_end(c)))
    first = min(int(c.period.start[:4]) for c in contracts if c.period.start)
    for day in (date(last + 1, 1, 1), date(first - 1, 12, 31)):
        shown = status.contract_statuses(corpus, day)
        for c in contracts:
            end, start = _contract_end(c), c.period.start
            if end and int(end[:4]) < day.year:
                assert shown[c.id] == "udløbet", (day, c.id)
            elif start and int(start[:4]) > day.year:
                assert shown[c.id] == "planlagt", (day, c.id)
            elif not (start and end):
                # Open-ended: what the source said, and as of which day.
                assert "ifølge kilde" in shown[c.id], (day, c.id)
                assert shown[c.id] != "gældende", (day, c.id)
