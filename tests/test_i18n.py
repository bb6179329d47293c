"""Every message the tools print has a Danish translation, and both languages count correctly."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from kkr import i18n
from kkr.diagnostics import Code, Diagnostic, summary

REPO = Path(__file__).parent.parent
# The models' messages (dates, patterns, unsafe Markdown) reach the same reports.
SOURCES = (REPO / "tools" / "kkr", REPO / "schema")


def _msgids() -> set[str]:
    found = set()
    for source in SOURCES:
        for _filename, _lineno, message, _comments, _context in extract_from_dir(
            source,
            method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "ngettext": (1, 2)},
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_message_has_a_danish_translation() -> None:
    with i18n.CATALOG.open("rb") as source:
        catalog = read_po(source, locale="da")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    used = _msgids()
    assert used, "no messages found: the extraction keywords are wrong"
    missing = sorted(used - translated)
    assert not missing, f"add Danish translations to {i18n.CATALOG}: {missing}"


def _diagnostics(errors: int, warnings: int) -> list[Diagnostic]:
    def one(severity: str, n: int) -> Diagnostic:
        return Diagnostic("a.yaml", n, 1, severity, Code.YAML_SYNTAX, "x")  # type: ignore[arg-type]

    return [one("error", n) for n in range(errors)] + [one("warning", n) for n in range(warnings)]


@pytest.mark.parametrize(
    ("language", "errors", "warnings", "files", "expected"),
    [
        ("da", 1, 1, 1, "1 fil kontrolleret: 1 fejl, 1 advarsel."),
        ("da", 2, 2, 2, "2 filer kontrolleret: 2 fejl, 2 advarsler."),
        ("da", 0, 0, 3, "3 filer kontrolleret: ingen problemer fundet."),
        ("en", 1, 1, 1, "1 file checked: 1 error, 1 warning."),
        ("en", 2, 0, 2, "2 files checked: 2 errors, 0 warnings."),
    ],
)
def test_summary_counts_in_both_languages(
    language: str, errors: int, warnings: int, files: int, expected: str
) -> None:
    i18n.set_language(language)
    try:
        assert summary(_diagnostics(errors, warnings), files) == expected
    finally:
        i18n.set_language("da")
