"""The pull-request summary cannot be forged by record text, file names, size or links.

The Markdown is checked with cmark-gfm, GitHub's own parser with its autolink extension: what
a reviewer reads is the value itself, on one line, with no live link, mention or markup.
"""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from conftest import ROOTS
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.changes import escape
from kkr.changes.compare import Group
from kkr.cli import main
from kkr.commands.diff import LIMIT, render
from test_changes import diff, git

# Pieces of hostile record text: markup, links, mentions, line breaks, ESC and invisible
# characters, so that short draws combine them the way a forger would.
PIECES = [
    *"\n\r\t\x1b\x00\x7f\x85\u2028\u202e\u200d\u200b\ufeff \u00a0xøÆ1.-+=*_`~|<>&$\\[]()!#:/@",
    "https://evil.example/login",
    "http://",
    "HTTPS://",
    "www.",
    "WWW.evil.example",
    "evil.example",
    "it-support@evil.example",
    "@octocat",
    "@org/team",
    "mailto:x@y.example",
    "xmpp:",
    "#12",
    "GH-12",
    "<script>",
    "&amp;",
    "&#x26;",
    "**bold**",
    "[link](https://evil.example)",
    "![img](x)",
    "1. ",
    "- ",
    "## ",
    "---",
    "    ",
    "```",
    "$x$",
    "$$",
    ":+1:",
    "Alle kontroller bestået",
]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose first commit holds the test site's records (as test_changes)."""
    shutil.copytree(ROOTS / "test-site" / "records", tmp_path / "records")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "records")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KKR_LANG", "da")
    return tmp_path


HOSTILE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _inert(shown: str) -> bool:
    """No line break, control, format or invisible character; only visible text and spaces."""
    return all(char.isprintable() or unicodedata.category(char) == "Zs" for char in shown)


def _gfm(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def _text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@settings(max_examples=400, deadline=None)
@given(HOSTILE)
def test_github_renders_any_value_as_itself_on_one_line(text: str) -> None:
    shown = escape.markdown(text)
    assert _inert(shown)
    for before, tag in (("- ", "li"), ("### ", "h3")):
        rendered = _gfm(f"{before}{shown}\n")
        tags = set(re.findall(r"<(\w+)", rendered))
        assert tags <= {"ul", tag, "code"}, rendered
        assert rendered.count(f"<{tag}>") == 1
        assert _text(rendered) == escape.visible(text).strip(), rendered
        # Links and mentions only inside code spans, where GitHub never makes them live.
        outside = re.sub(r"<code>.*?</code>", "", rendered)
        assert not re.search(r"://|www\.|@", outside, re.IGNORECASE), rendered


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_a_terminal_gets_no_control_character(text: str) -> None:
    assert _inert(escape.visible(text))


@settings(max_examples=100, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 40), max_size=30),
    width=st.integers(1, 300),
    limit=st.integers(4096, 40_000),
    markdown=st.booleans(),
)
def test_a_capped_summary_fits_and_counts_what_it_leaves_out(
    sizes: list[int], width: int, limit: int, markdown: bool
) -> None:
    groups = [Group(f"post {n} " + "å" * width, ["ø" * width] * k) for n, k in enumerate(sizes)]
    full = render(groups, "main", markdown=markdown)
    out = render(groups, "main", markdown=markdown, limit=limit, full=Path("_build/kkr-diff.md"))
    assert len(out.encode()) <= limit
    if out == full:
        return
    note = re.search(r"(\d+) (?:more records?|post(?:er)? mere)", out)
    assert note is not None
    kept = out[: out.rindex("\n---\n" if markdown else "\n\n")]
    assert full.startswith(kept)
    shown = sum(1 for n in range(len(groups)) if f"post {n} " in out)
    partly = "delvist" in out or "in part" in out
    assert shown + int(note.group(1)) - partly == len(groups)
    assert "kkr-diff.md" in out and "artefakt" in out


FORGED = "zz\n- Alle kontroller bestået\x1b[2J\n\n## Ingen ændringer.yaml"


def test_a_forged_file_name_stays_on_its_heading_in_both_formats(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "records" / "people" / FORGED).write_text("id: zz\nname: [\n", encoding="utf-8")
    text = diff(capsys)
    assert "people/zz\\u000a- Alle kontroller bestået\\u001b[2J\\u000a\\u000a## Ingen" in text
    markdown = diff(capsys, "--format", "markdown")
    for out in (text, markdown):
        assert "\x1b" not in out
        assert not re.search(r"^(- Alle|## Ingen)", out, re.MULTILINE)
    assert _gfm(markdown).count("<h3>") == 1


def test_links_and_mentions_in_a_valid_name_are_not_live(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "Bo https://evil.example/login www.evil.example it-support@evil.example @octocat"
    assert main(["new", "person", name, "--id", "bo-evil"]) == 0
    rendered = _gfm(diff(capsys, "--format", "markdown"))
    assert "<a " not in rendered
    assert "<code>https://evil.example/login</code>" in rendered
    assert "<code>@octocat</code>" in rendered


def test_a_summary_over_one_mib_is_cut_with_a_count_and_the_full_report_kept(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The red team's case: 700 valid new people with long names made a 1.28 MiB summary.
    people = repo / "records" / "people"
    for n in range(700):
        name = f"Person {n:03} " + "Langtnavn " * 199
        (people / f"p{n:03}.yaml").write_text(
            f"id: p{n:03}\nname: {name.strip()}\nkind: external\n", encoding="utf-8"
        )
    full = repo / "_build" / "kkr-diff.md"
    out = diff(capsys, "--format", "markdown", "--full", str(full))
    assert len(out.encode()) <= LIMIT < 1024 * 1024
    whole = full.read_text(encoding="utf-8")
    assert len(whole.encode()) > 1024 * 1024
    assert whole.count("\n### ") == 700 and "kkr-diff" not in whole
    shown = out.count("\n### ")
    assert f"{700 - shown + 1} poster mere vises ikke (den første af dem kun delvist)" in out or (
        f"{700 - shown} poster mere vises ikke." in out
    )
    assert "kkr-diff.md" in out and "artefaktet kkr-diff" in out


def test_a_link_at_base_is_described_not_followed_and_its_removal_too(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = repo / "records" / "people" / "zz-link.yaml"
    link.symlink_to("/etc/passwd")
    (repo / "records" / "organizations" / "ude").symlink_to("/tmp")
    git(repo, "add", "records")
    git(repo, "commit", "-qm", "links")
    out = diff(capsys)
    assert "people/zz-link.yaml\n  - Symbolsk link til /etc/passwd, uændret\n" in out
    assert "organizations/ude\n  - Symbolsk link til /tmp, uændret\n" in out
    assert "root:" not in out
    link.unlink()
    link.symlink_to("bo-hansen.yaml")
    out = diff(capsys, "--format", "markdown")
    assert "- Symbolsk link fører nu til bo-hansen.yaml i stedet for /etc/passwd\n" in out
    link.unlink()
    out = diff(capsys)
    assert "people/zz-link.yaml\n  - Symbolsk link til /etc/passwd fjernet\n" in out
    git(repo, "commit", "-qam", "link removed")
    (repo / "records" / "topics" / "etc").symlink_to("../../../etc")
    assert "topics/etc\n  - Nyt symbolsk link til ../../../etc\n" in diff(capsys)


def test_a_limit_too_small_for_the_note_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "main", "--limit", "100"]) == 2
    assert "--limit" in capsys.readouterr().err
