"""Each directory in tests/cases is a records tree and the diagnostics expected from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from kkr import i18n
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
    Code.PAGE_FURNITURE,
    Code.UNREADABLE_DOCUMENT,
}

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())
# FILE:LINE:COL: severity[CODE], then optionally ": message" to pin the Danish wording.
LINE = re.compile(
    r"^(?P<head>\S+:\d+:\d+: (?P<severity>error|warning)\[(?P<code>[a-z0-9-]+)\])"
    r"(?:: (?P<message>.+))?$"
)


def _expected(case: Path) -> list[re.Match[str]]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    matches = [LINE.match(line) for line in lines]
    for line, match in zip(lines, matches, strict=True):
        assert match, f"{case.name}/expected.txt: malformed line {line!r}"
    return [m for m in matches if m]


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    i18n.set_language("da")
    yield
    i18n.set_language()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path) -> None:
    corpus = load_corpus(case / "records", base=case)
    expected = _expected(case)
    # A line without a message compares only the place and the code.
    pinned = [m["message"] is not None for m in expected]
    got = [
        d.text() if index < len(pinned) and pinned[index] else d.text().split("]: ", 1)[0] + "]"
        for index, d in enumerate(corpus.diagnostics)
    ]
    assert got == [m.group() for m in expected]
    for diagnostic in corpus.diagnostics:
        assert diagnostic.message.strip()
        assert "Traceback" not in diagnostic.message


def test_every_code_that_records_can_trigger_has_a_case() -> None:
    covered = {match["code"] for case in CASES for match in _expected(case)}
    # Codes raised by other tools than the record validator are exercised elsewhere.
    # special-file: git cannot hold a FIFO; tests/test_boundary.py makes one. no-sources is
    # advice that only kkr validate --strict prints (tests/test_import_path.py).
    elsewhere = {Code.IO_ERROR, Code.FILE_TOO_LARGE, Code.STALE_FILE, Code.SPECIAL_FILE}
    elsewhere.add(Code.NO_SOURCES)
    elsewhere |= IMPORT_CODES
    missing = {code.value for code in Code} - covered - {code.value for code in elsewhere}
    assert not missing, f"add a tests/cases/<name>/ directory for: {sorted(missing)}"


def test_every_import_code_is_asserted_by_an_import_test() -> None:
    text = "".join(
        p.read_text(encoding="utf-8")
        for pattern in ("test_import*.py", "test_extraction*.py")
        for p in Path(__file__).parent.glob(pattern)
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
            assert any(m["code"] == case.name for m in _expected(case)), case.name
