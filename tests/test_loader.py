"""The loader's defences against hostile and malformed YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr import i18n
from kkr.diagnostics import Code
from kkr.loading.loader import MAX_BYTES, MAX_DEPTH, load, load_text


def codes(text: str) -> list[str]:
    return [d.code.value for d in load_text(text).diagnostics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("start_time: 10:00\n", "10:00"),
        ("place: no\n", "no"),
        ("place: NO\n", "NO"),
        ("place: yes\n", "yes"),
        ("place: off\n", "off"),
        ("page: 0755\n", "0755"),
        ("page: 0o755\n", "0o755"),
        ("page: 0x1f\n", "0x1f"),
        ("version: 1.10\n", "1.10"),
        ("when: 2021-02-30\n", "2021-02-30"),
        ("when: 2023-11-21\n", "2023-11-21"),
        ("sexagesimal: 1:20:00\n", "1:20:00"),
        ("inf: .inf\n", ".inf"),
        ("exp: 1e3\n", "1e3"),
        ("big: 12345678901234567890123\n", "12345678901234567890123"),
    ],
)
def test_yaml11_implicit_typing_never_changes_a_value(text: str, expected: str) -> None:
    doc = load_text(text)
    assert doc.diagnostics == []
    assert list(doc.data.values()) == [expected]


def test_json_literals_are_typed() -> None:
    doc = load_text("a: 12\nb: true\nc: false\nd: null\ne: ~\nf:\ng: -3\nh: '12'\n")
    assert doc.data == {
        "a": 12,
        "b": True,
        "c": False,
        "d": None,
        "e": None,
        "f": None,
        "g": -3,
        "h": "12",
    }


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    doc = load_text(f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    assert [d.code for d in doc.diagnostics] == [Code.TAG]
    assert not marker.exists()
    assert doc.data is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\nb: 2\na: 3\n", "duplicate-key"),
        ("? [a]\n: 1\n", "non-string-key"),
        ("1: a\n", "non-string-key"),
        ("true: a\n", "non-string-key"),
        ("a: !custom x\n", "tag"),
        ("a: !!str x\n", "tag"),
        ("a: !!binary aGk=\n", "tag"),
        ("a: &x 1\n", "anchor"),
        ("a: &x [1]\nb: *x\n", "anchor"),
        ("a: 1\n---\na: 2\n", "multiple-documents"),
        ("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "too-deep"),
        ("", "empty-file"),
        ("   \n# only a comment\n", "empty-file"),
        ("- a\n", "not-a-mapping"),
        ("just text\n", "not-a-mapping"),
        ("~\n", "not-a-mapping"),
        ("null\n", "not-a-mapping"),
        ("a: [1\n", "yaml-syntax"),
        ("a:\n\t- b\n", "yaml-syntax"),
        ("<<: {a: 1}\n", "merge-key"),
        ("a: '\x07'\n", "control-character"),
        ("a: b\u202ec\n", "control-character"),
        ("a: x\rb: y\n", "control-character"),
    ],
)
def test_hostile_input_gives_a_located_error(text: str, code: str, tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode("utf-8"))
    doc = load(path, "x.yaml")
    assert code in [d.code.value for d in doc.diagnostics]
    assert doc.data is None
    for diagnostic in doc.diagnostics:
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1
        assert diagnostic.text().startswith(f"x.yaml:{diagnostic.line}:{diagnostic.column}: ")


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nname: S\xf8ren\n")
    [diagnostic] = load(path).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == (Code.ENCODING, 2, 8)


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: x\r\n")
    doc = load(path)
    assert doc.diagnostics == []
    assert doc.data == {"a": 1, "b": "x"}
    assert doc.keys[("b",)].line == 2


def test_oversized_and_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (MAX_BYTES + 1))
    assert [d.code for d in load(big).diagnostics] == [Code.FILE_TOO_LARGE]
    missing = tmp_path / "missing.yaml"
    missing.symlink_to(tmp_path / "nowhere.yaml")
    assert [d.code for d in load(missing).diagnostics] == [Code.IO_ERROR]


def test_duplicate_key_names_the_first_line() -> None:
    i18n.set_language("en")
    try:
        [diagnostic] = load_text("a: 1\nb: 2\na: 3\n").diagnostics
    finally:
        i18n.set_language("da")
    assert diagnostic.line == 3
    assert "line 1" in diagnostic.message


def test_positions_of_keys_and_values() -> None:
    doc = load_text("id: x\nitems:\n  - number: '1.1'\n    title: |\n      Tekst\n")
    assert doc.keys[("items",)].line == 2
    assert doc.values[("items", 0, "number")].line == 3
    assert doc.values[("items", 0, "number")].column == 13
    assert doc.blocks[("items", 0, "title")].line == 5


def test_every_problem_in_a_file_is_reported() -> None:
    assert codes("a: &x 1\nb: *x\nc: !t 2\nb: 3\n") == ["anchor", "anchor", "tag", "duplicate-key"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_input_raises(text: str) -> None:
    doc = load_text(text)
    assert doc.ok == (doc.data is not None)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_raise(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.yaml"
    path.write_bytes(data)
    doc = load(path)
    assert doc.ok == (doc.data is not None)


def test_the_column_of_invalid_utf8_counts_characters(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    # "Søren " is 6 characters but 7 bytes: the bad byte stands in column 13, not 14.
    path.write_bytes("a: 1\nname: Søren ".encode() + b"\xf8\n")
    [diagnostic] = load(path).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == (Code.ENCODING, 2, 13)
