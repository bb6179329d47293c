"""The records directory as it was at a git revision, unpacked into a temporary directory."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


class RevisionError(Exception):
    """The revision or the repository cannot be read; the message is git's, if any."""


class UnknownRevisionError(RevisionError):
    """The repository has no commit of that name."""


def _git(cwd: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as error:
        raise RevisionError(str(error)) from None
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(lines[-1] if lines else f"git {args[0]} failed")
    return result.stdout


@dataclass
class Snapshot:
    """The records as they were at a revision, and the symbolic links among them."""

    root: Path
    links: dict[str, str] = field(default_factory=dict)
    """Each link's path below the records folder (posix), and the target it names."""


@contextmanager
def records_at(revision: str, records: Path) -> Iterator[Snapshot]:
    """Yield a temporary copy of ``records`` as it was at ``revision`` (empty if absent then)."""
    records = records.resolve()
    top = Path(_git(records, "rev-parse", "--show-toplevel").decode().strip())
    try:
        # The commit's hash, so that nothing later reads ``revision`` as an option.
        commit = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode()
    except RevisionError:
        raise UnknownRevisionError(revision) from None
    commit = commit.strip()
    relative = records.relative_to(top).as_posix()
    with tempfile.TemporaryDirectory(prefix="kkr-diff-") as tmp:
        snapshot = Snapshot(Path(tmp) / relative)
        snapshot.root.mkdir(parents=True)
        # `git archive` fails on a path the revision lacks; then the records were empty.
        if _git(top, "ls-tree", "--name-only", commit, "--", relative).strip():
            archive = _git(top, "archive", "--format=tar", commit, "--", relative)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                _extract(tar, tmp, relative, snapshot.links)
        yield snapshot


def _extract(tar: tarfile.TarFile, tmp: str, relative: str, links: dict[str, str]) -> None:
    """Unpack every member the "data" filter allows; note each link, wherever it leads.

    The filter refuses a link that leaves the copy (``/etc/passwd``) and any path outside it;
    such a member is skipped, never followed, so one bad link at BASE stops no summary.
    """
    for member in tar:
        if member.issym() or member.islnk():
            name = PurePosixPath(member.name)
            links[(name if relative == "." else name.relative_to(relative)).as_posix()] = (
                member.linkname
            )
        try:
            tar.extract(member, tmp, filter="data")
        except (tarfile.FilterError, OSError):
            continue
