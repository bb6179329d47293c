"""Each directory in tests/cases is a records tree and the diagnostics expected from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Code

# Raised by kkr import on source documents; tests/test_import_*.py exercises each of them.
IMPORT_CODES = {
    Code.NO_HEADER,
    Code.TRUNCATED,
    Code.MISSING_CASE,
    Code.TOC_MISMATCH,
    Code.NOT_UNDERSTOOD,
    Code.SOURCE_DISCREPANCY,
    Code.RECORD_EXISTS,
    Code.RECORD_CREATED,
    Code.HAND_EDIT,
    Code.IMPORT_LIMIT,
}

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())
LINE = re.compile(r"^(?P<where>\S+:\d+:\d+): (?P<severity>error|warning)\[(?P<code>[a-z0-9-]+)\]$")


def _expected(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert LINE.match(line), f"{case.name}/expected.txt: malformed line {line!r}"
    return lines


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path) -> None:
    corpus = load_corpus(case / "records", base=case)
    got = [f"{d.file}:{d.line}:{d.column}: {d.severity}[{d.code}]" for d in corpus.diagnostics]
    assert got == _expected(case)
    for diagnostic in corpus.diagnostics:
        assert diagnostic.message.strip()
        assert "Traceback" not in diagnostic.message


def test_every_code_that_records_can_trigger_has_a_case() -> None:
    covered = {
        LINE.match(line).group("code")  # type: ignore[union-attr]
        for case in CASES
        for line in _expected(case)
    }
    # Codes raised by other tools than the record validator are exercised elsewhere.
    # no-sources is advice that only kkr validate --strict prints (tests/test_import_path.py).
    elsewhere = {Code.IO_ERROR, Code.FILE_TOO_LARGE, Code.STALE_FILE, Code.NO_SOURCES}
    elsewhere |= IMPORT_CODES
    missing = {code.value for code in Code} - covered - {code.value for code in elsewhere}
    assert not missing, f"add a tests/cases/<name>/ directory for: {sorted(missing)}"


def test_every_import_code_is_asserted_by_an_import_test() -> None:
    text = "".join(
        p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_import*.py")
    )
    unasserted = sorted(
        code.value
        for code in IMPORT_CODES
        if not re.search(rf"(?<![a-z-]){re.escape(code.value)}(?![a-z-])", text)
    )
    assert not unasserted, f"no import test names these codes: {unasserted}"


def test_a_case_named_after_a_code_expects_that_code() -> None:
    codes = {code.value for code in Code}
    for case in CASES:
        if case.name in codes:
            assert any(f"[{case.name}]" in line for line in _expected(case)), case.name
