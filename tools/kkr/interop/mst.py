"""``make oparl-interop``: meine-stadt-transparent imports the OParl tree of a local build.

The site is built from a clone of the repository's HEAD for the address it is then served on
(127.0.0.1, a free port), and MST's own importer (``manage.py import``, SQLite, Elasticsearch
off, no hooks) reads it. The objects imported are counted against the objects published;
given and family names and paper titles must arrive as published. Then a record is deleted in
a commit of the clone, the site is built again and ``manage.py import_update`` must mark the
object deleted. Any shortfall, mismatch or importer error fails the run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path
from typing import Any

from kkr.interop.serve import base_url, free_port, serving

SPEC = "https://schema.oparl.org/1.1/"
PIN = "db401fcd93ce1b1b1c8c1573efdd80326f3e7c2e898e41554f9cce3fa46aa9f0"
"""sha256 of the MST source archive: commit 100582ae (../shared/clients/README.md)."""
TABLES = {
    "Body": "mainapp_body",
    "LegislativeTerm": "mainapp_legislativeterm",
    "Organization": "mainapp_organization",
    "Person": "mainapp_person",
    "Membership": "mainapp_membership",
    "Meeting": "mainapp_meeting",
    "AgendaItem": "mainapp_agendaitem",
    "Paper": "mainapp_paper",
    "Consultation": "mainapp_consultation",
    "Location": "mainapp_location",
}
# A fixed date for the scratch commit, so the run does not depend on the clock.
SCRATCH_DATE = "2030-01-01T12:00:00+01:00"


class FailedError(Exception):
    """The run found a shortfall or an error; the message says which."""


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
        raise FailedError(f"{' '.join(command[:4])} … failed ({result.returncode}):\n{tail}")
    return result.stdout + result.stderr


def unpack(archive: Path, target: Path) -> Path:
    """MST's source from the pinned archive; refuses an archive with another hash."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != PIN:
        raise FailedError(f"{archive} is not the pinned MST source (sha256 {digest}, want {PIN})")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    found = next(p.parent for p in target.rglob("manage.py"))
    (found / "log").mkdir(exist_ok=True)
    return found


def build(repo: Path, out: Path, doctrees: Path, base: str) -> None:
    """Build the site of ``repo`` into ``out`` for the address ``base``."""
    # The clone's own code and schema, not this checkout's: the build is HEAD's.
    paths = os.pathsep.join((str(repo / "tools"), str(repo)))
    env = {**os.environ, "KKR_BASE_URL": base, "PYTHONPATH": paths}
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "auto"]
    _run([*command, "-d", str(doctrees), str(repo), str(out)], repo, env)


def published(html: Path, base: str) -> tuple[Counter[str], dict[str, dict[str, Any]]]:
    """Live objects of each type in the tree's lists, and every object by id."""
    objects: dict[str, dict[str, Any]] = {}
    pages = [p for p in (html / "oparl").rglob("*.json") if "data" in _load(p)]
    for page in pages:
        for obj in _load(page)["data"]:
            _collect(obj, objects)
    counts: Counter[str] = Counter(
        str(o["type"]).removeprefix(SPEC)
        for o in objects.values()
        if not o.get("deleted") and str(o["id"]).startswith(base)
    )
    return counts, objects


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _collect(value: Any, into: dict[str, dict[str, Any]]) -> None:
    if isinstance(value, dict):
        if str(value.get("type", "")).startswith(SPEC) and "id" in value:
            into.setdefault(str(value["id"]), value)
        for child in value.values():
            _collect(child, into)
    elif isinstance(value, list):
        for child in value:
            _collect(child, into)


def imported(database: Path, base: str) -> Counter[str]:
    """Live objects of each type in MST's database that came from ``base``."""
    counts: Counter[str] = Counter()
    with sqlite3.connect(database) as db:
        for kind, table in TABLES.items():
            query = f"SELECT COUNT(*) FROM {table} WHERE deleted = 0 AND oparl_id LIKE ?"  # noqa: S608 - fixed names
            counts[kind] = int(db.execute(query, (base + "%",)).fetchone()[0])
    return counts


