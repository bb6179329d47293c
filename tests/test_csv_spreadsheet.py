"""The CSV files are safe in a Danish spreadsheet: LibreOffice Calc, headless, reading on ";".

Every file of the open data is exported from records full of separators, quotes, line breaks
and formula starts, then opened by LibreOffice Calc under the Danish language (1030), once
split on ";" as a Danish spreadsheet does and once on ",": no cell may become a formula, and
read on "," every row keeps its columns and every cell its text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from exports_support import write_exports
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.exports import downloads
from kkr.exports.tables import Column, Table

REPO = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
# The red team's name, a formula after a tab, a line break and a quote, and plain formulas.
HOSTILE = [
    "Syddansk EU-kontor;=2+5;",
    '=HYPERLINK("https://x.example";"klik")',
    "+45 1234;@SUM(1;2)",
    'Bo "Ib" Hansen, borgmester;-3+4',
    "-1+1",
    "@A1",
]
DECISION = 'Godkendt.\n=2+5;"x"\n- punkt;+1\n@SUM(A1:A2)\n\tindrykket, med komma'
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
TABLE = "{" + NS["table"] + "}"


def _hostile_records(records: Path) -> None:
    shutil.copytree(REPO / "records", records)
    for folder, field in (("organizations", "name"), ("topics", "name"), ("contracts", "title")):
        for n, path in enumerate(sorted((records / folder).glob("*.yaml"))):
            text = path.read_text(encoding="utf-8")
            found = re.search(rf"^{field}: (.*)$", text, re.MULTILINE)
            assert found is not None, path
            value = HOSTILE[n % len(HOSTILE)] + " " + found.group(1).strip("'\"")
            path.write_text(text[: found.start(1)] + json.dumps(value) + text[found.end(1) :])
    meeting = records / "meetings" / "2023-11-21.yaml"
    text = meeting.read_text(encoding="utf-8")
    at = text.index("    beslutning: |\n")
    block = "    beslutning: " + json.dumps(DECISION) + "\n"
    end = text.index("\n    ", text.index("\n", at + 20) + 1)  # the block's first line only
    meeting.write_text(text[:at] + block + text[end + 1 :], encoding="utf-8")


def _calc(files: list[Path], separator: str, out: Path) -> dict[str, list[list[tuple[str, bool]]]]:
    """Open CSV files in LibreOffice Calc (Danish, formulas evaluated); cells and formula flags."""
    # Tokens: separator, quote ("), UTF-8, first line, no column formats, Danish (1030),
    # quoted fields not forced to text, special numbers detected, ..., evaluate formulas.
    options = f"CSV:{ord(separator)},34,76,1,,1030,false,true,false,false,false,,true"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{out}/profile",
            "--headless",
            f"--infilter={options}",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {path.stem: _cells(out / f"{path.stem}.fods") for path in files}


def _cells(fods: Path) -> list[list[tuple[str, bool]]]:
    rows = []
    for row in ET.parse(fods).iter(TABLE + "table-row"):
        cells: list[tuple[str, bool]] = []
        for cell in row.iter(TABLE + "table-cell"):
            text = "\n".join("".join(p.itertext()) for p in cell.iterfind("text:p", NS))
            repeat = int(cell.get(TABLE + "number-columns-repeated", "1"))
            cells += [(text, cell.get(TABLE + "formula") is not None)] * min(repeat, 50)
        while cells and cells[-1] == ("", False):
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return rows


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("csv")
    _hostile_records(tmp / "records")
    return write_exports(tmp / "records", tmp / "out")


def test_no_cell_becomes_a_formula_in_calc_read_on_semicolons(
    exported: Path, tmp_path: Path
) -> None:
    files = sorted((exported / "data").glob("*.csv"))
    assert len(files) >= 8
    sheets = _calc(files, ";", tmp_path)
    formulas = [
        (name, text) for name, rows in sheets.items() for row in rows for text, f in row if f
    ]
    assert formulas == []
    # The hostile text did reach the files (so the check above could have failed).
    joined = "".join(text for rows in sheets.values() for row in rows for text, _ in row)
    assert "'=2+5" in joined and "'@SUM" in joined and "'=HYPERLINK" in joined


def test_calc_read_on_commas_keeps_every_column_and_every_cell_as_written(
    exported: Path, tmp_path: Path
) -> None:
    files = sorted((exported / "data").glob("*.csv"))
    sheets = _calc(files, ",", tmp_path)
    for path in files:
        with path.open(encoding="utf-8", newline="") as source:
            expected = list(csv.reader(source))
        got = sheets[path.stem]
        assert not any(f for row in got for _, f in row), path.name
        assert len(got) == len(expected), path.name
        for want, row in zip(expected, got, strict=True):
            texts = [text for text, _ in row]
            # Calc shows numbers its own way (1030: "2,5"); text cells must match exactly.
            assert len(texts) <= len(want), (path.name, want, texts)
            for value, text in zip(want, texts, strict=False):
                if not re.fullmatch(r"[\d.:-]+|true|false", value):
                    assert text == value.replace("\r\n", "\n"), (path.name, value, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(st.sampled_from(list(",;\"'\t\r\n=+-@ab1 ")), max_size=12), min_size=1, max_size=4
    )
)
def test_every_field_with_a_separator_quote_or_break_is_quoted_and_no_piece_starts_a_formula(
    values: list[str],
) -> None:
    table = Table("t", "T", [Column(f"c{n}", "string", "") for n in range(len(values))], ["c0"])
    table.rows.append({f"c{n}": value for n, value in enumerate(values)})
    data = downloads.to_csv(table).decode()
    [_header, row] = list(csv.reader(io.StringIO(data, newline="")))
    for value, written in zip(values, row, strict=True):
        assert written.replace("'", "") == value.replace("'", "")
        # Split as a careless Danish reader would: on ";", tab and every line break.
        for piece in re.split(r"[;\t\r\n]", written):
            assert not piece.startswith(("=", "+", "-", "@")), (value, written)
    # Each field holding ",", ";", a quote, a tab or a break is quoted in the file.
    line = data.split("\r\n", 1)[1]
    for value in values:
        if re.search(r'[,;"\t\r\n]', value):
            assert '"' + downloads._cell(value).replace('"', '""') + '"' in line
