"""The tables as CSV files with a Frictionless Data Package describing them."""

from __future__ import annotations

import json
import re

from kkr.exports.license import DataLicense, statement
from kkr.exports.tables import Table

DIR = "data"
PACKAGE = f"{DIR}/datapackage.json"


def csv_path(table: Table) -> str:
    """The path of a table's CSV file, e.g. data/meetings.csv."""
    return f"{DIR}/{table.name}.csv"


# A spreadsheet runs a cell that starts like a formula (=, +, -, @, tab or carriage return);
# record text is untrusted.
# A Danish spreadsheet splits on ";" (the comma is the decimal mark), some split on tab, and a
# reader on ";" sees no quotes mid-line, so a line break inside a field starts a new row: a
# formula may start after any of them ("Syddansk EU-kontor;=2+5;" must never make "=2+5").
_FORMULA = re.compile(r"(^|[;\t\r\n])(?=[=+\-@\t\r])")
# A field holding any of these is quoted, whichever separator the reader chooses.
_QUOTE = re.compile(r'[,;"\t\r\n]')


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    # The apostrophe makes spreadsheets show the text as text; the database keeps it as written.
    return _FORMULA.sub(r"\1'", str(value))


def _field(text: str) -> str:
    """One CSV field: quoted (quotes doubled, RFC 4180) when it holds a separator or break."""
    return '"' + text.replace('"', '""') + '"' if _QUOTE.search(text) else text


def to_csv(table: Table) -> bytes:
    """UTF-8 CSV with a header row, lines ended by CRLF as RFC 4180 says."""
    names = [c.name for c in table.columns]
    lines = [names] + [[_cell(row.get(name)) for name in names] for row in table.rows]
    # A row of one empty field is written "" (as Python's csv does), never as an empty line.
    rows = (",".join(map(_field, line)) if line != [""] else '""' for line in lines)
    return "".join(row + "\r\n" for row in rows).encode("utf-8")


def _resource(table: Table) -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description} for c in table.columns
        ],
        "primaryKey": table.key,
        "missingValues": [""],
    }
    if table.foreign:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": other, "fields": key}}
            for column, other, key in table.foreign
        ]
    return {
        "name": table.name,
        "title": table.title,
        "path": f"{table.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def export(
    tables: list[Table], homepage: str, license: DataLicense | None = None
) -> dict[str, bytes]:
    """The CSV files and datapackage.json, keyed by their path under the site root."""
    files = {csv_path(t): to_csv(t) for t in tables}
    package: dict[str, object] = {
        "name": "kkr-syddanmark",
        "title": "KKR Syddanmark – møder, personer, organisationer og aftaler",
        "description": statement(license),
        "homepage": homepage,
    }
    if license:
        package["licenses"] = [{"name": license.name, "path": license.url, "title": license.title}]
    package["resources"] = [_resource(t) for t in tables]
    files[PACKAGE] = (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files
