"""The CI workflows run only make targets that exist locally, and the build state stays private."""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from kkr.cli import build_parser
from kkr.reference import commands

WORKFLOWS = sorted((Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.yml"))


def _make(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--dry-run", "--no-print-directory", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )


def _runs(path: Path) -> list[str]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]


def test_there_is_a_pull_request_and_a_publishing_workflow() -> None:
    triggers = [yaml.safe_load(path.read_text(encoding="utf-8"))[True] for path in WORKFLOWS]
    assert any("pull_request" in on for on in triggers)
    assert any("push" in on for on in triggers)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_workflow_step_is_a_make_target(path: Path, repo: Path) -> None:
    runs = _runs(path)
    assert runs
    for run in runs:
        assert run.startswith("make "), run
        command = re.sub(r"\$\{\{.*?\}\}", "x", run.split(">>")[0])
        words = [w for w in command.split()[1:] if not w.startswith("-")]
        targets = [w for w in words if "=" not in w]
        assert targets, run
        result = _make(repo, *targets, "BASE=HEAD")
        assert result.returncode == 0, result.stderr


def test_make_test_runs_actionlint_and_the_html_build_keeps_doctrees_out(repo: Path) -> None:
    assert "actionlint" in _make(repo, "test").stdout
    html = _make(repo, "html").stdout
    build = next(line.split() for line in html.splitlines() if "sphinx-build" in line)
    doctrees, output = build[build.index("-d") + 1], build[-1]
    assert not Path(doctrees).resolve().is_relative_to(Path(output).resolve())


def test_every_command_and_sub_command_is_in_the_cli_reference(repo: Path) -> None:
    page = (repo / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    found = commands(build_parser())
    assert {name for name, _ in found} >= {"kkr diff", "kkr serve", "kkr new meeting"}
    for name, parser in found:
        assert isinstance(parser, argparse.ArgumentParser)
        assert f"# {name}\n" in page, f"{name} is missing; run kkr reference"


def test_the_guide_shows_every_generated_run_and_nothing_pasted(repo: Path) -> None:
    from kkr import guide

    text = (repo / "docs" / "redigering.md").read_text(encoding="utf-8")
    included = set(re.findall(r"```\{literalinclude\} reference/(guide/\S+)", text))
    expected = {f"guide/{name}.txt" for name in guide.SESSIONS}
    expected |= {f"guide/fejl-{n:02}-{name}.txt" for n, (name, _) in enumerate(guide.MISTAKES, 1)}
    assert included == expected
    # Command output appears only through those includes: no pasted transcript.
    assert "error[" not in text.replace("error[KODE]", "")
    assert "\n$ kkr" not in text


def test_the_guides_example_archive_is_valid(repo: Path) -> None:
    from kkr.checks.corpus import load_corpus

    corpus = load_corpus(repo / "docs" / "eksempler" / "records")
    assert corpus.files > 0
    assert [d.text() for d in corpus.diagnostics if d.severity == "error"] == []


@pytest.mark.sphinx
def test_published_files_never_name_the_build_machines_paths(tmp_path: Path) -> None:
    from conftest import build, copy_root

    source = copy_root("test-site", tmp_path / "source")
    result = build(source, tmp_path / "out")
    assert result.written
    assert not (result.out / ".doctrees").exists()
    leaks = [
        path.relative_to(result.out).as_posix()
        for path in result.out.rglob("*")
        if path.is_file() and str(tmp_path).encode() in path.read_bytes()
    ]
    assert leaks == []


def test_make_pytest_fails_when_nothing_is_collected(repo: Path) -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "pytest", "PYTEST_ARGS=tests/test_setup.py -k no_such"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "pytest collected no tests" in result.stderr


def test_the_job_summary_is_markdown(repo: Path) -> None:
    assert "kkr diff --format markdown" in _make(repo, "summary", "BASE=HEAD").stdout
