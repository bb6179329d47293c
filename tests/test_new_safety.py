"""`kkr new` writes only inside records/ and only what validates, and warns about look-alikes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kkr.checks.corpus import load_corpus
from kkr.cli import main
from kkr.commands.new import ID_LIMIT, short_id


@pytest.fixture
def records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test site's records, as the working directory's records/."""
    shutil.copytree(ROOTS / "test-site" / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KKR_LANG", "da")
    return tmp_path / "records"


def _new(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["new", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _errors(records: Path, path: str) -> list[str]:
    return [d.text() for d in load_corpus(records).diagnostics if Path(d.file) == Path(path)]


def test_a_reserved_id_is_refused_and_nothing_written(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _new(capsys, "person", "Index")
    assert code == 2
    assert "'index' er reserveret" in err and "--id index-person" in err
    assert not (records / "people" / "index.yaml").exists()
    assert _new(capsys, "person", "Index", "--id", "index-person")[0] == 0


@pytest.mark.parametrize("length", [299, 2000])
def test_a_long_name_gets_a_short_id_and_a_record_that_validates(
    records: Path, capsys: pytest.CaptureFixture[str], length: int
) -> None:
    name = ("Ærø Kommunes Udvalg " * 200)[:length].strip()
    code, out, err = _new(capsys, "organization", name)
    assert (code, err) == (0, "")
    path = Path(out.strip())
    assert len(path.stem) <= ID_LIMIT and path.stem.startswith("aeroe-kommunes-udvalg-")
    assert _errors(records, str(path)) == []


@settings(max_examples=300)
@given(st.text(st.sampled_from("ab-"), max_size=400))
def test_a_short_id_is_a_valid_id_within_the_limit(record_id: str) -> None:
    record_id = "-".join(part for part in record_id.split("-") if part)
    short = short_id(record_id)
    assert len(short) <= ID_LIMIT and record_id.startswith(short)
    assert short == record_id or not short.endswith("-")
    if record_id:
        assert short


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=300))
def test_any_name_is_written_valid_or_refused_never_a_traceback(
    records: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = _new(capsys, "person", "--", name)
    assert "Traceback" not in err
    if code == 0:
        path = Path(out.strip())
        assert path.parent == Path("records/people") and len(path.stem) <= ID_LIMIT
        assert _errors(records, str(path)) == []
        path.unlink()
    else:
        assert code in (1, 2) and err.startswith("kkr: ")


def test_a_dangling_link_is_refused_with_its_path_and_nothing_created(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere" / "created.yaml"
    (records / "people" / "ny-person.yaml").symlink_to(target)
    code, _out, err = _new(capsys, "person", "Ny Person")
    assert code == 1
    assert err.startswith("kkr: records/people/ny-person.yaml er et symbolsk link til ")
    assert not target.exists() and not target.parent.exists()


@pytest.mark.parametrize("kind", ["organization", "person"])
def test_a_kind_folder_linked_outside_is_refused_and_nothing_written_there(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = "organizations" if kind == "organization" else "people"
    outside = tmp_path / "outside"
    (records / folder).rename(outside)
    (records / folder).symlink_to(outside)
    before = sorted(outside.iterdir())
    code, _out, err = _new(capsys, kind, "Ny Post")
    assert code == 1
    assert err.startswith(f"kkr: records/{folder} er et symbolsk link til {outside}, uden for")
    assert sorted(outside.iterdir()) == before


def test_the_records_folder_linked_through_dot_dot_is_refused(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (records / "topics").mkdir(exist_ok=True)
    shutil.rmtree(records / "organizations")
    (records / "organizations").symlink_to("../../")
    assert _new(capsys, "organization", "Ny Org")[0] == 1
    assert not (tmp_path.parent / "ny-org.yaml").exists()


def test_a_link_inside_the_records_is_written_through(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (records / "organizations").rename(records / "bodies-real")
    (records / "organizations").symlink_to("bodies-real")
    code, _out, _err = _new(capsys, "organization", "Ny Org")
    assert code == 0 and (records / "bodies-real" / "ny-org.yaml").is_file()


def test_a_name_in_mixed_scripts_that_looks_like_a_person_is_written_with_two_warnings(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _new(capsys, "person", "Bо Hаnsen")  # Cyrillic о and а
    assert code == 0 and out.strip() == "records/people/b-h-nsen.yaml"
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "kkr: advarsel: 'Bо Hаnsen' blander skriftsystemerne Cyrillic, Latin"
    )
    assert lines[1].startswith(
        "kkr: advarsel: 'Bо Hаnsen' ligner 'Bo Hansen' (records/people/bo-hansen.yaml)"
    )


def test_an_organization_that_looks_like_another_in_one_script_is_warned_about(
    records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Latin only, no mix: "rn" is the UTS #39 skeleton of "m", so it reads as "KL" … "Middelfart".
    code, _out, err = _new(capsys, "organization", "Middelfart Kornmune")
    assert code == 0
    assert "ligner 'Middelfart Kommune'" in err and "blander" not in err


@pytest.mark.parametrize(
    "args",
    [["Søren Ærø Åberg"], ["Zoë Ørsted-Hansen"], ["Дмитрий Иванов", "--id", "dmitrij-ivanov"]],
)
def test_a_name_in_one_script_like_no_other_gives_no_warning(
    records: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, _out, err = _new(capsys, "person", *args)
    assert (code, err) == (0, "")
