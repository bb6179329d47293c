"""Roles in record text: one list for the validator and the site, found in time linear in size."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.checks import roles as roles_module
from kkr.checks.corpus import load_corpus
from kkr.checks.roles import ROLES, split_target
from kkr.site.domain import KkrDomain

# The site's former pattern, kept here as the specification of split_target.
_TARGET = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


@given(st.text(st.sampled_from("ab <>\n\t-")))
def test_split_target_reads_as_the_site_always_did(content: str) -> None:
    match = _TARGET.match(content)
    expected = (match["title"], match["target"], True) if match else (content, content, False)
    assert split_target(content) == expected


def test_the_site_registers_exactly_the_roles_the_validator_checks() -> None:
    assert set(KkrDomain.roles) == set(ROLES)


def _seconds(tmp_path: Path, count: int, block: bool) -> float:
    folder = tmp_path / f"{count}-{block}" / "records" / "people"
    folder.mkdir(parents=True)
    if block:
        note = "note: |\n" + "".join(f"  {{kkr:persn}}`x{i}`\n" for i in range(count))
    else:
        # Folded over indented lines: one line may hold at most the loader's MAX_LINE.
        note = 'note: "' + "\n  ".join(f"{{kkr:person}}`x{i}`" for i in range(count)) + '"\n'
    (folder / "bo.yaml").write_text("id: bo\nname: Bo\nkind: staff\n" + note, encoding="utf-8")
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        corpus = load_corpus(folder.parent)
        best = min(best, time.process_time() - start)
    assert len(corpus.diagnostics) == count
    return best


def test_locating_many_bad_roles_is_linear(tmp_path: Path) -> None:
    for block in (True, False):
        # Both sizes stay under the loader's limit on the length of one text field.
        small, large = _seconds(tmp_path, 500, block), _seconds(tmp_path, 4000, block)
        # Eight times the input may take at most twice eight times as long.
        assert large / small < 16, (block, small, large)


# Whole roles and the text around them, and the characters and pieces that could make the
# parser read a role otherwise than a scan; the risky ones drawn less often, so that many
# texts are scanned.
_SAFE_PIECES = st.sampled_from(
    [
        "{kkr:person}`a`",
        "{kkr:org}`Bo <b>`",
        "{a}``x`y``",
        "{kkr:x}",
        "`",
        "{",
        "}",
        "a",
        "b c",
        " ",
        "  ",
        "\n",
        "\n\n",
        "- ",
        "1. ",
        "> ",
        "# ",
        "===",
        "[",
        "]",
        "](",
        "(a)",
        ")",
        "*",
        "_",
        "~",
        "&",
    ]
)
_RISKY_PIECES = st.sampled_from(
    [
        "``",
        "    ",
        "\t",
        "![",
        "]:",
        "<",
        ">",
        "<b>",
        "~~~",
        ":::",
        "```",
        "|",
        "\\",
        "%",
        "+++",
        "(t)=",
        "+ + +",
        "(",
        ")=",
        "&#123;",
        '"',
        "\r",
        "http://x",
        "[[[[",
        ">>>>>",
    ]
)
_ROLE_TEXTS = st.lists(
    st.one_of(_SAFE_PIECES, _SAFE_PIECES, _SAFE_PIECES, _RISKY_PIECES), max_size=30
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_ROLE_TEXTS)
def test_scanning_finds_the_roles_the_parser_finds(text: str) -> None:
    """Where the scan answers, it finds exactly the parser's roles, at the same places."""
    found = roles_module.scan(text)
    if found is not None:
        assert found == roles_module.parsed(text), text


def test_record_text_is_scanned_not_parsed() -> None:
    text = (
        "Et afsnit med **fed** tekst og et link til [KL](https://www.kl.dk/).\n\n"
        "- Formand {kkr:person}`Bo Hansen <bo-hansen>` fremlagde, og\n"
        "  {kkr:org}`kl` supplerede.\n"
    )
    expected = roles_module.parsed(text)
    assert len(expected) == 2
    assert roles_module.scan(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "`{kkr:person}`a`",  # a code span holds the role's opening
        "    {kkr:person}`a`",  # an indented code block
        "- a\n\n      {kkr:person}`a`",  # one in a list item
        "[a]({kkr:person}`a`)",  # a link destination
        "<{kkr:person}`a`>",  # an autolink
        "\\{kkr:person}`a`",  # an escape
        "~~~\n{kkr:person}`a`\n~~~",  # a fence
        ":::\n{kkr:person}`a`\n:::",  # a colon fence
        "% {kkr:person}`a`",  # a MyST comment
        "(a){kkr:person}`a`(t)=",  # a MyST target: the whole line
        "+ + + {kkr:person}`a`",  # a MyST block break
        "- + + + {kkr:person}`a`",  # one in a list item
        "a | b\n--|--\n{kkr:person}`a` | c",  # a table
        "{kkr:person}`a\nb`",  # content over two lines
        ">" * 20 + " {kkr:person}`a`",  # past the nesting limit
        "[a]: {kkr:person}`a`",  # a link reference definition
        "![{kkr:person}`a`](x)",  # an image's alt text
    ],
)
def test_the_scan_leaves_what_it_cannot_tell_to_the_parser(text: str) -> None:
    assert roles_module.scan(text) is None
