"""A file name or message can neither forge report lines nor reach the terminal raw."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import REPO, kkr
from hypothesis import given
from hypothesis import strategies as st
from kkr.diagnostics import Code, Diagnostic, as_json, shown
from kkr.importer.assemble import import_document
from kkr.importer.resolve import Resolver
from kkr.loading.characters import FORBIDDEN
from sources import SOURCES

# Any text, with the characters that matter drawn often.
TEXT = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from("\n\r\x1b\x00\x85\u2028\u2029\u202e\x0b\x0c\t:,%"),
    )
)


def _one_clean_line(line: str) -> None:
    assert len(line.splitlines()) == 1
    assert not FORBIDDEN.search(line)


@given(file=TEXT, message=TEXT, severity=st.sampled_from(["error", "warning"]))
def test_every_format_stays_on_one_clean_line(file: str, message: str, severity: str) -> None:
    d = Diagnostic(file or "x", 1, 2, severity, Code.YAML_SYNTAX, message)  # type: ignore[arg-type]
    _one_clean_line(d.text())
    _one_clean_line(d.github())
    file_shown = shown(d.file).replace(":", "\\u003a")
    assert d.text().startswith(f"{file_shown}:1:2: {severity}[yaml-syntax]: ")
    # A parser reading the name up to the first ":LINE:COL: error[" finds the real ones.
    found = re.match(r"(.*?):(\d+):(\d+): (?:error|warning)\[", d.text())
    assert found is not None and found.groups() == (file_shown, "1", "2")
    report = as_json([d], 1)
    assert not FORBIDDEN.search(report)
    [entry] = json.loads(report)["diagnostics"]
    assert (entry["file"], entry["message"]) == (shown(d.file), shown(message))


@given(TEXT)
def test_shown_keeps_plain_text_and_escapes_the_rest(text: str) -> None:
    result = shown(text)
    assert "\n" not in result
    assert not FORBIDDEN.search(result)
    if not FORBIDDEN.search(text) and "\n" not in text:
        assert result == text


def test_a_file_name_cannot_forge_a_report_line(tmp_path: Path) -> None:
    people = tmp_path / "records" / "people"
    people.mkdir(parents=True)
    forged = "x.yaml\ny.yaml:1:1: error[forged]: \x1b[2Jz.yaml"
    (people / forged).write_text("id: [\n", encoding="utf-8")
    result = kkr("validate", "records", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines  # one diagnostic and the summary
    assert lines[0].startswith(
        r"records/people/x.yaml\ny.yaml\u003a1\u003a1\u003a error[forged]\u003a \u001b[2Jz"
    )
    assert "\x1b" not in result.stdout
    assert lines[0].count(" error[") == 2  # the forged text, then the real code, on one line


def _warning_on_a_long_line(tabs: int) -> str:
    name = "kkr-syddanmark-2023-11-21-referat.txt"
    lines = (SOURCES / name).read_text(encoding="utf-8").split("\n")
    at = lines.index("Deltagere") + 1
    lines.insert(at, "Ole" + "\t" * tabs + "Hansen")
    resolver = Resolver.scan(REPO / "records")
    result = import_document(SOURCES / name, "\n".join(lines), resolver, name)
    (found,) = [d for d in result.report.diagnostics if d.line == at + 1]
    return found.text()


def test_source_text_is_quoted_short_whatever_its_length() -> None:
    # Both lines stay under the importer's line-length limit, so both are warned about.
    short, long = _warning_on_a_long_line(3_000), _warning_on_a_long_line(15_000)
    assert len(short) == len(long) < 3_000 / 10
    assert "Ole\\t" in short and "…" in short and "\t" not in short
