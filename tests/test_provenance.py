"""Every fact traceable to its lines: the spans the site and the exports cite, on the real records.

The spans are checked against the documents themselves (the lines they name must print the
item, the decision, the names), never against line numbers written into the test.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REPO
from docutils import nodes
from exports_support import BASE, write_exports
from kkr.checks.corpus import load_corpus
from kkr.checks.deadlinks import unlink
from kkr.exports.context import ExportContext
from kkr.exports.tables import all_tables
from kkr.importer.assemble import import_document
from kkr.importer.resolve import Resolver
from kkr.loading.corpus import Corpus
from kkr.site import cache, citing, sourcepage
from kkr.site.dates import long_date
from kkr.site.links import build as build_links
from kkr.site.render import source_lines
from kkr.site.views.common import Context
from kkr.site.views.seats import current, current_term, former, last_seen
from kkr.site.views.site import all_views
from kkr.site.views.workplans import rests_on

from schema.meeting import Meeting
from schema.membership import Membership
from schema.person import Person
from schema.workplan import WorkPlan

DAY = date(2024, 1, 1)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(REPO / "records")


@pytest.fixture(scope="module")
def library(corpus: Corpus) -> citing.Library:
    return citing.Library(corpus)


def _words(text: str) -> str:
    """Text without Markdown marks and escapes, spacing folded, for comparing with a document."""
    text = re.sub(r"[\\*#_`>]", "", text)
    return " ".join(text.split())


def _own(corpus: Corpus, library: citing.Library) -> list[tuple[Meeting, str]]:
    found = []
    for entry in corpus.entries("meeting"):
        meeting = entry.record
        assert isinstance(meeting, Meeting)
        own = library.own_document(meeting)
        if own is not None:
            found.append((meeting, own))
    return found


def _printed(library: citing.Library, span: citing.Span) -> str:
    lines = library.lines(span.document)
    assert lines is not None
    assert 1 <= span.start <= span.end <= len(lines), span
    return _words(" ".join(lines[span.start - 1 : span.end]))


def test_every_meeting_with_a_document_has_it(corpus: Corpus, library: citing.Library) -> None:
    own = _own(corpus, library)
    documented = [e.record for e in corpus.entries("meeting") if e.record.document is not None]
    assert len(own) == len(documented) > 0


def test_each_item_span_starts_at_its_heading(corpus: Corpus, library: citing.Library) -> None:
    checked = 0
    for meeting, own in _own(corpus, library):
        for item in meeting.items:
            [span] = library.item_spans(meeting, item.number)
            assert span.document == own
            heading = _printed(library, citing.Span(own, span.start, span.start))
            assert heading.startswith(item.number), (meeting.id, item.number, heading)
            assert _words(item.title) in heading, (meeting.id, item.number, heading)
            checked += 1
    assert checked == sum(len(m.items) for m, _ in _own(corpus, library))


def test_each_decision_span_prints_the_decision(corpus: Corpus, library: citing.Library) -> None:
    checked = 0
    for meeting, _own_doc in _own(corpus, library):
        for item in meeting.items:
            if not item.beslutning or not item.beslutning.strip():
                continue
            [span] = library.item_spans(meeting, item.number, "beslutning")
            printed = _printed(library, span)
            assert printed.startswith("Beslutning"), (meeting.id, item.number)
            first = " ".join(_words(item.beslutning).split()[:4])
            assert first in printed, (meeting.id, item.number, first)
            # Within the item: the decision is a part of it.
            [whole] = library.item_spans(meeting, item.number)
            assert whole.start <= span.start <= span.end <= whole.end
            checked += 1
    assert checked > 0


def test_attendance_spans_print_every_listed_name(corpus: Corpus, library: citing.Library) -> None:
    checked = 0
    for meeting, _own_doc in _own(corpus, library):
        for listed, present in ((meeting.present, True), (meeting.absent, False)):
            if not listed:
                continue
            [span] = library.attendance_spans(meeting, present=present)
            printed = _printed(library, span)
            assert printed.split()[0] == ("Deltagere" if present else "Afbud")
            for person_id in listed:
                entry = corpus.get("person", person_id)
                assert entry is not None and isinstance(entry.record, Person)
                names = [entry.record.name, *entry.record.aliases]
                assert any(n and n in printed for n in names), (meeting.id, person_id)
                checked += 1
    assert checked > 0


def test_each_commitment_is_found_where_the_plan_prints_it(
    corpus: Corpus, library: citing.Library
) -> None:
    checked = 0
    for entry in corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        cited = library.sources(plan.sources)
        for area in plan.areas:
            for commitment in area.commitments:
                span = library.find(commitment.text, cited)
                assert span is not None, commitment.id
                words = _words(commitment.text).split()
                printed = _printed(library, span)
                assert " ".join(words[:6]) in printed and " ".join(words[-6:]) in printed
                checked += 1
    assert checked > 0


def test_a_document_that_is_not_there_gives_no_lines(library: citing.Library) -> None:
    assert library.lines("findes-ikke.txt") is None
    # Names a citation may not hold are never read, wherever they point.
    assert library.lines("../corpus.yaml") is None
    assert library.lines(".hidden.txt") is None


def test_the_lines_are_escaped_and_every_cited_range_is_an_anchor() -> None:
    node = source_lines()
    node["lines"] = ['<script>alert("x")</script>', "A & B", "", "slut"]
    node["ranges"] = [[1, 3], [2, 2], [2, 4]]
    writer = SimpleNamespace(body=[])
    with pytest.raises(nodes.SkipNode):
        sourcepage.visit_lines(writer, node)  # type: ignore[arg-type]
    out = "".join(writer.body)
    assert "<script" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert "A &amp; B" in out
    for anchor in ("L1", "L2", "L3", "L4", "L1-L3", "L2-L4"):
        assert out.count(f'id="{anchor}"') == 1, anchor
    # A single line has no range anchor of its own: its line is the target.
    assert 'id="L2-L2"' not in out
    assert out.index('id="L1-L3"') < out.index('id="L1"')


def test_the_importer_writes_a_link_without_address_as_its_words(tmp_path: Path) -> None:
    name = "kkr-syddanmark-2023-11-21-referat.txt"
    path = REPO / "records" / "documents" / name
    document = path.read_text(encoding="utf-8")
    assert "[SDEO kontrakt](#)" in document
    imported = import_document(path, document, Resolver.scan(REPO / "records"), name, name)
    meeting = imported.records["meetings/2023-11-21.yaml"]
    texts = [str(value) for item in meeting["items"] for value in item.values()]
    assert any("Kontrakten kan ses her: SDEO kontrakt." in t for t in texts)
    assert not any("](" in t for t in texts)
    assert unlink("se \\[x\\](\\#) og [y]() og [z](#) men [w](https://kl.dk)") == (
        "se x og y og z men [w](https://kl.dk)"
    )


def test_the_records_show_no_link_without_address(corpus: Corpus) -> None:
    assert not any(d.code == "dead-link" for d in corpus.diagnostics)
    for path in (REPO / "records").rglob("*.yaml"):
        assert "](#)" not in path.read_text(encoding="utf-8").replace("\\", ""), path


@pytest.fixture(scope="module")
def ctx(corpus: Corpus) -> Context:
    return Context(corpus, build_links(corpus), "arkiv", DAY)


def test_a_seat_is_current_only_on_what_the_records_show(ctx: Context) -> None:
    term = current_term(ctx, DAY)
    assert term is not None and term.period.start is not None
    kinds = {"current": 0, "other": 0}
    for entry in ctx.corpus.entries("membership"):
        seat = entry.record
        assert isinstance(seat, Membership)
        if not current(ctx, seat, DAY):
            kinds["other"] += 1
            continue
        kinds["current"] += 1
        assert not former(ctx, seat, DAY)
        started = seat.period.start and int(seat.period.start[:4]) <= DAY.year
        running = not seat.period.end or int(seat.period.end[:4]) >= DAY.year
        seen = last_seen(ctx, seat)
        in_term = seen is not None and seen.year >= int(term.period.start[:4])
        assert (started and running) or in_term, seat.id
    assert kinds["current"] > 0 and kinds["other"] > 0


def test_progress_says_how_many_meetings_it_rests_on(ctx: Context) -> None:
    for entry in ctx.corpus.entries("workplan"):
        plan = entry.record
        assert isinstance(plan, WorkPlan)
        meetings = [
            e.record
            for e in ctx.corpus.entries("meeting")
            if e.record.document is not None and plan.date <= e.record.date <= DAY
        ]
        said = rests_on(ctx, plan)
        noun = "møde" if len(meetings) == 1 else "møder"
        assert (
            said == f"bygger på {len(meetings)} {noun} med dokumenter siden {long_date(plan.date)}"
        )


def test_every_csv_source_names_lines_the_document_has(corpus: Corpus) -> None:
    export = ExportContext(corpus, BASE)
    counted = 0
    for table in all_tables(export):
        names = [c.name for c in table.columns]
        if "source" not in names:
            continue
        for row in table.rows:
            for url in filter(None, (row["source"] or "").split("; ")):
                match = re.fullmatch(
                    re.escape(BASE) + r"arkiv/kilder/([a-z0-9.-]+)\.html#L(\d+)(?:-L(\d+))?", url
                )
                assert match, url
                stem, start, end = match.group(1), int(match.group(2)), match.group(3)
                document = next(n for n in export.library.names() if citing.stem(n) == stem)
                lines = export.library.lines(document) or []
                assert 1 <= start <= int(end or start) <= len(lines), url
                counted += 1
    items = sum(len(m.items) for m in export.meetings())
    assert counted > items


def test_oparl_meetings_and_papers_carry_their_documents(tmp_path: Path) -> None:
    tree = write_exports(REPO / "records", tmp_path)
    meeting = json.loads((tree / "oparl" / "meeting" / "2023-11-21.json").read_text())
    protocol = meeting["resultsProtocol"]
    name = "kkr-syddanmark-2023-11-21-referat.txt"
    data = (REPO / "records" / "documents" / name).read_bytes()
    assert protocol["fileName"] == name
    assert protocol["downloadUrl"] == f"{BASE}arkiv/kilder/{name}"
    assert protocol["accessUrl"] == f"{BASE}arkiv/kilder/kkr-syddanmark-2023-11-21-referat.html"
    assert protocol["sha512Checksum"] == hashlib.sha512(data).hexdigest()
    assert protocol["size"] == len(data)
    agenda = json.loads((tree / "oparl" / "meeting" / "2021-06-09.json").read_text())
    assert agenda["invitation"]["fileName"] == "kkr-syddanmark-2021-06-09-dagsorden.txt"
    # A meeting without documents of its own: the documents that mention it.
    planned = json.loads((tree / "oparl" / "meeting" / "2024-02-05.json").read_text())
    assert "resultsProtocol" not in planned and "invitation" not in planned
    assert [f["fileName"] for f in planned["auxiliaryFile"]] == [name]
    papers = list((tree / "oparl" / "paper").glob("*.json"))
    with_file = [json.loads(p.read_text()) for p in papers]
    assert with_file and all("mainFile" in p for p in with_file)
    stored = json.loads(
        (tree / "oparl" / "file" / "kkr-syddanmark-2023-11-21-referat-txt.json").read_text()
    )
    assert stored == protocol


def test_a_document_page_links_to_kls_copy_where_a_record_names_it(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    meeting = records / "meetings" / "2023-11-21.yaml"
    text = meeting.read_text(encoding="utf-8")
    cited = "  - document: kkr-syddanmark-2023-11-21-referat.txt\n    lines: '1-605'\n"
    assert cited in text
    address = "https://www.kl.dk/media/1/referat-kkr-syddanmark-21-november-2023.pdf"
    meeting.write_text(text.replace(cited, f"{cited}    url: {address}\n"), encoding="utf-8")
    corpus = load_corpus(records)
    assert not [d for d in corpus.diagnostics if d.severity == "error"]
    views = all_views(corpus, "arkiv", [], DAY)
    page = json.dumps(views["arkiv/kilder/kkr-syddanmark-2023-11-21-referat"], ensure_ascii=False)
    assert json.dumps({"url": address, "text": address}) in page
    other = json.dumps(
        views["arkiv/kilder/kkr-syddanmark-2021-06-09-dagsorden"], ensure_ascii=False
    )
    assert "angiver ikke en adresse på KL's eksemplar" in other


def test_a_changed_document_is_a_new_build_of_its_pages(tmp_path: Path) -> None:
    records = tmp_path / "records"
    (records / "documents").mkdir(parents=True)
    document = records / "documents" / "kkr-syddanmark-2023-11-21-referat.txt"
    document.write_text("REFERAT 2023\n", encoding="utf-8")
    before = cache.key(records, ("arkiv",))
    document.write_text("REFERAT 2023\nrettet\n", encoding="utf-8")
    assert cache.key(records, ("arkiv",)) != before


def test_a_meeting_document_named_as_staff_saved_it_is_still_its_own(tmp_path: Path) -> None:
    """kkr import keeps a PDF's own name (dagsorden-2025-03-18.txt); the site must know the
    document by its header, not only by the kkr-syddanmark-DATE-KIND name of the first five."""
    old = "kkr-syddanmark-2023-11-21-referat.txt"
    new = "referat-kkr-syddanmark-nov.txt"
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    (records / "documents" / old).rename(records / "documents" / new)
    for path in records.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
    corpus = load_corpus(records)
    library = citing.Library(corpus)
    meeting = corpus.get("meeting", "2023-11-21")
    assert meeting is not None and isinstance(meeting.record, Meeting)
    assert library.own_document(meeting.record) == new
    assert library.title(new) == f"Referat {long_date(date(2023, 11, 21))}"
    present = library.structure(new).present
    assert present is not None
    assert "Lone Myrhøj" in _printed(library, present)
