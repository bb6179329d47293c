"""On a machine that lacks system packages and cannot install them, make stops with one line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = ("sh", "cat", "sha256sum", "cut", "make", "rm", "touch", "test")


@pytest.fixture
def machine(tmp_path: Path, repo: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the build files and a PATH of a non-root user without sudo or ensurepip."""
    project = tmp_path / "project"
    (project / "tools").mkdir(parents=True)
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        shutil.copy(repo / name, project / name)
    shutil.copytree(repo / "tools" / "setup", project / "tools" / "setup")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    fakes = {
        "id": "echo 1000",
        "apt-get": "echo apt-get must not run >&2; exit 9",
        # Debian's Python without python3.11-venv: ensurepip is missing.
        "python3.11": f'case "$*" in *ensurepip*) exit 1;; esac; exec {sys.executable} "$@"',
    }
    for name, body in fakes.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return project, {"PATH": str(bin_dir), "HOME": str(tmp_path)}


def _run(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_make_names_the_command_to_run_in_one_line(machine: tuple[Path, dict[str, str]]) -> None:
    project, env = machine
    result = _run(project, env, "make", "venv")
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) == 1, lines
    assert "apt-get install -y --no-install-recommends python3.11-venv" in lines[0]
    assert "Traceback" not in lines[0]
    assert not (project / ".venv").exists()


def test_the_script_lists_every_missing_package(machine: tuple[Path, dict[str, str]]) -> None:
    project, env = machine
    result = _run(project, env, "sh", "tools/setup/system-packages", "python3.11", "venv", "node")
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1
    assert "python3.11-venv nodejs npm" in result.stdout


def test_an_unknown_group_is_refused(machine: tuple[Path, dict[str, str]]) -> None:
    project, env = machine
    result = _run(project, env, "sh", "tools/setup/system-packages", "python3.11", "browsers")
    assert result.returncode == 1
    assert "unknown group 'browsers'" in result.stdout
