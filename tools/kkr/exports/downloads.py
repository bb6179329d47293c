"""The tables as CSV files with a Frictionless Data Package describing them."""

from __future__ import annotations

import csv
import io
import json

from kkr.exports.license import DataLicense, statement
from kkr.exports.tables import Table

DIR = "data"
PACKAGE = f"{DIR}/datapackage.json"


def csv_path(table: Table) -> str:
    """The path of a table's CSV file, e.g. data/meetings.csv."""
    return f"{DIR}/{table.name}.csv"


# A spreadsheet runs a cell that starts like a formula; record text is untrusted.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # The apostrophe makes spreadsheets show the text as text; the database keeps it as written.
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(table: Table) -> bytes:
    """UTF-8 CSV with a header row, lines ended by CRLF as RFC 4180 says."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    names = [c.name for c in table.columns]
    writer.writerow(names)
    for row in table.rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return out.getvalue().encode("utf-8")


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
