"""Shared fixtures and helpers that build the Sphinx test projects under tests/roots."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from kkr import i18n
from sphinx.application import Sphinx
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Build:
    """The result of one Sphinx run."""

    app: Sphinx
    warnings: str
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    @property
    def out(self) -> Path:
        """The HTML output directory."""
        return Path(self.app.outdir)


def copy_root(name: str, dest: Path) -> Path:
    """Copy tests/roots/<name> to ``dest`` and return it."""
    shutil.copytree(ROOTS / name, dest, ignore=shutil.ignore_patterns("_build", "arkiv"))
    return dest


def build(src: Path, out: Path | None = None, *, fresh: bool = False, parallel: int = 1) -> Build:
    """Build ``src`` as HTML in-process, recording the documents read and written."""
    out = out or src / "_build"
    warnings = StringIO()
    # SphinxTestApp undoes its global docutils registrations, so builds can repeat in-process.
    app = SphinxTestApp(
        "html",
        srcdir=src,
        builddir=out,
        freshenv=fresh,
        status=StringIO(),
        warning=warnings,
        parallel=parallel,
    )
    result = Build(app, "")
    app.connect("env-before-read-docs", lambda _app, _env, docs: result.read.extend(docs))
    app.connect("html-page-context", lambda _app, page, *_: result.written.append(page))
    try:
        app.build()
    finally:
        app.cleanup()
    result.warnings = warnings.getvalue()
    return result


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the default language (KKR_LANG, else Danish).

    An in-process ``main(["--lang", "en", ...])`` chooses English for the whole process, which
    would otherwise leak into the tests after it.
    """
    i18n.set_language()
    yield
    i18n.set_language()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A fresh copy of the test-site project."""
    return copy_root("test-site", tmp_path / "site")


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root."""
    return REPO


def kkr(*args: str, cwd: Path, lang: str = "") -> subprocess.CompletedProcess[str]:
    """Run the kkr command line in a fresh process; messages in ``lang`` (default: Danish)."""
    env = {k: v for k, v in os.environ.items() if k != "KKR_LANG"}
    if lang:
        env["KKR_LANG"] = lang
    # The timeout only guards against a hang (a blocking read); no assertion is about time.
    return subprocess.run(
        [sys.executable, "-m", "kkr.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="session")
def repository_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once for the accessibility and search tests."""
    result = build(REPO, tmp_path_factory.mktemp("repository") / "build")
    assert result.warnings == ""
    return result.out
