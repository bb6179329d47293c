"""Text damaged by a wrong encoding is refused with editor steps; kkr fix-encoding repairs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from kkr import i18n
from kkr.cli import main
from kkr.commands.fix_encoding import _DANISH

REPO = Path(__file__).resolve().parent.parent
AGENDA = REPO / "tests" / "data" / "meeting" / "kkr-syddanmark-2024-09-10-dagsorden.txt"
PERSON = "id: hanne-oestergaard\nname: Hanne Østergaard\nkind: politician\nnote: “Møde” – 5 €\n"


@pytest.fixture(autouse=True)
def danish(monkeypatch: pytest.MonkeyPatch) -> object:
    """Staff read these messages in Danish, the default."""
    monkeypatch.delenv("KKR_LANG", raising=False)
    i18n.set_language("da")
    yield
    i18n.set_language()


def kkr(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_windows_1252_record_gets_the_vs_code_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "records" / "people" / "hanne-oestergaard.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(PERSON.encode("cp1252"))
    code, out = kkr(capsys, "validate", tmp_path / "records")
    assert code == 1
    assert f"{path}:2:13: error[encoding]" in out
    assert "«Ø»" in out
    steps = ("»Genåbn med kodning« → »Western (Windows 1252)«", "»Gem med kodning« → »UTF-8«")
    assert out.index(steps[0]) < out.index(steps[1])
    assert f"kkr fix-encoding {path}" in out


def test_a_replacement_character_in_a_record_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What "save as UTF-8" in an editor makes of the Windows-1252 file above.
    path = tmp_path / "records" / "people" / "hanne-oestergaard.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(PERSON.encode("cp1252").decode("utf-8", errors="replace"), encoding="utf-8")
    code, out = kkr(capsys, "validate", "--strict", tmp_path / "records")
    assert code == 1
    assert f"{path}:2:13: error[encoding]" in out
    assert "forkert kodning" in out and "Genskab de oprindelige tegn" in out


def test_an_imported_document_with_damaged_text_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    text = AGENDA.read_text(encoding="utf-8")
    lines = text.split("\n")
    number = next(n for n, line in enumerate(lines) if "Referatet fra mødet" in line)
    damaged = tmp_path / "damaged" / AGENDA.name
    damaged.parent.mkdir()
    damaged.write_text(text.replace("Referatet fra mødet", "Referatet fra m\ufffddet"), "utf-8")
    code, out = kkr(capsys, "import", damaged, "--records", records)
    assert code == 1
    assert f"{damaged}:{number + 1}:16: error[encoding]" in out and "forkert kodning" in out
    legacy = tmp_path / "legacy" / AGENDA.name
    legacy.parent.mkdir()
    legacy.write_bytes(text.encode("cp1252"))
    code, out = kkr(capsys, "import", legacy, "--records", records)
    assert code == 1
    first = next(n for n, line in enumerate(lines) if any(ord(c) > 127 for c in line))
    column = next(i for i, c in enumerate(lines[first]) if ord(c) > 127) + 1
    assert f"{legacy}:{first + 1}:{column}: error[encoding]" in out
    assert "»Genåbn med kodning« → »Western (Windows 1252)«" in out
    assert not (records / "documents" / AGENDA.name).exists()


def test_fix_encoding_shows_each_change_and_writes_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "records" / "people" / "hanne-oestergaard.yaml"
    path.parent.mkdir(parents=True)
    legacy = PERSON.encode("cp1252")
    path.write_bytes(legacy)
    code, out = kkr(capsys, "fix-encoding", path)
    assert code == 0
    assert path.read_bytes() == legacy
    assert f"{path}:2:13: 0xd8 → Ø" in out and f"{path}:4:7: 0x93 → “" in out
    changed = [line for line in out.splitlines() if " → " in line and "0x" in line]
    assert len(changed) == sum(1 for c in PERSON if ord(c) > 127)
    assert "Intet blev skrevet" in out and "--force" in out
    code, out = kkr(capsys, "fix-encoding", path, "--force", "--records", tmp_path / "records")
    assert code == 0
    assert path.read_text(encoding="utf-8") == PERSON
    assert "erstattede" in out and "Windows-1252" in out
    assert kkr(capsys, "validate", tmp_path / "records")[0] == 0
    code, out = kkr(capsys, "fix-encoding", path)
    assert code == 0 and "allerede UTF-8" in out


@pytest.mark.parametrize(
    "raw",
    [
        "Søren ø".encode() + "Søren".encode("cp1252"),  # mixes UTF-8 and Windows-1252
        "Ωmega ж".encode("cp1253", errors="replace") + b"\x81\x8d",  # not Danish
        "Søren".encode("utf-16"),
        "S\ufffdren".encode(),
    ],
    ids=["mixed", "greek", "utf-16", "replacement"],
)
def test_fix_encoding_refuses_what_it_cannot_convert_safely(
    raw: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    code, out = kkr(capsys, "fix-encoding", path, "--force", "--records", tmp_path)
    assert code == 1, out
    assert path.read_bytes() == raw
    assert "error[encoding]" in out and "Traceback" not in out


_TEXT = st.text(
    alphabet=st.sampled_from(sorted(_DANISH - {"\u00ad"}) + list("abc XYZ.,-\n")),
    min_size=1,
    max_size=60,
).filter(lambda text: any(ord(c) > 127 for c in text))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_fix_encoding_restores_any_danish_text(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        raw = text.encode("latin-1", errors="strict") if all(ord(c) < 256 for c in text) else b""
    if not raw:
        return
    # Bytes that are valid UTF-8 as well (Windows-1252 "Â" and a no-break space are the UTF-8
    # of the no-break space) are a UTF-8 file, which the tool leaves alone.
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        assume(False)
    path = tmp_path / "t.txt"
    path.write_bytes(raw)
    code, out = kkr(capsys, "fix-encoding", path, "--force", "--records", tmp_path)
    assert code == 0, out
    assert path.read_text(encoding="utf-8") == text


def test_fix_encoding_writes_only_inside_the_records_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "hentet" / "dagsorden.txt"
    outside.parent.mkdir()
    legacy = PERSON.encode("cp1252")
    outside.write_bytes(legacy)
    (tmp_path / "records").mkdir()
    code, out = kkr(capsys, "fix-encoding", outside, "--records", tmp_path / "records")
    assert code == 0 and "0xd8 → Ø" in out
    code, out = kkr(capsys, "fix-encoding", outside, "--force", "--records", tmp_path / "records")
    assert code == 2 and "uden for postmappen" in out and "Gem med kodning" in out
    assert outside.read_bytes() == legacy
