"""`kkr validate --strict` does what its help says: every finding fails it, placeholders too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from kkr.cli import main

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture
def records(tmp_path: Path) -> Path:
    target = tmp_path / "records"
    shutil.copytree(ROOTS / "test-site" / "records", target)
    return target


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--lang", "da", "validate", *args])
    return code, capsys.readouterr().out


def test_a_new_item_fails_strict_until_its_title_and_sources_are_written(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = "2039-01-05"
    assert main(["new", "meeting", day, "--records", str(records)]) == 0
    assert main(["new", "item", day, "--section", "2", "--records", str(records)]) == 0
    path = records / "meetings" / f"{day}.yaml"
    # Without --strict the skeleton is valid: staff may save and preview it.
    assert _validate(capsys, str(path))[0] == 0
    code, out = _validate(capsys, "--strict", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(n for n, line in enumerate(lines, 1) if "title: Titel på punktet" in line)
    assert code == 1
    assert f"{day}.yaml:{title}:" in out and "error[invalid-value]: punkt 2.1 har stadig" in out
    assert "error[no-sources]" in out and "warning[" not in out
    assert out.rstrip().endswith("2 fejl, 0 advarsler.")

    path.write_text(
        path.read_text(encoding="utf-8").replace("Titel på punktet", "Status på samarbejdet"),
        encoding="utf-8",
    )
    code, out = _validate(capsys, "--strict", str(path))
    assert code == 1 and "Titel på punktet" not in out and "error[no-sources]" in out
