"""`make html`'s build step: validation, then a warning-free Sphinx build of the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_site_builds_without_warnings(repo: Path, tmp_path: Path) -> None:
    validate = subprocess.run(
        [sys.executable, "-m", "kkr.cli", "validate", "records"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert validate.returncode == 0, validate.stdout
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            "-d",
            str(tmp_path / "doctrees"),
            str(repo),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "html" / "index.html").exists()
