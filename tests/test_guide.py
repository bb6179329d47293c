"""The editing guide works as typed: its commands, in a real shell, print what the page shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from kkr import guide


def _copy(repo: Path, target: Path) -> Path:
    """The repository's files (tracked or new, not ignored), committed as ``main``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = repo / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "main")):
        subprocess.run(
            ["git", "-c", "user.name=kkr", "-c", "user.email=kkr@example.invalid", *args],
            cwd=target,
            check=True,
            capture_output=True,
        )
    # `make html` made the venv; this copy uses the repository's.
    (target / ".venv").symlink_to(repo / ".venv")
    return target


def _shell(copy: Path, home: Path, command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as staff type it, in a fresh shell with no venv on PATH."""
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if ".venv" not in p)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", command],
        cwd=copy,
        env={"PATH": path, "HOME": str(home), "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )


def test_the_guides_commands_run_as_printed_and_print_what_it_shows(
    repo: Path, tmp_path: Path
) -> None:
    page = (repo / "docs" / "redigering.md").read_text(encoding="utf-8")
    typed = [
        line.split("#")[0].strip()
        for block in re.findall(r"```sh\n(.*?)```", page, re.DOTALL)
        for line in block.splitlines()
    ]
    # The set-up the page asks for, once: build, activate the venv, go to the example archive.
    assert typed == ["make html", ". .venv/bin/activate", "cd docs/eksempler"]
    copy = _copy(repo, tmp_path / "repo")
    home = tmp_path / "home"
    home.mkdir()
    prefix = " && ".join(typed[1:]) + " && "
    # Without the activation the shell does not know kkr; the page says to activate it.
    assert _shell(copy, home, "kkr --help").returncode == 127
    examples = copy / "docs" / "eksempler"
    for name, session in guide.steps().items():
        assert f"```{{literalinclude}} reference/{name}\n" in page, name
        shown: list[str] = []
        for step in session:
            if isinstance(step, guide.Edit):
                guide.apply(examples, step)
                shown.append(guide.edit_lines(step))
                continue
            command = step.command if isinstance(step, guide.Run) else f"cat {step.path}"
            shown.append(f"$ {command}\n" + _shell(copy, home, prefix + command).stdout)
        expected = (repo / "docs" / "reference" / name).read_text(encoding="utf-8")
        assert "\n".join(shown) == expected, name
