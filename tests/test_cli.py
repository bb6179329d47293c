"""The kkr command line: exit codes, output formats and generated files."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import kkr
from kkr.cli import COMMANDS, build_parser, command_name, main, requested_command

CASES = Path(__file__).parent / "cases"


def run(*args: str, cwd: Path, lang: str = "") -> subprocess.CompletedProcess[str]:
    return kkr(*args, cwd=cwd, lang=lang)


def test_clean_records_exit_0() -> None:
    result = run("validate", "records", cwd=CASES / "valid-yaml11-values")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ingen problemer fundet.")


def test_errors_exit_1_with_every_problem_and_a_summary() -> None:
    result = run("validate", "records", cwd=CASES / "item-numbering")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = (CASES / "item-numbering" / "expected.txt").read_text().splitlines()
    assert lines[:-1] == expected
    errors = sum("error[" in e for e in expected)
    files = len(list((CASES / "item-numbering" / "records").rglob("*.yaml")))
    warnings = len(expected) - errors
    advarsler = "advarsel" if warnings == 1 else "advarsler"
    assert lines[-1] == f"{files} filer kontrolleret: {errors} fejl, {warnings} {advarsler}."
    assert "Traceback" not in result.stderr


def test_warnings_pass_unless_strict() -> None:
    case = CASES / "meeting-link"
    assert run("validate", "records", cwd=case).returncode == 0
    strict = run("validate", "--strict", "records", cwd=case)
    assert strict.returncode == 1
    assert "error[meeting-link]" in strict.stdout


@pytest.mark.parametrize(
    "args", [["validate", "no-such-dir"], ["validate", "--format", "xml"], ["frobnicate"], []]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args, cwd=CASES)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "lang"), [(["--lang", "en"], ""), ([], "en"), (["--lang", "en"], "da")]
)
def test_english_on_request(args: list[str], lang: str) -> None:
    result = run(*args, "validate", "records", cwd=CASES / "unresolved-reference", lang=lang)
    assert "did you mean 'middelfart-kommune'?" in result.stdout
    assert result.stdout.splitlines()[-1] == "4 files checked: 3 errors, 0 warnings."


@pytest.mark.parametrize(
    "args", [["records", "--lang", "en"], ["--lang=en", "records"], ["--lang", "en", "records"]]
)
def test_english_with_lang_after_the_command(args: list[str]) -> None:
    # As staff write options: after the command, where the command's own options go.
    result = run("validate", *args, cwd=CASES / "unresolved-reference", lang="da")
    assert "did you mean 'middelfart-kommune'?" in result.stdout
    assert result.stdout.splitlines()[-1] == "4 files checked: 3 errors, 0 warnings."


def test_danish_by_default_and_with_lang_da() -> None:
    for result in (
        run("validate", "records", cwd=CASES / "unresolved-reference"),
        run("--lang", "da", "validate", "records", cwd=CASES / "unresolved-reference", lang="en"),
        run(
            "--lang",
            "en",
            "validate",
            "records",
            "--lang",
            "da",
            cwd=CASES / "unresolved-reference",
        ),
    ):
        assert "mente du 'middelfart-kommune'?" in result.stdout
        assert result.stdout.splitlines()[-1] == "4 filer kontrolleret: 3 fejl, 0 advarsler."


def test_github_format_escapes_as_the_actions_toolkit() -> None:
    result = run("validate", "--format", "github", "records", cwd=CASES / "unknown-field")
    [line] = result.stdout.splitlines()
    assert line.startswith(
        "::error file=records/people/bo-hansen.yaml,line=2,col=1,title=unknown-field::"
    )
    body = line.split("::", 2)[2]
    assert "\n" not in body
    assert "%0A" not in body


def test_github_escaping() -> None:
    from kkr.diagnostics import Code, Diagnostic

    d = Diagnostic("a,b:c.yaml", 1, 2, "error", Code.YAML_SYNTAX, "50% bad\nnext")
    assert (
        d.github() == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=yaml-syntax::50%25 bad\\nnext"
    )


def test_json_format() -> None:
    result = run("validate", "--format", "json", "records", cwd=CASES / "anchor")
    report = json.loads(result.stdout)
    assert report["errors"] == 2
    assert {d["code"] for d in report["diagnostics"]} == {"anchor"}
    assert report["diagnostics"][0]["line"] == 1


def test_single_file_is_checked_against_the_whole_tree() -> None:
    case = CASES / "unresolved-reference"
    result = run("validate", "records/people/bo-hansen.yaml", cwd=case)
    assert result.returncode == 1
    assert "erik-lauritzen" not in result.stdout
    assert "mente du 'middelfart-kommune'" in result.stdout
    ok = run("validate", "records/organizations/middelfart-kommune.yaml", cwd=case)
    assert ok.returncode == 0


def test_validate_has_no_side_effects(tmp_path: Path) -> None:
    shutil.copytree(CASES / "tag", tmp_path / "case")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    run("validate", "records", cwd=tmp_path / "case")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_every_command_is_documented(repo: Path) -> None:
    text = (repo / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## kkr {command_name(name)}" in text


@pytest.mark.parametrize("command", ["schema", "reference"])
def test_generated_files_are_current(
    command: str, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    assert main([command, "--check"]) == 0, capsys.readouterr().out


def test_stale_generated_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--output", str(tmp_path)]) == 0
    (tmp_path / "person.json").write_text("{}\n")
    assert main(["schema", "--output", str(tmp_path), "--check"]) == 1
    assert "person.json:1:1: error[stale-file]" in capsys.readouterr().out


def test_every_field_is_documented() -> None:
    """Descriptions become editor hover text and the reference page; none may be missing."""
    from kkr.reference import _nested

    from schema.registry import KINDS

    seen: set[type] = set()
    models: list[type] = []
    for kind in KINDS.values():
        seen.add(kind.model)
        models += [kind.model, *_nested(kind.model, seen)]
    missing = [
        f"{model.__name__}.{name}"
        for model in models
        for name, info in model.model_fields.items()  # type: ignore[attr-defined]
        if not info.description
    ]
    assert not missing, f"add a description to: {missing}"


def test_the_json_schemas_accept_every_record_kkr_validate_accepts(repo: Path) -> None:
    """Editors check with schema/json; a record kkr validate --strict accepts is not flagged."""
    from jsonschema import Draft202012Validator
    from kkr.loading.corpus import kind_of
    from kkr.loading.loader import load

    # CI runs --strict, so a warning (e.g. a duplicate link) may be flagged in the editor too.
    cases = [c for c in CASES.iterdir() if "]" not in (c / "expected.txt").read_text()]
    checked = 0
    for case in [*cases, repo]:
        root = case / "records"
        for path in sorted(root.rglob("*.yaml")):
            kind = kind_of(root, path)
            assert kind is not None
            schema = json.loads((repo / "schema" / "json" / f"{kind.name}.json").read_text())
            errors = list(Draft202012Validator(schema).iter_errors(load(path).data))
            assert not errors, (path, errors[0].message)
            checked += 1
    assert checked > 200


def _command_help(parser: argparse.ArgumentParser, name: str) -> str:
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return subparsers.choices[name].format_help()


@pytest.mark.parametrize("name", [command_name(name) for name in COMMANDS])
def test_a_command_alone_is_registered_as_among_all(name: str) -> None:
    # `kkr NAME ...` builds a parser with only NAME; its help must be the full parser's.
    chosen = requested_command(["--lang", "en", name, "--strict"])
    assert chosen == name
    assert _command_help(build_parser(chosen), name) == _command_help(build_parser(), name)


@pytest.mark.parametrize("arguments", [[], ["--help"], ["-h", "validate"], ["--lang"], ["--"]])
def test_help_and_unknown_commands_see_every_command(arguments: list[str]) -> None:
    assert requested_command(arguments) is None
