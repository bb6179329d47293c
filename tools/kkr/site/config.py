"""The extension's one typed configuration, read from conf.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from kkr.exports.license import DataLicense, from_setting

DEFAULT_RECORDS = "records"
DEFAULT_PAGES = "arkiv"


@dataclass(frozen=True)
class SiteConfig:
    """Where the records are read from, where pages are written, and the menu's own pages."""

    records: Path
    pages: Path
    pages_prefix: str
    menu: tuple[str, ...]
    license: DataLicense | None

    @classmethod
    def from_app(cls, app: Sphinx) -> SiteConfig:
        """Resolve ``kkr_records`` and ``kkr_pages`` against the source directory."""
        srcdir = Path(app.srcdir)
        prefix = str(app.config.kkr_pages).strip("/")
        return cls(
            records=(srcdir / str(app.config.kkr_records)).resolve(),
            pages=srcdir / prefix,
            pages_prefix=prefix,
            menu=tuple(str(name) for name in app.config.kkr_menu),
            license=from_setting(app.config.kkr_data_license),
        )


def register(app: Sphinx) -> None:
    """Declare the config values; plain strings keep the pickled config stable."""
    # "env" rebuild: a changed records or pages location invalidates every page.
    app.add_config_value("kkr_records", DEFAULT_RECORDS, "env", types=frozenset({str}))
    app.add_config_value("kkr_pages", DEFAULT_PAGES, "env", types=frozenset({str}))
    # Hand-written pages listed in the menu after the generated list pages, e.g. docs/om-kkr.
    app.add_config_value("kkr_menu", (), "env", types=frozenset({tuple, list}))
    # The data licence every export states; None says plainly that none has been chosen.
    app.add_config_value("kkr_data_license", None, "env", types=frozenset({dict, type(None)}))
    app.connect("config-inited", _check_license)


def _check_license(app: Sphinx, config: Config) -> None:
    # A malformed setting stops the build with its valid form, not with a traceback later.
    try:
        from_setting(config.kkr_data_license)
    except ValueError as error:
        raise ConfigError(str(error)) from None
