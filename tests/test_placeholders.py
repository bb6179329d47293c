"""Usage placeholders are Danish (MAPPE, DATO, ROLLE), and English with --lang en."""

from __future__ import annotations

import re

import pytest
from kkr import i18n
from kkr.cli import build_parser
from kkr.reference import commands

ENGLISH = {"COMMAND", "BASE", "PATH", "FILE", "DIR", "KIND", "ROLE", "MEMBERSHIP", "ITEM"}
ENGLISH |= {"TITLE", "DATE", "MEETING", "NAME"}


def _usages() -> str:
    parser = build_parser()
    return "\n".join(sub.format_usage() for _name, sub in [("kkr", parser), *commands(parser)])


@pytest.fixture
def language() -> object:
    yield i18n.set_language
    i18n.set_language("da")


def test_no_english_placeholder_in_danish_usage(language: object) -> None:
    i18n.set_language("da")
    words = set(re.findall(r"\b[A-ZÆØÅ]{2,}\b", _usages()))
    assert {"MAPPE", "DATO", "ROLLE", "KOMMANDO", "NAVN"} <= words
    assert not words & ENGLISH


def test_english_placeholders_with_lang_en(language: object) -> None:
    i18n.set_language("en")
    words = set(re.findall(r"\b[A-Z]{2,}\b", _usages()))
    assert {"DIR", "DATE", "ROLE", "COMMAND", "NAME"} <= words
