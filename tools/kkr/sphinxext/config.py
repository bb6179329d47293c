"""The extension's one typed configuration, read from conf.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx

DEFAULT_RECORDS = "records"
DEFAULT_PAGES = "arkiv"


@dataclass(frozen=True)
class SiteConfig:
    """Where the records are read from and where generated pages are written."""

    records: Path
    pages: Path
    pages_prefix: str

    @classmethod
    def from_app(cls, app: Sphinx) -> SiteConfig:
        """Resolve ``kkr_records`` and ``kkr_pages`` against the source directory."""
        srcdir = Path(app.srcdir)
        prefix = str(app.config.kkr_pages).strip("/")
        return cls(
            records=(srcdir / str(app.config.kkr_records)).resolve(),
            pages=srcdir / prefix,
            pages_prefix=prefix,
        )


def register(app: Sphinx) -> None:
    """Declare the config values; plain strings keep the pickled config stable."""
    # "env" rebuild: a changed records or pages location invalidates every page.
    app.add_config_value("kkr_records", DEFAULT_RECORDS, "env", types=frozenset({str}))
    app.add_config_value("kkr_pages", DEFAULT_PAGES, "env", types=frozenset({str}))
