"""The editor agrees with CI: yaml-language-server, as VS Code runs it, flags what kkr flags.

One language server, configured from the repository's .vscode settings, checks every record,
every validator case (tests/cases) and a set of common staff mistakes (tests/editor/mistakes).
kkr's verdicts are computed here, never written down. tests/editor/scope.json says which
diagnostics can be judged from the open file alone; each of those must be flagged by the
editor at the same line (±1). The agreement counts are printed (pytest -s).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from editor_lsp import Editor, Finding, missing, vscode_settings
from kkr import i18n
from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Diagnostic
from kkr.loading.corpus import discover

HERE = Path(__file__).parent
REPO = HERE.parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if p.is_dir())
MISTAKES = sorted(p for p in (HERE / "editor" / "mistakes").iterdir() if p.is_dir())
CONTEXT = HERE / "editor" / "context" / "records"
SCOPE: dict[str, Any] = json.loads((HERE / "editor" / "scope.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))


def scope_of(diagnostic: Diagnostic) -> str:
    """Say whether the editor can judge ``diagnostic``: file, beyond or cross-record."""
    for rule in SCOPE["exceptions"]:
        if rule["code"] == diagnostic.code and rule["message"] in diagnostic.message:
            return str(rule["scope"])
    for scope in ("file", "beyond", "cross-record"):
        if diagnostic.code in SCOPE[scope]:
            return scope
    raise AssertionError(f"classify {diagnostic.code} in tests/editor/scope.json")


@dataclass
class Verdict:
    """What kkr and the editor made of one file."""

    name: str
    kkr: list[Diagnostic] = field(default_factory=list)
    editor: list[Finding] = field(default_factory=list)

    def missed(self) -> list[Diagnostic]:
        """The file-local diagnostics the editor does not flag at their line (±1).

        The editor underlines a whole value: a line inside a flagged text is flagged.
        """
        return [
            d
            for d in self.kkr
            if scope_of(d) == "file"
            and not any(f.line - 1 <= d.line <= f.end + 1 for f in self.editor)
        ]

    def tally(self) -> str:
        """both, kkr only, editor only or neither."""
        return {
            (True, True): "both",
            (True, False): "kkr only",
            (False, True): "editor only",
            (False, False): "neither",
        }[(bool(self.kkr), bool(self.editor))]


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    settings = vscode_settings(REPO)
    # No network in tests: SchemaStore's catalogue cannot be fetched, and records use ours.
    settings.setdefault("yaml", {})["schemaStore"] = {"enable": False}
    server = Editor(REPO, settings)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    i18n.set_language("da")
    yield
    i18n.set_language()


def judge(editor: Editor, root: Path, base: Path, label: str) -> list[Verdict]:
    """Judge every file under ``root`` (a records tree) with kkr and with the editor."""
    corpus = load_corpus(root, base=base)
    files = sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink())
    verdicts = {p: Verdict(f"{label}/{p.relative_to(root)}") for p in files}
    # Each file is opened where staff would edit it: at its place in the repository's records.
    opened: dict[Path, Path] = {}
    texts: dict[Path, str] = {}
    for path in files:
        if path.suffix != ".yaml" or path.is_symlink():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # not UTF-8: the editor shows such bytes its own way, unchecked
        place = REPO / "records" / path.relative_to(root)
        opened[place], texts[place] = path, text
    found = editor.check(texts) if texts else {}
    for place, path in opened.items():
        verdicts[path].editor = found[place]
    for diagnostic in corpus.diagnostics:
        path = base / diagnostic.file
        if path in verdicts:
            verdicts[path].kkr.append(diagnostic)
    return list(verdicts.values())


@pytest.fixture(scope="module")
def cases(editor: Editor) -> list[Verdict]:
    return [v for case in CASES for v in judge(editor, case / "records", case, case.name)]


@pytest.fixture(scope="module")
def mistakes(editor: Editor, tmp_path_factory: pytest.TempPathFactory) -> list[Verdict]:
    found = []
    for mistake in MISTAKES:
        root = tmp_path_factory.mktemp(mistake.name) / "records"
        shutil.copytree(CONTEXT, root)
        shutil.copytree(mistake / "records", root, dirs_exist_ok=True)
        mine = {p.relative_to(mistake / "records") for p in (mistake / "records").rglob("*.yaml")}
        verdicts = judge(editor, root, root.parent, mistake.name)
        found += [v for v in verdicts if Path(v.name.split("/", 1)[1]) in mine]
    return found


def test_no_editor_error_on_any_record(editor: Editor) -> None:
    records = discover(REPO / "records")
    assert len(records) > 50
    found = editor.check({p: p.read_text(encoding="utf-8") for p in records})
    flagged = {str(p.relative_to(REPO)): f for p, f in found.items() if f}
    assert not flagged


def test_hover_shows_the_danish_description(editor: Editor) -> None:
    mistake = HERE / "editor" / "mistakes" / "role-typo" / "records"
    seat = (mistake / "memberships" / "kkr-bo-hansen.yaml").read_text(encoding="utf-8")
    line = seat.splitlines().index("role: chairman") + 1
    shown = editor.hover(REPO / "records" / "memberships" / "kkr-bo-hansen.yaml", seat, line, 2)
    assert "Pladsens rolle" in shown, shown


def test_the_context_of_the_mistakes_is_valid() -> None:
    assert not load_corpus(CONTEXT, base=CONTEXT.parent).diagnostics


def test_every_file_local_error_in_the_cases_is_flagged_at_its_line(cases: list[Verdict]) -> None:
    missed = {v.name: [d.text() for d in v.missed()] for v in cases if v.missed()}
    assert not missed


def test_every_file_local_mistake_is_flagged_at_its_line(mistakes: list[Verdict]) -> None:
    assert len(mistakes) >= 15
    missed = {v.name: [d.text() for d in v.missed()] for v in mistakes if v.missed()}
    assert not missed


def test_the_editor_flags_no_file_kkr_accepts(
    cases: list[Verdict], mistakes: list[Verdict]
) -> None:
    wrong = {v.name: v.editor for v in [*cases, *mistakes] if v.editor and not v.kkr}
    assert not wrong


def test_the_editor_speaks_danish(cases: list[Verdict], mistakes: list[Verdict]) -> None:
    # The YAML parser's own messages ("Map keys must be unique") have no Danish version in
    # the server; every message that comes from our schemas must be Danish.
    english = ("Incorrect type", "Property ", "Missing property", "Value is not accepted")
    english += ("String is shorter", "String is longer", "Array has too few", "String does not")
    found = [f.message for v in [*cases, *mistakes] for f in v.editor]
    assert found
    assert not [m for m in found if m.startswith(english)]


def test_a_tab_is_flagged_where_it_stands(
    mistakes: list[Verdict], capsys: pytest.CaptureFixture[str]
) -> None:
    # The server goes on to check the broken structure against the schema, so a tab costs a
    # few follow-on messages; the first is the tab's own, at its line.
    tabs = [v for v in mistakes if v.name.startswith("tab-")]
    assert tabs
    for verdict in tabs:
        line = verdict.kkr[0].line
        assert verdict.editor[0].line == line
        assert any("Tabs" in f.message for f in verdict.editor if f.line == line)
        with capsys.disabled():
            print(f"\n{verdict.name}: {len(verdict.editor)} editor messages for one tab")


def test_agreement_is_reported(
    cases: list[Verdict], mistakes: list[Verdict], capsys: pytest.CaptureFixture[str]
) -> None:
    for label, verdicts in (("validator cases", cases), ("staff mistakes", mistakes)):
        counts: dict[str, int] = {}
        for verdict in verdicts:
            counts[verdict.tally()] = counts.get(verdict.tally(), 0) + 1
        scopes: dict[str, int] = {}
        for verdict in verdicts:
            if verdict.kkr and not verdict.editor:
                worst = sorted({scope_of(d) for d in verdict.kkr})[0]
                scopes[worst] = scopes.get(worst, 0) + 1
        with capsys.disabled():
            print(f"\n{label}: {len(verdicts)} files, {counts}; kkr only by scope: {scopes}")
        assert sum(counts.values()) == len(verdicts)
        # A file kkr alone flags holds only what the editor cannot judge from the file.
        assert "file" not in scopes
