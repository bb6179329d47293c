"""The records' git history, read in one ``git log`` pass: each record file's commits.

The log follows the first parent only, so a merged pull request is one commit (the merge)
dated when it reached the branch. Dates are committer dates, never the clock, so the same
commit always gives the same history. A shallow clone has no history: it says so instead of
giving dates that would be wrong.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

_HEADER = b"\x1f"


@dataclass(frozen=True)
class Commit:
    """One commit of the branch: its hash, its committer date and its subject line."""

    sha: str
    when: datetime
    subject: str


@dataclass(frozen=True)
class Change:
    """What one commit did to one record file: A (added), M (modified) or D (deleted).

    ``old`` and ``new`` are the file's blob hashes before and after ("" where there is none).
    """

    commit: Commit
    status: str
    old: str
    new: str


@dataclass
class History:
    """Each record file's changes, oldest first, keyed by its path relative to the repository.

    A file renamed in a commit keeps its changes from before the rename under its new name.
    """

    available: bool
    reason: str = ""
    """Why there is no history: "shallow", "no-git" or "" when there is one."""
    top: Path | None = None
    head: str = ""
    changes: dict[str, list[Change]] = field(default_factory=dict)

    def key(self, path: Path) -> str:
        """The key of a file in ``changes``: its path relative to the repository."""
        if self.top is None:
            return path.as_posix()
        try:
            return path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return path.as_posix()

    def of(self, path: Path) -> list[Change]:
        """The changes to one file, oldest first; empty when it was never committed."""
        return self.changes.get(self.key(path), [])

    def deleted(self) -> dict[str, Change]:
        """Files whose last change deleted them, with that change, by repository path."""
        return {
            path: changes[-1]
            for path, changes in sorted(self.changes.items())
            if changes and changes[-1].status == "D"
        }

    def stamp(self) -> str:
        """What the history depends on, for build caches: the commit, or why there is none."""
        return f"history:{self.head or self.reason}"


class GitError(Exception):
    """git could not be run or refused the command."""


def _git(cwd: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=data, capture_output=True, check=False
        )
    except OSError as error:
        raise GitError(str(error)) from None
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip())
    return result.stdout


_CACHE: dict[tuple[str, str], History] = {}


def read(records: Path) -> History:
    """The history of the files under ``records``, read once per directory and commit."""
    records = records.resolve()
    try:
        top = Path(_git(records, "rev-parse", "--show-toplevel").decode().strip()).resolve()
        head = _git(top, "rev-parse", "--verify", "--quiet", "HEAD").decode().strip()
        shallow = _git(top, "rev-parse", "--is-shallow-repository").decode().strip()
    except GitError:
        return History(available=False, reason="no-git")
    if shallow == "true":
        return History(available=False, reason="shallow", top=top)
    cached = _CACHE.get((str(records), head))
    if cached is not None:
        return cached
    relative = records.relative_to(top).as_posix() if records != top else "."
    out = _git(
        top,
        "-c",
        "core.quotePath=off",
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "-M",
        "--raw",
        "--no-abbrev",
        "-z",
        "--format=%x00%H%x1f%cI%x1f%s",
        "HEAD",
        "--",
        relative,
    )
    history = History(available=True, top=top, head=head, changes=parse(out))
    _CACHE[(str(records), head)] = history
    return history


def parse(out: bytes) -> dict[str, list[Change]]:
    """Each file's changes, oldest first, from ``git log -z --raw`` output (newest first)."""
    changes: dict[str, list[Change]] = {}
    # Newest first: a rename maps the older name to the name the file has now.
    final: dict[str, str] = {}
    tokens = out.split(b"\0")
    commit: Commit | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b":") and commit is not None:
            fields = token[1:].split(b" ")
            old, new, status = fields[2].decode(), fields[3].decode(), fields[4].decode()
            path = tokens[index].decode("utf-8", "replace")
            index += 1
            if status[:1] in ("R", "C"):
                target = tokens[index].decode("utf-8", "replace")
                index += 1
                name = final.get(target, target)
                if status[0] == "R":
                    final[path] = name
                # A rename (or copy) is a change to the file under its new name.
                status = "M" if status[0] == "R" else "A"
            else:
                name = final.get(path, path)
            zero = set(old) == {"0"}
            entry = Change(
                commit, status[:1], "" if zero else old, "" if set(new) == {"0"} else new
            )
            changes.setdefault(name, []).append(entry)
        elif _HEADER in token:
            sha, when, subject = token.decode("utf-8", "replace").split("\x1f", 2)
            commit = Commit(sha, datetime.fromisoformat(when), subject)
    for found in changes.values():
        found.reverse()
    return changes


def blobs(top: Path, shas: list[str]) -> dict[str, bytes]:
    """The content of each blob, read by one ``git cat-file --batch``."""
    wanted = sorted(set(shas))
    if not wanted:
        return {}
    out = _git(top, "cat-file", "--batch", data="".join(s + "\n" for s in wanted).encode())
    found: dict[str, bytes] = {}
    position = 0
    for sha in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].split(b" ")
        position = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        found[sha] = out[position : position + size]
        position += size + 1
    return found
