"""Run a command in a child process and measure its wall time, CPU time and peak memory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BUILD = Path(__file__).with_name("build.py")


@dataclass(frozen=True)
class Run:
    """What one command cost."""

    wall: float
    cpu: float
    """User and system time of the process and of every child it waited for (its workers)."""
    peak_mb: float
    """The largest resident set of the process itself."""
    output: str

    @property
    def read(self) -> int:
        """Pages a Sphinx build read, from build.py's last line."""
        match = re.search(r"bench: read (\d+) written (\d+)", self.output)
        return int(match.group(1)) if match else -1

    @property
    def written(self) -> int:
        """Pages a Sphinx build wrote."""
        match = re.search(r"bench: read (\d+) written (\d+)", self.output)
        return int(match.group(2)) if match else -1


def run(command: list[str], cwd: Path | None = None) -> Run:
    """Run ``command``; raise with its output if it fails."""
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def sphinx_command(src: Path, out: Path, jobs: int, python: str = sys.executable) -> list[str]:
    """The command that builds ``src`` into ``out`` (html and doctrees) with ``jobs`` processes."""
    return [python, str(BUILD), str(src), str(out), str(jobs)]


def sphinx(src: Path, out: Path, jobs: int, python: str = sys.executable) -> Run:
    """Build ``src`` into ``out`` (html and doctrees) with ``jobs`` processes."""
    return run(sphinx_command(src, out, jobs, python))
