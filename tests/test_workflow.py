"""The CI workflows run only make targets that exist locally, and the build state stays private."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from kkr.cli import build_parser
from kkr.reference import commands

WORKFLOWS = sorted((Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.yml"))


TRUST = 'git config --global --add safe.directory "$GITHUB_WORKSPACE"'


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
    # Before anything else, git is told to read the checkout (see the workflow's comment).
    assert runs[0] == TRUST
    assert runs[1:]
    for run in runs[1:]:
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


# --- The workflows' run: steps, run as GitHub's runner runs them --------------------------------

# The runner's user owns the checkout; the container job runs as root.
RUNNER = "kkr-runner"
# `make test` runs the whole suite (an hour on two cores, this test included). Its stand-in runs
# the same command line with pytest limited to the kkr diff tests, which use git the most;
# everything else `make test` does (validate --strict, ruff, mypy, actionlint, the Node oracle's
# npm ci) runs in full.
FULL_SUITE = "make test"
STAND_IN = "PYTEST_ARGS=tests/test_changes.py"
# The values of the expressions the run: steps and their env use (the rest fail the test).
# This machine's network settings (proxy, certificates, npm's user config) are not under test.
NETWORK = re.compile(r"PROXY|CERT|_CA|SSL|^PIP_|^NPM_CONFIG_", re.IGNORECASE)
CONTEXT = {
    "github.repository_owner": "kkr-syddanmark",
    "github.event.repository.name": "vidensbase",
    "vars.KKR_BASE_URL": "",
}


def _owner_uid() -> int:
    import pwd

    try:
        return pwd.getpwnam(RUNNER).pw_uid
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUNNER],
            check=True,
        )
        return pwd.getpwnam(RUNNER).pw_uid


def _expression(expression: str, context: dict[str, str]) -> str:
    """Evaluate the few expression forms the workflows use: a name, `a || b` and format()."""
    for part in expression.split("||"):
        alternative = part.strip()
        called = re.fullmatch(r"format\('([^']*)',\s*(.*)\)", alternative)
        if called:
            names = [name.strip() for name in called.group(2).split(",")]
            value = called.group(1).format(*(context[name] for name in names))
        else:
            value = context[alternative]
        if value:
            return value
    return ""


def _expand(text: str, context: dict[str, str]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: _expression(m.group(1), context), text)


def _workspace(repo: Path, parent: Path) -> tuple[Path, str, str]:
    """The working tree as a pull request's checkout: base commit, then one change to a record.

    The base commit names the first person differently, so kkr diff has a change to describe.
    Returns the workspace, owned by another user as GitHub's checkout is, the base SHA and the
    person's name.
    """
    workspace = parent / "workspace"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = repo / name.decode()
        if source.is_file() and not source.is_symlink():
            (workspace / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, workspace / name.decode())
    person = sorted((workspace / "records" / "people").glob("*.yaml"))[0]
    text = person.read_text(encoding="utf-8")
    name = re.search(r"^name: (.+)$", text, re.M)
    assert name, person
    person.write_text(text.replace(name.group(0), "name: Tidligere navn", 1), encoding="utf-8")

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=kkr", "-c", "user.email=kkr@example.invalid", *args],
            cwd=workspace,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    base = git("rev-parse", "HEAD")
    person.write_text(text, encoding="utf-8")
    git("commit", "-q", "-am", "the pull request")
    # The cache step restores the venv; the checkout (not the venv) belongs to the runner's user.
    (workspace / ".venv").symlink_to(repo / ".venv")
    uid = _owner_uid()
    for path in [workspace, *workspace.rglob("*")]:
        os.lchown(path, uid, uid)
    return workspace, base, str(yaml.safe_load(text)["name"])


def _run_steps(workflow: Path, workspace: Path, home: Path, context: dict[str, str]) -> list[dict]:
    """Run every run: step of ``workflow`` as the runner does; return what each did."""
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    done = []
    for job in data["jobs"].values():
        summary, output = home / "step_summary", home / "output"
        for step in job.get("steps", []):
            if "run" not in step:
                continue
            assert step.get("if", "${{ !cancelled() }}") == "${{ !cancelled() }}", step
            summary.write_text("", encoding="utf-8")
            env = {
                **{k: v for k, v in os.environ.items() if NETWORK.search(k)},
                "NPM_CONFIG_USERCONFIG": str(Path.home() / ".npmrc"),
                "PATH": os.environ["PATH"],
                "HOME": str(home),  # the container's HOME, /github/home, kept across steps
                "GIT_CONFIG_NOSYSTEM": "1",  # no safe.directory from this machine
                "CI": "true",
                "GITHUB_ACTIONS": "true",
                "GITHUB_WORKSPACE": str(workspace),
                "GITHUB_STEP_SUMMARY": str(summary),
                "GITHUB_OUTPUT": str(output),
                **{
                    k: _expand(str(v), context)
                    for k, v in {**job.get("env", {}), **step.get("env", {})}.items()
                },
            }
            command = _expand(step["run"], context)
            if command.strip() == FULL_SUITE:
                command = f"{command.strip()} {STAND_IN}"
            script = home / "step.sh"
            script.write_text(command + "\n", encoding="utf-8")
            started = time.monotonic()
            # GitHub's default shell on Linux: bash -e {0}, in the workspace.
            result = subprocess.run(
                ["bash", "-e", str(script)],
                cwd=workspace,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            done.append(
                {
                    "name": step.get("name", step["run"]),
                    "run": command,
                    "code": result.returncode,
                    "seconds": time.monotonic() - started,
                    "summary": summary.read_text(encoding="utf-8"),
                    "log": (result.stdout + result.stderr)[-3000:],
                }
            )
    return done


@pytest.mark.skipif(os.geteuid() != 0, reason="the container job runs as root; so must this test")
@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_run_step_works_as_githubs_runner_runs_it(
    path: Path, repo: Path, tmp_path: Path
) -> None:
    workspace, base, changed = _workspace(repo, tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    context = {**CONTEXT, "github.event.pull_request.base.sha": base}
    steps = _run_steps(path, workspace, home, context)
    elapsed = 0.0
    for step in steps:
        elapsed += step["seconds"]
        print(
            f"{path.name}: {step['name']}: {step['seconds']:.1f} s (from the start {elapsed:.1f} s)"
        )
    failed = [f"{s['name']} ({s['run']}): exit {s['code']}\n{s['log']}" for s in steps if s["code"]]
    assert not failed, "\n\n".join(failed)
    # The stand-in kept the step's command line: only pytest's selection differs.
    assert [s["run"] for s in steps if s["run"].startswith(FULL_SUITE)] == [
        f"{FULL_SUITE} {STAND_IN}"
    ]
    if path.name == "pull-request.yml":
        summaries = {s["name"]: s["summary"] for s in steps}
        assert f"siden {base[:12]}: 1 post" in summaries["What the pull request changes"]
        assert f"### {changed}\n" in summaries["What the pull request changes"]
        assert "## Kontrol af posterne" in summaries["Validate the records"]
        # The annotations and the summary come before the long steps.
        names = [s["name"] for s in steps]
        assert names.index("Validate the records") < names.index("Build the site strictly")


def test_the_job_summary_lists_every_problem_beyond_githubs_annotation_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kkr.cli import main

    people = tmp_path / "records" / "people"
    people.mkdir(parents=True)
    for n in range(25):
        (people / f"p{n:02}.yaml").write_text(
            f"id: p{n:02}\nname: Person `{n}` <b>www.evil.example</b>\nkind: politician\n"
            f"titel: {n}\n",
            encoding="utf-8",
        )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["validate", "--format", "github", str(tmp_path / "records")]) == 1
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    text = summary.read_text(encoding="utf-8")
    assert len(annotations) == 25 and text.startswith("## Kontrol af posterne\n")
    assert "GitHub viser højst 10 fejl" in text
    # One line per problem, with its file, line and message, inside one code block.
    block = text.split("\n```text\n", 1)[1]
    assert block.count("```") == 1
    listed = block.split("```")[0].splitlines()
    assert len(listed) == 25
    for n, line in enumerate(listed):
        assert line.startswith(f"{people / f'p{n:02}.yaml'}:4:1: error[unknown-field]: "), line
