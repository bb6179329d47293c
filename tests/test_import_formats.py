"""kkr import on the three source formats: plain text, Markdown-flavoured and minutes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from kkr.importer.assemble import Imported, import_document
from kkr.importer.resolve import Resolver
from sources import MEETING_DOCUMENTS, SOURCES

from schema.markdown import problems
from schema.meeting import Meeting
from schema.person import Person

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = MEETING_DOCUMENTS
MARKDOWN_FIELDS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")


def run(name: str) -> tuple[list[str], Imported, dict[str, Any]]:
    """Import one source document against the repository's records."""
    path = SOURCES / name
    text = path.read_text(encoding="utf-8")
    imported = import_document(path, text, Resolver.scan(REPO / "records"), name)
    meeting = next(v for k, v in imported.records.items() if k.startswith("meetings/"))
    return text.split("\n"), imported, meeting


def plain(line: str) -> str:
    return re.sub(r"</?[a-zA-Z]+>|\*\*|^#+\s*", "", line).strip()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_imports_without_errors_and_validates(name: str) -> None:
    _, imported, meeting = run(name)
    assert imported.report.ok, [d.text() for d in imported.report.diagnostics]
    Meeting.model_validate_json(json.dumps(meeting), strict=True)
    for relative, record in imported.records.items():
        if relative.startswith("people/"):
            Person.model_validate_json(json.dumps(record), strict=True)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_meeting_facts_come_from_the_file(name: str) -> None:
    lines, _, meeting = run(name)
    day = re.search(r"(\d{4}-\d{2}-\d{2})", name)
    assert day is not None
    assert meeting["id"] == meeting["date"] == day.group(1)
    assert meeting["document"] == ("minutes" if "referat" in name else "agenda")
    dato = next(plain(line) for line in lines if plain(line).startswith("Dato:"))
    assert dato.endswith(meeting["start_time"])
    sted = next(plain(line) for line in lines if plain(line).startswith("Sted:"))
    assert sted == f"Sted: {meeting['place']}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_item_and_its_case_line(name: str) -> None:
    lines, _, meeting = run(name)
    plains = [plain(line) for line in lines]
    # An item number printed at the start of two lines: once in the contents, once as heading.
    starts = [m.group(1) for p in plains if (m := re.match(r"(\d+\.\d+)\.?\s", p))]
    numbers = sorted({n for n in starts if starts.count(n) >= 2}, key=lambda n: n.split("."))
    assert [item["number"] for item in meeting["items"]] == numbers
    for item in meeting["items"]:
        heading = max(i for i, p in enumerate(plains) if p.startswith(item["number"] + "."))
        case_line = next(p for p in plains[heading + 1 :] if p)
        assert case_line == f"{item['case']} {'/'.join(item['handlers'])}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_record_text_is_safe_markdown(name: str) -> None:
    _, _, meeting = run(name)
    for item in meeting["items"]:
        for field in MARKDOWN_FIELDS:
            text = item.get(field)
            if text is not None:
                assert problems(text) == [], (item["number"], field)
                assert "<b>" not in text and "<p>" not in text


def test_markdown_export_headings_become_level_four_headings() -> None:
    lines, _, meeting = run(DOCUMENTS[0])
    # Whole-line italic or heading lines inside an item part are its sub-headings.
    italic = [
        plain(line).strip("*")
        for line in lines
        if re.fullmatch(r"(#+\s+)?\*[^*:]+\*", line.strip())
    ]
    text = "\n".join(item.get("sagsfremstilling") or "" for item in meeting["items"])
    assert italic
    for heading in italic:
        assert f"#### {heading}" in text


def test_minutes_participants_resolve_to_people() -> None:
    lines, imported, meeting = run(DOCUMENTS[2])
    start = lines.index("Deltagere")
    absent = lines.index("Afbud")
    entry = re.compile(r"^(.+?) \(([A-ZÆØÅ])\) (.+)$")
    present_lines = [line for line in lines[start:absent] if entry.match(line)]
    absent_lines = [line for line in lines[absent : absent + 20] if entry.match(line)]
    assert len(meeting["present"]) == len(present_lines)
    assert len(meeting["absent"]) == len(absent_lines)
    people = {k: v for k, v in imported.records.items() if k.startswith("people/")}
    resolver = Resolver.scan(REPO / "records")
    for line, person in zip(
        present_lines + absent_lines, meeting["present"] + meeting["absent"], strict=True
    ):
        match = entry.match(line)
        assert match is not None
        found = resolver.person(match.group(1)) or people[f"people/{person}.yaml"]["id"]
        assert found == person
    assert all(item.get("beslutning") is not None for item in meeting["items"])
    assert meeting["status"] == "held"


def test_contents_title_differences_are_kept_and_warned() -> None:
    _, imported, meeting = run(DOCUMENTS[2])
    differing = [item for item in meeting["items"] if "toc_title" in item]
    assert differing
    for item in differing:
        assert item["toc_title"] != item["title"]
        assert any(d["field"] == f"items[{item['number']}].title" for d in meeting["discrepancies"])
    warned = [d for d in imported.report.diagnostics if d.code == "toc-mismatch"]
    assert len(warned) == len(differing)


def test_previous_and_next_meeting_dates_come_from_the_text() -> None:
    lines, imported, meeting = run(DOCUMENTS[0])
    # The agenda's 4.1 title says 2020, its text 2021; the text wins and both are recorded.
    said = next(line for line in lines if line.startswith("Næste møde i KKR"))
    day = re.search(r"den (\d+)\. februar (\d{4})", said)
    assert day is not None
    readings = next(d for d in meeting["discrepancies"] if d["field"] == "next")["readings"]
    assert readings[0] == f"{day.group(1)}. februar {day.group(2)}"
    assert any(d.code == "source-discrepancy" for d in imported.report.diagnostics)


@pytest.mark.parametrize(("lang", "names"), [("da", ("PDF", "Word")), ("en", ("PDF", "Word"))])
def test_the_help_names_the_formats_staff_import(
    lang: str, names: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """The first sentence of `kkr import --help` names PDF and Word, which it reads directly."""
    from kkr.cli import main

    with pytest.raises(SystemExit):
        main(["import", "--help", "--lang", lang])
    out = " ".join(capsys.readouterr().out.split())
    first = out[out.index("KL") : out.index(". ")]
    for name in names:
        assert name in first, first
