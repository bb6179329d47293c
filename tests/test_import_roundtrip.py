"""Nothing is lost: item text round-trips, and every source line is accounted for."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from english import english  # noqa: F401  (messages in English)
from kkr.importer.assemble import import_document
from kkr.importer.resolve import Resolver
from kkr.loading.loader import load
from sources import MEETING_DOCUMENTS, SOURCES

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = MEETING_DOCUMENTS
PARTS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
_TABLE = re.compile(r"\[\[tabel:([a-z0-9-]+)\]\]")


def letters(text: str) -> str:
    """Only letters and digits: whitespace, punctuation, Markdown and tags compared away."""
    text = re.sub(r"</?[a-zA-Z]+\s*/?>", "", text)
    return re.sub(r"[\W_]+", "", text)


def imported(name: str) -> tuple[list[str], Any, dict[str, Any]]:
    path = SOURCES / name
    text = path.read_text(encoding="utf-8")
    result = import_document(path, text, Resolver.scan(REPO / "records"), name)
    meeting = result.records[f"meetings/{name[15:25]}.yaml"]
    return text.split("\n"), result, meeting


def item_text(item: dict[str, Any]) -> str:
    """The item as the source prints it: heading, case line, parts with their tables."""
    tables = {table["id"]: table for table in item.get("tables", [])}

    def table_text(match: re.Match[str]) -> str:
        table = tables[match.group(1)]
        cells = [table.get("caption", ""), *table["columns"]]
        cells += [cell for row in table["rows"] for cell in row]
        return " ".join(cells)

    out = [item["number"], item["title"], item.get("case", ""), *item.get("handlers", [])]
    for part in PARTS:
        if part in item:
            out += [part.capitalize(), _TABLE.sub(table_text, item[part])]
    return " ".join(out)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_item_round_trips(name: str) -> None:
    lines, _, meeting = imported(name)
    headings = {
        item["number"]: max(
            i
            for i, line in enumerate(lines)
            if letters(line).startswith(letters(item["number"] + item["title"]))
        )
        for item in meeting["items"]
    }
    sections = {letters(f"{s['number']}. {s['title']}") for s in meeting["sections"]}
    order = [*sorted(headings.values()), len(lines)]
    for item in meeting["items"]:
        start = headings[item["number"]]
        end = order[order.index(start) + 1]
        source = [line for line in lines[start:end] if letters(line) not in sections]
        assert letters(" ".join(source)) == letters(item_text(item)), item["number"]


def haystack(meeting: dict[str, Any], records: dict[str, dict[str, Any]]) -> str:
    """Every value of the records, plus contents lines as number, title and page."""
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        else:
            parts.append(str(value))

    walk(meeting)
    for section in meeting["sections"]:
        parts.append(f"{section['number']} {section['title']} {section.get('page', '')}")
    for item in meeting["items"]:
        parts.extend(part for part in PARTS if part in item)
        for title in (item["title"], item.get("toc_title")):
            if title:
                parts.append(f"{item['number']} {title} {item.get('page', '')}")
    for person in meeting.get("present", []) + meeting.get("absent", []):
        record = records.get(f"people/{person}.yaml") or _person(person)
        town = (record.get("municipality") or "").removesuffix("-kommune")
        parts.append(f"{record['name']} {record.get('party', '')} {town}")
    return letters(" ".join(parts)).lower()


def _person(person_id: str) -> dict[str, Any]:
    found = list((REPO / "records" / "people").rglob(f"{person_id}.yaml"))
    data = load(found[0]).data
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_source_line_is_in_a_record_or_reported(name: str) -> None:
    lines, result, meeting = imported(name)
    report = result.report
    assert "not understood" not in report.destination.values()
    text = haystack(meeting, result.records)
    header = {"document", "body", "date, start_time"}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = report.destination.get(number)
        assert where is not None, (number, line)
        if where.startswith("skipped") or where in header or not letters(line):
            continue
        if where in ("present", "absent", "present, absent") and letters(line).lower() in {
            "deltagerfortegnelse",
            "deltagere",
            "afbud",
        }:
            continue
        shown = line.replace("Sted:", "") if where == "place" else line
        # Participants print a municipality's name where records hold its id.
        wanted = letters(shown).lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
        assert letters(shown).lower() in text or wanted in text.replace("æ", "ae").replace(
            "ø", "oe"
        ).replace("å", "aa"), (number, line)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_header_lines_are_in_the_record(name: str) -> None:
    lines, result, meeting = imported(name)
    for number, where in result.report.destination.items():
        line = re.sub(r"\*|<[^>]+>|#", "", lines[number - 1]).strip()
        if where == "date, start_time":
            day, month, year, time = re.findall(r"\d+(?::\d+)?", line)
            assert meeting["date"] == f"{year}-{month}-{day}"
            assert meeting["start_time"] == time
        elif where == "document":
            assert (
                line.split()[0].lower()
                == {"agenda": "dagsorden", "minutes": "referat"}[meeting["document"]]
            )
        elif where == "body":
            assert letters(line).lower() == letters(meeting["body"]).lower()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_kl_boilerplate_is_reported_as_skipped(name: str) -> None:
    lines, result, _ = imported(name)
    for heading in ("Mission", "Vision"):
        at = next(i for i, line in enumerate(lines, start=1) if letters(line) == heading)
        assert "boilerplate" in result.report.destination[at]
        assert "boilerplate" in result.report.destination[at + 2]
    assert any("Mission boilerplate" in note for note in result.report.notes)
