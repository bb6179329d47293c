"""Hostile record text, bypassing the validator, never reaches the HTML in a live form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build
from kkr.checks import corpus as corpus_module
from kkr.site import source
from kkr.site.safety import safe_uri

from schema.meeting import Meeting
from schema.person import Person

pytestmark = pytest.mark.sphinx

SECRET = "kkr-secret-file-content-4711"
HOSTILE = [
    "<script>alert('s1')</script>",
    "<img src=x onerror=alert('s2')>",
    "inline <b onmouseover=alert('s3')>x</b>",
    "[klik](javascript:alert('s4'))",
    "[klik](JaVa\tScRiPt:alert('s5'))",
    "[klik](vbscript:msgbox('s6'))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgpPC9zY3JpcHQ+)",
    "![billede](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "```{raw} html\n<script>alert('s7')</script>\n```",
    "```{eval-rst}\n.. raw:: html\n\n   <script>alert('s8')</script>\n```",
    "```{include} SECRET_PATH\n```",
    "```{literalinclude} SECRET_PATH\n```",
    "```{csv-table}\n:file: SECRET_PATH\n```",
    "{raw}`<script>alert('s9')</script>`",
    "<a href=\"javascript:alert('s10')\">x</a>",
]
LIVE = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img[^>]*onerror", re.I),
    re.compile(r"<b[^>]*onmouseover", re.I),
    re.compile(r"""(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):""", re.I),
    re.compile(r"""(href|src)\s*=\s*["']?\s*java\s*script:""", re.I),
]


def _hostile_loader(secret: Path) -> object:
    real = corpus_module.load_corpus

    def load(records: Path, base: Path) -> corpus_module.Corpus:
        loaded = real(records, base=base)
        text = "\n\n".join(h.replace("SECRET_PATH", str(secret)) for h in HOSTILE)
        meeting = loaded.by_kind["meeting"]["2021-06-09"]
        record = meeting.record
        assert isinstance(record, Meeting)
        items = [
            item.model_copy(update={"baggrund": text, "title": HOSTILE[1]}) for item in record.items
        ]
        meeting.record = record.model_copy(update={"items": items, "place": HOSTILE[0]})
        person = loaded.by_kind["person"]["bo-hansen"]
        assert isinstance(person.record, Person)
        person.record = person.record.model_copy(update={"name": HOSTILE[1], "note": text})
        return loaded

    return load


def test_safe_uri() -> None:
    assert safe_uri("https://www.kl.dk/")
    assert safe_uri("mailto:a@kl.dk")
    assert safe_uri("../arkiv/moeder/2021-06-09.html#punkt-3-6")
    for bad in (
        "javascript:x",
        " JavaScript:x",
        "java\nscript:x",
        "vbscript:x",
        "data:text/html,x",
    ):
        assert not safe_uri(bad)


def test_injected_constructs_never_reach_html(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = site.parent / "secret.txt"
    secret.write_text(SECRET + "\n")
    monkeypatch.setattr(source, "load", _hostile_loader(secret))
    result = build(site)
    files = [p for p in result.out.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    assert any("2021-06-09" in p.name for p in pages)
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path
    for page in pages:
        text = page.read_text()
        for pattern in LIVE:
            assert not pattern.search(text), (page, pattern.pattern)
    # The search page shows record text from the index as text nodes only.
    script = (result.out / "_static" / "kkr-search.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    meeting = (result.out / "arkiv" / "moeder" / "2021-06-09.html").read_text()
    # The text is still there, escaped, so readers see what was written.
    assert "&lt;script&gt;alert(" in meeting
    assert "&lt;img src=x onerror=alert(" in meeting
    person = (result.out / "arkiv" / "personer" / "bo-hansen.html").read_text()
    assert "<title>&lt;img src=x onerror" in person
