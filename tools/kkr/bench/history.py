"""What the git history costs a full build on L: ``python -m kkr.bench.history WORK``.

The same archive is built twice from scratch, first outside git (no history: the pages say
so), then as a repository with two commits: one adding every record and one correcting the
text of every tenth meeting, so that the Historik sections and OParl's dates are made from
real history. The builds alternate, best of ``--rounds`` each, as ``make bench`` times pairs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kkr.bench import archive
from kkr.bench.measure import Run, sphinx


def _git(site: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    who = ["-c", "user.name=bench", "-c", "user.email=bench@invalid"]
    subprocess.run(["git", *who, *args], cwd=site, env=env, check=True, capture_output=True)


def commit_history(site: Path) -> None:
    """Make ``site`` a repository: every record added, then every tenth meeting corrected."""
    _git(site, "init", "-q", when="2024-03-12T10:00:00+01:00")
    _git(site, "add", ".", when="2024-03-12T10:00:00+01:00")
    _git(site, "commit", "-q", "-m", "Arkivet", when="2024-03-12T10:00:00+01:00")
    meetings = sorted((site / "records" / "meetings").glob("*.yaml"))
    for path in meetings[::10]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("rigtigt referat", "rettet referat", 1), encoding="utf-8")
    _git(site, "commit", "-q", "-a", "-m", "Rettelser", when="2024-04-02T09:00:00+02:00")


def main(argv: list[str] | None = None) -> int:
    """Print the best full build of each kind and their ratio."""
    parser = argparse.ArgumentParser(prog="python -m kkr.bench.history", description=__doc__)
    parser.add_argument("work", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    plain = archive.generate(args.work / "plain", archive.L)
    kept = archive.generate(args.work / "git", archive.L)
    commit_history(kept)
    # CPU time as well as wall time: on a shared machine the wall time mostly measures others.
    best: dict[str, Run] = {}
    cpu: dict[str, float] = {}
    for _round in range(args.rounds):
        for name, site in (("uden historik", plain), ("med historik", kept)):
            out = args.work / f"{name}-out"
            for path in (out, site / "arkiv"):
                shutil.rmtree(path, ignore_errors=True)
            run = sphinx(site, out, args.jobs)
            if name not in best or run.wall < best[name].wall:
                best[name] = run
            cpu[name] = min(cpu.get(name, run.cpu), run.cpu)
            print(f"{name}: {run.wall:.1f} s, CPU {run.cpu:.1f} s", flush=True)
    without, with_history = best["uden historik"].wall, best["med historik"].wall
    label = f"fuld build på L, -j {args.jobs}"
    print(f"{label}: uden historik {without:.1f} s, med {with_history:.1f} s")
    print(f"forhold {with_history / without:.3f}× (mål ≤ 1,10×)")
    ratio = cpu["med historik"] / cpu["uden historik"]
    print(f"CPU: uden {cpu['uden historik']:.1f} s, med {cpu['med historik']:.1f} s: {ratio:.3f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
