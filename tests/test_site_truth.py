"""The site built from the real records says what the records support, and no more."""

from __future__ import annotations

import html
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import REPO, Build, build
from kkr.checks.corpus import load_corpus
from kkr.loading.corpus import Corpus
from kkr.site.dates import long_date
from kkr.site.links import build as build_links
from kkr.site.views.common import Context
from kkr.site.views.front import latest_decisions
from kkr.site.views.municipalities import table_rows
from kkr.site.views.seats import current, former, last_seen
from kkr.site.views.workplans import related

from schema.matter import Matter
from schema.meeting import Meeting
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person
from schema.workplan import WorkPlan

pytestmark = pytest.mark.sphinx
DAY = datetime(2024, 1, 1, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real records, built once for this module as of 1 January 2024."""
    root = tmp_path_factory.mktemp("real")
    for name in ("conf.py", "docs", "records"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(DAY.timestamp())))
        return build(root, parallel=2)


@pytest.fixture(scope="module")
def ctx() -> Context:
    corpus = load_corpus(REPO / "records")
    return Context(corpus, build_links(corpus), "arkiv", DAY.date())


def _text(page: Path) -> str:
    raw = page.read_text()
    if "<article" in raw:
        raw = raw[raw.index("<article") : raw.index("</article>")]
    # Block-level tags separate words; inline tags (links, emphasis) do not.
    raw = re.sub(r"</?(p|li|div|h\d|td|th|dt|dd|tr|br|section|ul|ol|table)\b[^>]*>", " ", raw)
    plain = html.unescape(re.sub(r"<[^>]+>", "", raw)).replace("\u00a0", " ")
    # SmartQuotes curls apostrophes in record text; the tests compare with the records.
    return " ".join(
        plain.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
    )


def _page(real: Build, docname: str) -> str:
    return _text(real.out / f"{docname}.html")


def _records(corpus: Corpus, kind: str) -> list[object]:
    return [e.record for e in corpus.entries(kind)]


def test_front_page_is_at_the_root(real: Build) -> None:
    assert "Næste møde" in _page(real, "index")
    assert not (real.out / "docs" / "index.html").exists()


def test_no_link_goes_nowhere_and_no_internal_id_shows(real: Build, ctx: Context) -> None:
    plans = [p for p in _records(ctx.corpus, "workplan") if isinstance(p, WorkPlan)]
    ids = [f"{p.id}/{c.id}" for p in plans for a in p.areas for c in a.commitments]
    checked = 0
    for page in real.out.rglob("*.html"):
        raw = page.read_text()
        if "<article" not in raw:
            continue
        body = raw[raw.index("<article") : raw.index("</article>")]
        assert 'href="#"' not in body, page
        if page.relative_to(real.out).parts[0] in {"arkiv", "index.html"}:
            text = _text(page)
            # Dates the views write (fields and headings) are Danish; record text is as printed.
            made = " ".join(re.findall(r"<(?:dl|h\d)\b.*?</(?:dl|h\d)>", body, re.S))
            assert not re.search(r"\b\d{4}-\d\d-\d\d\b", re.sub(r"<[^>]+>", "", made)), page
            assert "(initialer)" not in text, page
            assert "Titel i indholdsfortegnelsen" not in text, page
            assert not [i for i in ids if i in text], page
            checked += 1
    assert checked > 100


def test_meeting_titles_keep_day_and_month_together(real: Build, ctx: Context) -> None:
    for entry in ctx.corpus.entries("meeting"):
        raw = (real.out / "arkiv" / "moeder" / f"{entry.record.id}.html").read_text()
        day = entry.record.date  # type: ignore[attr-defined]
        assert f"<h1>Møde {day.day}.\u00a0" in raw


def test_every_seat_is_one_record_with_its_span(real: Build, ctx: Context) -> None:
    seats = [s for s in _records(ctx.corpus, "membership") if isinstance(s, Membership)]
    # One record per seat: a second record for the same person, body and role needs its own
    # period (a new term), never just another mention.
    keys = [(s.person, s.organization, s.role, s.period.start) for s in seats]
    assert len(keys) == len(set(keys))
    spanned = [s for s in seats if len(s.mentioned_in) > 1]
    assert spanned
    for seat in spanned:
        dates = sorted(ctx.links.items[r].date for r in seat.mentioned_in)
        text = _page(real, f"arkiv/personer/{seat.person}")
        assert f"nævnt {long_date(dates[0])} – {long_date(dates[-1])}" in text
        # A mention is evidence, never the item that decided the seat.
        assert seat.decided_by not in seat.mentioned_in


def test_replacements_show_on_both_people_and_the_body(real: Build, ctx: Context) -> None:
    seats = {s.id: s for s in _records(ctx.corpus, "membership") if isinstance(s, Membership)}
    successors = [s for s in seats.values() if s.replaces]
    assert successors
    for seat in successors:
        before = seats[str(seat.replaces)]
        item = ctx.links.items[str(seat.decided_by)]
        when = f"({item.item.number}, {long_date(item.date)})"
        old = ctx.links.names[("person", before.person)]
        new = ctx.links.names[("person", seat.person)]
        org_page = _page(real, f"arkiv/organisationer/{seat.organization}")
        assert f"afløste {old} {when}" in _page(real, f"arkiv/personer/{seat.person}")
        assert f"afløst af {new} {when}" in _page(real, f"arkiv/personer/{before.person}")
        assert f"afløste {old} {when}" in org_page
        # The one replaced is a former member.
        assert org_page.index("Tidligere medlemmer") < org_page.index(f"{old}, ")


def test_council_page_lists_chair_vice_chair_and_attendees(real: Build, ctx: Context) -> None:
    text = _page(real, "arkiv/organisationer/kkr-syddanmark")
    for seat in ctx.links.members["kkr-syddanmark"]:
        assert ctx.links.names[("person", seat.person)] in text
    for person in ctx.links.attended:
        assert ctx.links.names[("person", person)] in text


def test_progress_counts_only_explicit_links_after_the_plan(real: Build, ctx: Context) -> None:
    plans = [p for p in _records(ctx.corpus, "workplan") if isinstance(p, WorkPlan)]
    matters = [m for m in _records(ctx.corpus, "matter") if isinstance(m, Matter)]
    counted = 0
    for plan in plans:
        overview = _page(real, f"arkiv/arbejdsgrundlag/{plan.id}/fremdrift")
        commitments = [c for a in plan.areas for c in a.commitments]
        assert f"af {len(commitments)} målsætninger" in overview
        raw = (real.out / "arkiv" / "arbejdsgrundlag" / plan.id / "fremdrift.html").read_text()
        assert raw.count('class="kkr-commitment') == len(commitments)
        for c in commitments:
            key = f"{plan.id}/{c.id}"
            for info in ctx.links.advancing(plan, c.id):
                assert key in info.item.commitments
                assert info.date >= plan.date
                assert not info.procedural
                counted += 1
            via_matter = {r for m in matters if key in m.commitments for r in m.items}
            explicit = {i.ref for i in ctx.links.by_commitment.get(key, [])}
            for info in related(ctx, plan, c.id):
                assert info.ref in via_matter - explicit or info.ref in explicit
                assert info not in ctx.links.advancing(plan, c.id)
    assert counted


def test_procedural_items_never_count(ctx: Context) -> None:
    procedural = [i for i in ctx.links.items.values() if i.procedural]
    titles = {i.item.title.split(" ")[0] for i in procedural}
    assert {"Godkendelse", "Eventuelt", "Siden"} <= titles
    assert not [i for i in latest_decisions(ctx) if i.procedural]


def test_latest_decisions_show_an_excerpt(real: Build, ctx: Context) -> None:
    front = _page(real, "index")
    block = front[front.index("Seneste beslutninger") : front.index("Arbejdsgrundlaget")]
    latest = latest_decisions(ctx)
    assert latest
    for info in latest:
        assert f"{info.label}: {info.outcome}" in block
    for info in ctx.links.items.values():
        if info.procedural and info.date == latest[0].date:
            assert info.label not in block


def test_agenda_only_items_say_the_decision_is_missing(real: Build, ctx: Context) -> None:
    missing = [i for i in ctx.links.items.values() if i.item.beslutning is None]
    assert missing
    for info in missing:
        part = _page(real, f"arkiv/moeder/{info.meeting.id}")
        part = part[part.index(f"{info.label}¶") :]
        end = part.index("Indstilling") if info.item.indstilling else len(part)
        assert part.index("Beslutningen foreligger ikke – kun dagsordenen er registreret") < end


def test_decision_comes_before_recommendation_and_background(real: Build, ctx: Context) -> None:
    decided = [i for i in ctx.links.items.values() if i.decided and i.item.indstilling]
    assert decided
    for info in decided[:5]:
        raw = (real.out / "arkiv" / "moeder" / f"{info.meeting.id}.html").read_text()
        anchor = raw.index(f'id="punkt-{info.item.number.replace(".", "-")}"')
        part = raw[anchor:]
        assert part.index("kkr-beslutning") < part.index(">Indstilling<")


def test_matter_timeline_shows_outcomes(real: Build, ctx: Context) -> None:
    for matter in [m for m in _records(ctx.corpus, "matter") if isinstance(m, Matter)]:
        text = _page(real, f"arkiv/forloeb/{matter.id}")
        for ref in matter.items:
            info = ctx.links.items[ref]
            assert info.outcome in text


def test_every_municipality_has_a_page_with_its_table_rows(real: Build, ctx: Context) -> None:
    towns = [
        o
        for o in _records(ctx.corpus, "organization")
        if isinstance(o, Organization) and o.kind.value == "municipality"
    ]
    assert len(towns) == 22
    rows = 0
    for town in towns:
        text = _page(real, f"arkiv/organisationer/{town.id}")
        for row in table_rows(ctx, town):
            assert row.info.label in text
            # Each value with its column heading, and the table named by caption or place.
            for column, cell in zip(row.columns, row.cells, strict=False):
                if cell.strip():
                    assert (f"{column}: {cell}" if column.strip() else cell) in text
            assert (f"»{row.caption}«" if row.caption else f"tabel {row.number} i punktet") in text
            rows += 1
        people = [
            p
            for p in _records(ctx.corpus, "person")
            if isinstance(p, Person) and p.municipality == town.id
        ]
        assert all(ctx.links.names[("person", p.id)] in text for p in people)
    assert rows


def test_attendance_has_party_municipality_and_key(real: Build, ctx: Context) -> None:
    for meeting_id in {m.id for ms in ctx.links.attended.values() for m in ms}:
        text = _page(real, f"arkiv/moeder/{meeting_id}")
        assert "Partibogstaver:" in text
        for person_id, meetings in ctx.links.attended.items():
            if meeting_id not in {m.id for m in meetings}:
                continue
            entry = ctx.corpus.get("person", person_id)
            assert entry is not None
            p = entry.record
            assert isinstance(p, Person)
            town = ctx.links.names.get(("organization", str(p.municipality)), "")
            assert f"{ctx.links.names[('person', p.id)]} ({p.party}, {town})" in text
            listed = len(ctx.links.attended[p.id]) + len(ctx.links.missed.get(p.id, []))
            person_page = _page(real, f"arkiv/personer/{p.id}")
            assert f"af {listed} møde" in person_page
            assert "med registreret fremmøde" in person_page


def test_attachments_are_shown_as_marked_sentences(real: Build, ctx: Context) -> None:
    with_bilag = [i for i in ctx.links.items.values() if i.item.attachments]
    assert with_bilag
    for info in with_bilag:
        text = _page(real, f"arkiv/moeder/{info.meeting.id}")
        assert "./. (" not in text
        marked = text.count("Henvisning til bilag i ")
        assert marked >= len(info.item.attachments)
        # SmartQuotes turns the record's straight quotes into »…« too; compare without quotes.
        unquoted = re.sub('[»«"]', "", text)
        for a in info.item.attachments:
            if a.text:
                assert re.sub('[»«"]', "", " ".join(a.text.split())) in unquoted


def test_matter_list_names_only_real_matters_as_examples(real: Build, ctx: Context) -> None:
    text = _page(real, "arkiv/forloeb/index")
    intro = text[text.index("Et forløb følger") : text.index("med hvert punkt")]
    titles = [m.title for m in _records(ctx.corpus, "matter") if isinstance(m, Matter)]
    assert " fx " in intro
    examples = intro.split(" fx ", 1)[1].rstrip(", ").split(" eller ")
    assert examples and all(example in titles for example in examples), examples


def test_people_pages_say_each_thing_once_and_list_no_empty_section(
    real: Build, ctx: Context
) -> None:
    for p in [p for p in _records(ctx.corpus, "person") if isinstance(p, Person)]:
        raw = (real.out / "arkiv" / "personer" / f"{p.id}.html").read_text()
        assert ">Ingen.<" not in raw, p.id
        for line in re.findall(r"<li>(.*?)</li>", raw, re.S):
            assert html.unescape(re.sub(r"<[^>]+>", "", line)).count("nævnt") <= 1, (p.id, line)
    for o in [o for o in _records(ctx.corpus, "organization") if isinstance(o, Organization)]:
        raw = (real.out / "arkiv" / "organisationer" / f"{o.id}.html").read_text()
        assert ">Ingen.<" not in raw, o.id


# Issue 19: every fact traceable to its lines; only what the records support.
_LINE_LINK = re.compile(r'href="([^"#]*/kilder/[a-z0-9.-]+\.html)#(L\d+(?:-L\d+)?)"')


def test_every_source_link_reaches_an_anchor_on_its_document_page(real: Build) -> None:
    anchors: dict[Path, set[str]] = {}
    links = 0
    for page in real.out.rglob("*.html"):
        for target, anchor in _LINE_LINK.findall(page.read_text()):
            document = (page.parent / target).resolve()
            if document not in anchors:
                assert document.is_file(), (page, target)
                anchors[document] = set(re.findall(r'id="(L\d+(?:-L\d+)?)"', document.read_text()))
            assert anchor in anchors[document], (page, target, anchor)
            links += 1
    items = sum(len(m.items) for m in ctx_meetings())
    # At least the item and its decision for every item, and more (meetings, seats, ...).
    assert links > 2 * items


def ctx_meetings() -> list[Meeting]:
    corpus = load_corpus(REPO / "records")
    return [e.record for e in corpus.entries("meeting") if isinstance(e.record, Meeting)]


def test_every_decision_and_item_shows_its_source(real: Build, ctx: Context) -> None:
    for meeting in ctx_meetings():
        raw = (real.out / "arkiv" / "moeder" / f"{meeting.id}.html").read_text()
        for item in meeting.items:
            anchor = "punkt-" + item.number.replace(".", "-")
            start = raw.index(f'id="{anchor}"')
            end = raw.find('<section id="punkt-', start + 1)
            section = raw[start : end if end > 0 else len(raw)]
            assert "Kilde: <a" in section, (meeting.id, item.number)
            if item.beslutning:
                box = section[section.index("kkr-beslutning") :]
                box = box[: box.index("</div>")]
                assert 'class="kkr-source"' in box and "linje" in box, (meeting.id, item.number)
        # The document of the meeting is a link now, not plain text.
        if meeting.document is not None:
            assert re.search(r"Dokument<span[^>]*>:</span></dt>\s*<dd[^>]*><p><a ", raw), meeting.id


def test_the_documents_are_published_as_they_are(real: Build) -> None:
    documents = sorted((REPO / "records" / "documents").iterdir())
    assert documents
    for path in documents:
        stem = path.name.rsplit(".", 1)[0]
        assert (real.out / "arkiv" / "kilder" / path.name).read_bytes() == path.read_bytes()
        page = (real.out / "arkiv" / "kilder" / f"{stem}.html").read_text()
        count = len(path.read_text(encoding="utf-8").splitlines())
        assert f'id="L{count}"' in page and f'id="L{count + 1}"' not in page
        assert f'href="{path.name}"' in page


def test_a_page_never_shows_a_link_without_address(real: Build) -> None:
    for page in (real.out / "arkiv").rglob("*.html"):
        if page.parent.name == "kilder":
            continue  # a source document's page shows it as printed, brackets and all
        text = _text(page)
        assert "](#)" not in text and "]()" not in text, page


def test_a_past_meeting_without_documents_is_not_said_to_be_held(real: Build) -> None:
    day = DAY.date()
    checked = 0
    for meeting in ctx_meetings():
        if meeting.date >= day or meeting.document is not None:
            continue
        page = _page(real, f"arkiv/moeder/{meeting.id}")
        calendar = (real.out / "kalender" / f"{meeting.id}.ics").read_text()
        if meeting.status.value == "planned":
            said = f"Planlagt til {long_date(meeting.date)} – ingen dokumenter registreret"
            assert said in page, meeting.id
            assert "Afholdt" not in page, meeting.id
            assert "STATUS:TENTATIVE" in calendar, meeting.id
            checked += 1
        else:
            assert "STATUS:CONFIRMED" in calendar, meeting.id
    assert checked > 0


def test_seats_without_recent_evidence_sit_apart_with_their_last_mention(
    real: Build, ctx: Context
) -> None:
    unsure = 0
    for seat in [s for s in _records(ctx.corpus, "membership") if isinstance(s, Membership)]:
        if current(ctx, seat, DAY.date()) or former(ctx, seat, DAY.date()):
            continue
        page = _page(real, f"arkiv/organisationer/{seat.organization}")
        block = page[page.index("Ikke nævnt i den nuværende valgperiode") :]
        seen = last_seen(ctx, seat)
        said = f"Senest nævnt {long_date(seen)}" if seen else "Uden dato i kilderne"
        assert said in block, seat.id
        if "Nuværende medlemmer" in page:
            now = page[page.index("Nuværende medlemmer") : page.index("Ikke nævnt i den nuv")]
            person = ctx.links.names[("person", seat.person)]
            assert f"{person} ," not in now and f"{person}," not in now, seat.id
        unsure += 1
    assert unsure > 0
