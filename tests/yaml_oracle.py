"""Run the test-time YAML 1.2 oracle (tests/oracle, the npm `yaml` parser) on many documents."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ORACLE = Path(__file__).parent / "oracle"
SCRIPT = ORACLE / "oracle.mjs"


@dataclass(frozen=True)
class Verdict:
    """What the oracle made of one document: accepted with these values, or rejected."""

    ok: bool
    documents: tuple[Any, ...] = ()
    line: int = 0
    column: int = 0
    error: str = ""


def missing() -> str | None:
    """Say why the oracle cannot run here, or return None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs)"
    if not (ORACLE / "node_modules" / "yaml").is_dir():
        return "the oracle is not installed: npm ci --prefix tests/oracle"
    return None


def judge(sources: list[str]) -> list[Verdict]:
    """Judge every document with one node process."""
    result = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(sources),
        capture_output=True,
        text=True,
        check=True,
        cwd=ORACLE,
    )
    answers = json.loads(result.stdout)
    assert len(answers) == len(sources)
    return [
        Verdict(True, tuple(_plain(d) for d in a["documents"]))
        if a["ok"]
        else Verdict(False, (), a["line"], a["column"], a["error"])
        for a in answers
    ]


def _plain(value: Any) -> Any:
    # The oracle writes mappings as ordered pairs; keys that are not text cannot be a record's.
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict) and "pairs" in value:
        return {_key(k): _plain(v) for k, v in value["pairs"]}
    return value


def _key(key: Any) -> Any:
    return key if isinstance(key, str | int | bool | None) else json.dumps(key)