def _rows(database: Path, query: str, *values: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as db:
        return list(db.execute(query, values))


def check_fields(database: Path, objects: dict[str, dict[str, Any]]) -> list[str]:
    """Names and titles MST stored that differ from the tree's."""
    problems = []
    people = _rows(database, "SELECT oparl_id, given_name, family_name FROM mainapp_person")
    for oparl_id, given, family in people:
        obj = objects.get(oparl_id, {})
        if obj.get("familyName") and (given, family) != (obj.get("givenName"), obj["familyName"]):
            problems.append(f"{oparl_id}: MST has {given!r} {family!r}")
    papers = _rows(database, "SELECT oparl_id, name, reference_number FROM mainapp_paper")
    for oparl_id, name, reference in papers:
        obj = objects.get(oparl_id, {})
        if (name, reference) != (obj.get("name"), obj.get("reference")):
            problems.append(f"{oparl_id}: MST has {name!r} ({reference})")
    return problems


def errors(log: Path) -> list[str]:
    """Error lines MST's importer logged."""
    found = []
    for name in ("importer-error.log", "django-error.log"):
        path = log / name
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [line for line in text.splitlines() if " ERROR " in line or "CRITICAL" in line]
    return found


class Mst:
    """MST's manage.py in its own environment, on one SQLite file."""

    def __init__(self, python: Path, source: Path, work: Path) -> None:
        self.python, self.source = python.absolute(), source
        self.database = work / "mst.sqlite3"
        settings = work / "mst.env"
        settings.write_text(
            "DEBUG=False\nREAL_HOST=mst.local\nSECRET_KEY=local-test-only\nLANGUAGE_CODE=en\n"
            f"DATABASE_URL=sqlite:///{self.database.resolve()}\nELASTICSEARCH_ENABLED=False\n",
            encoding="utf-8",
        )
        self.env = {**os.environ, "ENV_PATH": str(settings.resolve())}

    def __call__(self, *args: str) -> str:
        """Run one management command; fail when it does."""
        return _run([str(self.python), "manage.py", *args], self.source, self.env)


# Record folders whose records are OParl objects of their own, and the object's type.
DELETABLE = {"people": "Person", "memberships": "Membership", "organizations": "Organization"}


def pick_record(repo: Path) -> tuple[Path, str]:
    """A record no other record names, so that deleting it leaves the rest valid; its type."""
    records = repo / "records"
    texts = {p: p.read_text(encoding="utf-8") for p in records.rglob("*.yaml")}
    for folder, kind in DELETABLE.items():
        for path in sorted((records / folder).glob("*.yaml")):
            if not any(path.stem in text for other, text in texts.items() if other != path):
                return path, kind
    raise FailedError("no person, appointment or organization is unreferenced; none to delete")


def report(title: str, want: Counter[str], got: Counter[str]) -> list[str]:
    """Print imported against published per type; return the shortfalls."""
    print(f"\n{title}")
    print(f"  {'type':<16}{'published':>10}{'imported':>10}")
    short = []
    for kind in TABLES:
        print(f"  {kind:<16}{want[kind]:>10}{got[kind]:>10}")
        if got[kind] != want[kind]:
            short.append(f"{kind}: published {want[kind]}, imported {got[kind]}")
    return short


def run(args: argparse.Namespace) -> None:
    """The whole check; raises FailedError with every problem found."""
    work: Path = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = unpack(args.source, work / "src")
    repo = work / "repo"
    _run(["git", "clone", "--quiet", "--no-local", str(args.repo.resolve()), str(repo)], work)
    port = free_port()
    base = base_url(port)
    html, doctrees = work / "html", work / "doctrees"
    print(f"building the site of {_head(repo)} for {base} …", flush=True)
    build(repo, html, doctrees, base)
    mst = Mst(args.mst_python, source, work)
    problems: list[str] = []
    with serving(html, port):
        want, objects = published(html, base)
        mst("migrate", "--no-input")
        body = base + next(iter(_load(html / "oparl" / "bodies.json")["data"]))["id"].removeprefix(
            base
        )
        print("manage.py import …", flush=True)
        mst("import", body, "--skip-body-extra", "--skip-files", "--ags", "00000000")
        problems += report("import (no hooks)", want, imported(mst.database, base))
        problems += check_fields(mst.database, objects)
        problems += errors(source / "log")
        gone, kind = pick_record(repo)
        gone_url = base + f"oparl/{kind.lower()}/{gone.stem}.json"
        _run(["git", "rm", "--quiet", str(gone.relative_to(repo))], repo)
        dated = {**os.environ, "GIT_AUTHOR_DATE": SCRATCH_DATE, "GIT_COMMITTER_DATE": SCRATCH_DATE}
        identity = ["-c", "user.name=oparl-interop", "-c", "user.email=oparl-interop@invalid"]
        _run(["git", *identity, "commit", "--quiet", "-m", f"Slet {gone.stem}"], repo, dated)
        print(f"deleted {gone.relative_to(repo)} in a commit; building again …", flush=True)
        build(repo, html, doctrees, base)
        want, objects = published(html, base)
        if not objects.get(gone_url, {}).get("deleted"):
            problems.append(f"{gone_url} is not a tombstone after the deletion")
        print("manage.py import_update …", flush=True)
        mst("import_update", "--skip-download")
        problems += report("import_update after the deletion", want, imported(mst.database, base))
        query = f"SELECT deleted FROM {TABLES[kind]} WHERE oparl_id = ?"  # noqa: S608 - fixed names
        flag = _rows(mst.database, query, gone_url)
        print(f"\n{gone_url}: deleted in MST = {bool(flag and flag[0][0])}")
        if not (flag and flag[0][0]):
            problems.append(f"MST did not mark {gone_url} deleted after import_update")
        problems += errors(source / "log")
    if problems:
        raise FailedError("\n".join(dict.fromkeys(problems)))


def _head(repo: Path) -> str:
    return _run(["git", "log", "-1", "--format=%h %s"], repo).strip()


def main(argv: list[str] | None = None) -> int:
    """Run the check; exit 0 when MST imported everything and saw the deletion, else 1."""
    parser = argparse.ArgumentParser(prog="python -m kkr.interop.mst", description=__doc__)
    parser.add_argument("--mst-python", type=Path, required=True, help="python of .venv-mst")
    parser.add_argument("--source", type=Path, required=True, help="MST source archive")
    parser.add_argument("--repo", type=Path, default=Path(), help="the repository to build")
    parser.add_argument("--work", type=Path, default=Path("_build/mst"), help="scratch folder")
    args = parser.parse_args(argv)
    try:
        run(args)
    except FailedError as failure:
        print(f"\noparl-interop FAILED:\n{failure}", file=sys.stderr)
        return 1
    print("\noparl-interop passed: MST imported every published object and saw the deletion.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
