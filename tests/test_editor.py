"""Editors know every record's schema: VS Code settings, its YAML extension and each modeline."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kkr.loading.corpus import discover, kind_of

from schema.registry import KINDS


def test_vscode_maps_each_record_folder_to_its_schema(repo: Path) -> None:
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    expected = {
        f"schema/json/{kind.name}.json": [f"records/{kind.directory}/**/*.yaml"]
        for kind in KINDS.values()
    }
    assert settings["yaml.schemas"] == expected
    for schema in expected:
        assert (repo / schema).is_file()


def test_vscode_recommends_the_yaml_extension(repo: Path) -> None:
    extensions = json.loads((repo / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def _records() -> list[Path]:
    return discover(Path(__file__).resolve().parent.parent / "records")


@pytest.mark.parametrize("path", _records(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_record_starts_with_its_schema_modeline(path: Path, repo: Path) -> None:
    kind = kind_of(repo / "records", path)
    assert kind is not None
    depth = len(path.relative_to(repo).parts) - 1
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == f"# yaml-language-server: $schema={'../' * depth}schema/json/{kind.name}.json"


SCHEMAS = sorted((Path(__file__).resolve().parent.parent / "schema" / "json").glob("*.json"))


def test_every_schema_passes_check_jsonschema() -> None:
    # check-jsonschema compiles each pattern as ECMA-262 (regress), as editors do.
    tool = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(tool), "--check-metaschema", *map(str, SCHEMAS)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _patterns(node: object) -> list[str]:
    if isinstance(node, list):
        return [p for child in node for p in _patterns(child)]
    if not isinstance(node, dict):
        return []
    own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
    return own + [p for key, child in node.items() if key != "pattern" for p in _patterns(child)]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_every_pattern_compiles_in_javascript_with_the_u_flag() -> None:
    patterns = sorted({p for s in SCHEMAS for p in _patterns(json.loads(s.read_text()))})
    assert len(patterns) > 10
    script = (
        "const ps = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const bad = ps.filter((p) => { try { new RegExp(p, 'u'); return false; }"
        " catch (e) { return true; } });"
        "process.stdout.write(JSON.stringify(bad));"
    )
    result = subprocess.run(
        ["node", "-e", script],
        input=json.dumps(patterns),
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def _texts(node: object) -> list[str]:
    if isinstance(node, list):
        return [t for child in node for t in _texts(child)]
    if not isinstance(node, dict):
        return []
    words = ("description", "title", "errorMessage", "patternErrorMessage")
    own = [v for k, v in node.items() if k in words and isinstance(v, str)]
    return own + [t for child in node.values() for t in _texts(child)]


def test_what_the_editor_shows_is_danish() -> None:
    # Hover text and error messages; English words that no Danish sentence holds.
    english = re.compile(r"\b(the|of|is|must|where|which|e\.g\.|as printed|when)\b")
    texts = {t for s in SCHEMAS for t in _texts(json.loads(s.read_text()))}
    assert len(texts) > 150
    assert not sorted(t for t in texts if english.search(t))
