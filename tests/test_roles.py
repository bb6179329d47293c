"""Roles in record text: one list for the validator and the site, found in time linear in size."""

from __future__ import annotations

import re
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
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
