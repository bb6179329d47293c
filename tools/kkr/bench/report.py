"""The benchmarks page (docs/ydeevne.md): the table of one run, the machine and the versions."""

from __future__ import annotations

import os
import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kkr.bench.run import Results

PAGE = Path(__file__).resolve().parents[3] / "docs" / "ydeevne.md"
PACKAGES = ("sphinx", "myst-parser", "docutils", "markdown-it-py", "pydantic", "pyyaml", "furo")
PROFILES = Path(__file__).with_name("PROFILES.md")

HEAD = """---
orphan: true
---

# Ydeevne

Siden er skrevet af `make bench` ud fra én kørsel. Hvert par (vores værktøj og dets gulv eller
sammenligning) måles lige efter hinanden i hver sin proces, så belastning på maskinen rammer
begge ens; forholdet sammenligner parret. L og M er syntetiske arkiver bygget på testsitets
poster (`tools/kkr/bench/archive.py`): {L} og {M}.

- **Gulvet for validering** er `yaml.compose` med libyamls `CSafeLoader` på de samme filer.
- **Gulvet for opstart** er `python -c 'import yaml'`.
- **Gulvet for byg** er de samme sider med det samme indhold skrevet som almindelige MyST-filer
  (`tools/kkr/bench/floor.py`): krydshenvisninger som `{{ref}}`-roller, felter som feltlister.
- **sphinx-needs** bygger det samme M-arkiv som needs for møder, punkter, personer,
  organisationer og aftaler med deres links (`tools/kkr/bench/needs.py`), installeret i sit eget
  miljø (`.venv-needs` fra `tools/bench/requirements-needs.lock`).

Tider er vægur-tid i sekunder; CPU er bruger- plus systemtid for processen og dens arbejdere.
Validering, opstart og no-op-genbygningen køres tre gange på skift med deres gulv, og hver sides
bedste tid tæller; et byg og en rettelse kan ikke gentages uændret og måles én gang.

"""


def _seconds(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×".replace(".", ",") if b else "–"


def _table(results: Results) -> list[str]:
    lines = [
        "| Måling | Vores | Gulv eller peer | Forhold | Forhold (CPU) | Mål | Note |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in results.rows:
        other = row.other
        lines.append(
            "| "
            + " | ".join(
                [
                    row.name,
                    _seconds(row.ours.wall),
                    _seconds(other.wall) if other else "–",
                    _ratio(row.ours.wall, other.wall) if other else "–",
                    _ratio(row.ours.cpu, other.cpu) if other else "–",
                    row.target,
                    row.note,
                ]
            )
            + " |"
        )
    return lines


def _machine(needs_python: str | None) -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    if needs_python:
        found = subprocess.run(
            [
                needs_python,
                "-c",
                "from importlib.metadata import version as v; print(v('sphinx-needs'))",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        versions.append(f"sphinx-needs {found.stdout.strip() or '?'}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return [
        "## Maskine og versioner",
        "",
        f"- {cpu}, {os.cpu_count()} kerner, belastning {load:.1f} ved start af skrivningen",
        f"- {platform.system()} {platform.release()}, Python {platform.python_version()}",
        "- " + ", ".join(versions),
        f"- kørt {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
    ]


def page(results: Results, needs_python: str | None) -> str:
    """The whole page for one run."""
    lines = [HEAD.format(L=results.facts.get("L", ""), M=results.facts.get("M", ""))]
    lines += ["## Målinger", "", *_table(results), ""]
    lines += [
        f"- {name}: {value}" for name, value in results.facts.items() if name not in ("L", "M")
    ]
    lines += ["", *_machine(needs_python)]
    if PROFILES.is_file():
        lines += [PROFILES.read_text(encoding="utf-8")]
    return "\n".join(lines).rstrip() + "\n"
