"""Every message the tools print has a Danish translation, and both languages count correctly."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po
from kkr import i18n
from kkr.cli import build_parser, main
from kkr.diagnostics import Code, Diagnostic, summary
from kkr.reference import commands

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


def _translated() -> set[str]:
    with i18n.CATALOG.open("rb") as source:
        catalog = read_po(source, locale="da")
    return {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }


def test_every_message_has_a_danish_translation() -> None:
    used = _msgids()
    assert used, "no messages found: the extraction keywords are wrong"
    assert {str(code.summary) for code in Code} <= used, "N_() is not extracted"
    missing = sorted(used - _translated())
    assert not missing, f"add Danish translations to {i18n.CATALOG}: {missing}"


def test_argparse_words_have_a_danish_translation() -> None:
    # kkr.cli routes argparse's gettext calls to our catalog; it must know this Python's msgids.
    used = {
        message if isinstance(message, str) else message[0]
        for _lineno, message, _comments, _context in extract_from_file(
            "python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)}
        )
    }
    assert "usage: " in used
    missing = sorted(used - _translated())
    assert not missing, f"add Danish for argparse's words to {i18n.CATALOG}: {missing}"


def _help_texts() -> dict[str, str]:
    parser = build_parser()
    texts = {"kkr": parser.description or ""}
    for name, sub in [("kkr", parser), *commands(parser)]:
        texts[name] = sub.description or ""
        for action in sub._actions:
            texts[f"{name} {'/'.join(action.option_strings) or action.dest}"] = action.help or ""
    return texts


def test_every_help_text_is_translated() -> None:
    i18n.set_language("en")
    try:
        english = _help_texts()
    finally:
        i18n.set_language("da")
    danish = _help_texts()
    assert danish.keys() == english.keys()
    untranslated = sorted(k for k, text in english.items() if text and danish[k] == text)
    assert not untranslated, f"wrap these help texts in _() and translate them: {untranslated}"


@pytest.mark.parametrize(
    ("args", "usage", "help_line"),
    [
        ([], "brug: kkr", "vis denne hjælp og afslut"),
        (["--lang", "en"], "usage: kkr", "show this help message and exit"),
        (["--lang=en"], "usage: kkr", "show this help message and exit"),
    ],
)
def test_help_in_danish_by_default_and_english_on_request(
    args: list[str],
    usage: str,
    help_line: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("KKR_LANG", raising=False)
    try:
        with pytest.raises(SystemExit):
            main([*args, "new", "--help"])
    finally:
        i18n.set_language("da")
    out = capsys.readouterr().out
    assert out.startswith(f"{usage} new ") and help_line in out


def test_every_code_summary_is_danish() -> None:
    i18n.set_language("da")
    same = [code.value for code in Code if i18n._(code.summary) == code.summary]
    assert not same, f"translate these code summaries: {same}"


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
