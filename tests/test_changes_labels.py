"""kkr diff names fields in Danish (periode for period), and in English with --lang en."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_changes import diff, edit, repo

from schema.registry import KINDS

__all__ = ["repo"]


def test_a_changed_period_is_named_in_danish(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seat = repo / "records" / "memberships" / "kkr-formand-johannes.yaml"
    edit(seat, "  start: 2022-01", "  start: 2022-02")
    out = diff(capsys)
    assert "  - Feltet periode ændret\n" in out
    assert "Feltet period ændret" not in out


def test_a_changed_period_is_named_in_english_on_request(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seat = repo / "records" / "memberships" / "kkr-formand-johannes.yaml"
    edit(seat, "  start: 2022-01", "  start: 2022-02")
    capsys.readouterr()
    from kkr.cli import main

    assert main(["--lang", "en", "diff", "main"]) == 0
    assert "  - Field period changed\n" in capsys.readouterr().out


def test_every_field_has_a_danish_title() -> None:
    # The titles name fields in kkr diff, on the Posttyper page and on hover in the editor.
    from kkr.reference import _nested

    seen: set[type] = set()
    untitled = []
    for kind in KINDS.values():
        seen.add(kind.model)
        for model in [kind.model, *_nested(kind.model, seen)]:
            for name, info in model.model_fields.items():  # type: ignore[attr-defined]
                if not info.title or info.title == name.replace("_", " ").title():
                    untitled.append(f"{model.__name__}.{name}")
    assert not untitled
