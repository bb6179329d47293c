"""Editors know every record's schema: VS Code settings, its YAML extension and each modeline."""

from __future__ import annotations

import json
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
