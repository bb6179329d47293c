"""PDF-to-text repairs, tables and the YAML emitter of kkr import."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from kkr.diagnostics import Code
from kkr.importer.assemble import import_document
from kkr.importer.resolve import Resolver
from kkr.importer.text import (
    clean,
    escape_markdown,
    join_all,
    join_broken,
    joins_hyphenated,
    plain,
    strip_dot_leader,
)
from kkr.importer.writer import emit, scalar
from kkr.loading.characters import without_forbidden
from kkr.loading.loader import load_text
from sources import SOURCES

REPO = Path(__file__).resolve().parent.parent


def meeting_of(name: str) -> tuple[list[str], dict[str, Any]]:
    text = (SOURCES / name).read_text(encoding="utf-8")
    result = import_document(SOURCES / name, text, Resolver.scan(REPO / "records"), name)
    return text.split("\n"), result.records[f"meetings/{name[15:25]}.yaml"]


def item(meeting: dict[str, Any], number: str) -> dict[str, Any]:
    return next(i for i in meeting["items"] if i["number"] == number)


def all_text(meeting: dict[str, Any]) -> str:
    parts = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
    return "\n".join(i.get(p) or "" for i in meeting["items"] for p in parts)


def test_hyphen_at_line_end_is_joined_but_suspended_hyphens_stay() -> None:
    assert (
        join_broken("de 22 syddanske kom-", "muner og Region")
        == "de 22 syddanske kommuner og Region"
    )
    assert joins_hyphenated("botilbudskapacite-", "ten.")
    assert not joins_hyphenated("social-", "og sundhedsområdet")
    assert join_broken("social-", "og sundhed") == "social- og sundhed"
    assert not joins_hyphenated("DK2020-", "Indsatsen")


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("i KKR-", "sekretariatet", "i KKR-sekretariatet"),
        ("alle DK2020-", "klimakoordinatoren", "alle DK2020-klimakoordinatoren"),
        ("(EU-", "kontoret)", "(EU-kontoret)"),
        ("kommunal-", "direktører", "kommunaldirektører"),
        ("Kommune-", "samarbejdet", "Kommunesamarbejdet"),
        ("KKR-", "og regionsrådet", "KKR- og regionsrådet"),
    ],
)
def test_names_and_acronyms_keep_a_printed_hyphen(first: str, second: str, joined: str) -> None:
    assert join_broken(first, second) == joined
    assert join_all([first, second]) == joined


@pytest.mark.parametrize(
    "printed",
    [
        "[1]: https://www.kl.dk",
        "***",
        "---",
        "- ikke en liste",
        "2024. Året",
        "# Ikke en overskrift",
        "<Projekt X> og *stjerner* og _streger_",
        "a | b",
        "&amp; og `kode`",
        "> citat",
        "+ plus",
        "+ + +",
        "% af kommunerne svarede",
        "(Bilag 1)=",
        "(a)b(t)=",
    ],
)
def test_plain_text_is_escaped_to_render_as_printed(printed: str) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.myst_blocks import myst_block_plugin

    # With MyST's line syntax, as the site reads it: comments, targets and block breaks.
    parser = MarkdownIt("commonmark").enable("table").use(myst_block_plugin)
    rendered = parser.render(escape_markdown(printed))
    assert rendered == f"<p>{html.escape(printed, quote=False)}</p>\n"


def test_stray_characters_and_odd_spaces_are_cleaned() -> None:
    assert clean("kom\u00admuner\u00a0og\u200b region \f ") == "kommuner og region"
    assert clean("\u00a0") == ""
    assert strip_dot_leader("Siden sidst.....") == "Siden sidst"
    assert (
        plain("<b>1.</b>\t<b>Godkendelse af referat .....</b>") == "1. Godkendelse af referat ....."
    )


@pytest.mark.parametrize(
    "name", ["kkr-syddanmark-2021-06-09-dagsorden.txt", "kkr-syddanmark-2023-11-21-referat.txt"]
)
def test_words_broken_over_a_page_break_are_whole_in_the_record(name: str) -> None:
    lines, meeting = meeting_of(name)
    text = " ".join(all_text(meeting).split())
    broken = [(i, line) for i, line in enumerate(lines) if re.search(r"[a-zæøå]-$", line.rstrip())]
    assert broken
    for index, line in broken:
        after = next(other for other in lines[index + 1 :] if other.strip())
        whole = line.rstrip()[:-1].split()[-1] + after.split()[0]
        assert whole in text
        assert line.rstrip().split()[-1] not in text.split()


def test_sentences_cut_by_a_page_break_become_one_paragraph() -> None:
    lines, meeting = meeting_of("kkr-syddanmark-2021-06-09-dagsorden.txt")
    text = all_text(meeting)
    cut = [
        (i, line.rstrip())
        for i, line in enumerate(lines)
        if line.strip()
        and line.rstrip()[-1].isalpha()
        and i + 2 < len(lines)
        and not lines[i + 1].strip()
        and lines[i + 2][:1].islower()
    ]
    assert cut
    for index, line in cut:
        assert f"{line} {lines[index + 2].split()[0]}" in text


def test_refugee_tables_add_up_as_printed() -> None:
    lines, meeting = meeting_of("kkr-syddanmark-2021-06-09-dagsorden.txt")
    tables = item(meeting, "3.6")["tables"]
    assert len(tables) == 2
    rows = [line.split("\t") for line in lines if re.fullmatch(r"[^\t]+\t\d+", line)]
    printed = [list(row) for t in tables for row in t["rows"]]
    assert printed == rows
    for table in tables:
        *parts, total = table["rows"]
        assert sum(int(row[1]) for row in parts) == int(total[1])
        assert f"[[tabel:{table['id']}]]" in item(meeting, "3.6")["sagsfremstilling"]
    assert [t["columns"] for t in tables] == [
        line.split("\t") for line in lines if line.endswith("\tAntal")
    ]


def test_dk2020_table_has_one_row_per_printed_line_and_no_html() -> None:
    lines, meeting = meeting_of("kkr-syddanmark-2020-11-11-dagsorden.md")
    (table,) = item(meeting, "2.3")["tables"]
    printed = [line for line in lines if line.startswith("<b>") and "Syddanmark</b>" in line]
    assert len(table["rows"]) == len(printed)
    assert [row[0] for row in table["rows"]] == [
        re.sub("<[^>]+>", "", p.split("\t")[0]) for p in printed
    ]
    assert all(len(row) == len(table["columns"]) for row in table["rows"])
    assert "<" not in repr(table)
    assert table["caption"] == "Overblik over ansøgere"


def test_minutes_tables_budget_and_time_plan() -> None:
    lines, meeting = meeting_of("kkr-syddanmark-2023-11-21-referat.txt")
    (plan,) = item(meeting, "2.3")["tables"]
    assert plan["columns"] == lines[lines.index("Tidsplan for proces") + 2].split("\t")
    assert all("<p>" not in cell and "--" not in cell for row in plan["rows"] for cell in row)
    assert len(plan["rows"]) == sum(
        1 for line in lines if re.match(r"(November|Møde i|Foråret)", line)
    )
    (budget,) = item(meeting, "2.6")["tables"]
    header = next(line for line in lines if "%-fordeling" in line)
    assert budget["columns"] == header.split("\t")
    total = budget["rows"][-1]
    kroner = [int(re.sub(r"\D", "", row[2])) for row in budget["rows"][:-1]]
    assert sum(kroner) == int(re.sub(r"\D", "", total[2]))


def test_emitted_yaml_round_trips_and_quotes_what_yaml_11_would_retype() -> None:
    data = {
        "id": "2023-11-21",
        "start_time": "10:00",
        "words": ["no", "yes", "on", "0755", "1.10", "3.6", "null", "~", "", "- x", "a: b", "#c"],
        "text": "Linje et\n\n- punkt\n",
        "baggrund": "Kort.",
        "page": 3,
        "rows": [["Assens", ""], ["Ærø", "1"]],
    }
    text = emit(data, "# comment\n")
    assert load_text(text).data == data
    assert yaml.safe_load(text) == data
    assert scalar("10:00") == "'10:00'"


# Characters a record may not hold never reach the emitter: read_lines leaves them out.
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(
        without_forbidden
    )
)
def test_any_string_survives_the_emitter(value: str) -> None:
    data = {"value": value, "baggrund": value, "lines": f"{value}\n{value}\n"}
    doc = load_text(emit(data, ""))
    assert doc.ok
    assert doc.data == data


def test_characters_a_record_may_not_hold_are_left_out_with_a_warning() -> None:
    name = "kkr-syddanmark-2023-11-21-referat.txt"
    lines = (SOURCES / name).read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if len(line) > 20)
    lines[number] = lines[number][:5] + "\u202e" + lines[number][5:10] + "\x00" + lines[number][10:]
    result = import_document(
        SOURCES / name, "\n".join(lines), Resolver.scan(REPO / "records"), name
    )
    warned = [
        (d.line, d.column) for d in result.report.diagnostics if d.code == Code.CONTROL_CHARACTER
    ]
    assert warned == [(number + 1, 6), (number + 1, 12)]
    # The loader rejects such characters even as escapes, so every record must load.
    assert result.records
    assert all(load_text(emit(record, "")).ok for record in result.records.values())
