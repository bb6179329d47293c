"""Open-data exports of the checked corpus: OParl, tables, SQLite, calendar, feeds, charts."""
