"""One SQLite database of the tables, with their keys and foreign keys, made by sqlite-utils."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from kkr.exports.tables import Table

PATH = "data/kkr-syddanmark.db"
TYPES = {"string": str, "integer": int, "boolean": bool, "date": str}


def export(tables: list[Table]) -> dict[str, bytes]:
    """The database file, keyed by its path; same tables in, same bytes out."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kkr.db"
        conn = sqlite3.connect(path)
        db = sqlite_utils.Database(conn)
        for table in tables:
            db[table.name].create(  # type: ignore[union-attr]
                {c.name: TYPES[c.type] for c in table.columns},
                pk=table.key[0] if len(table.key) == 1 else tuple(table.key),
                foreign_keys=table.foreign,
            )
            db[table.name].insert_all(table.rows)  # type: ignore[union-attr]
        # VACUUM leaves a compact file whose layout depends only on the rows written.
        db.vacuum()
        conn.close()
        return {PATH: path.read_bytes()}
