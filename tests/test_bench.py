"""The benchmark harness keeps working: a tiny archive goes through every measure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kkr.bench import archive, build, run
from kkr.checks.corpus import load_corpus


def test_generated_archive_validates_with_the_size_asked(tmp_path: Path) -> None:
    size = archive.Size(items=23, meetings=4)
    site = archive.generate(tmp_path / "site", size)
    corpus = load_corpus(site / "records", base=site)
    assert corpus.diagnostics == []
    generated = [e for e, _ in corpus.items() if e.record.id not in archive.KEPT_MEETINGS]
    assert len(generated) == size.items
    assert len({e.record.id for e in generated}) == size.meetings


@pytest.mark.parametrize("edit", sorted(archive.EDITS))
def test_each_edit_changes_a_valid_record(tmp_path: Path, edit: str) -> None:
    site = archive.generate(tmp_path / "site", archive.Size(4, 2))
    before = {p: p.read_bytes() for p in (site / "records").rglob("*.yaml")}
    archive.EDITS[edit](site, 1)
    after = {p: p.read_bytes() for p in (site / "records").rglob("*.yaml")}
    assert sum(before[p] != after[p] for p in before) == 1
    assert load_corpus(site / "records", base=site).diagnostics == []


def test_bench_writes_every_measure_on_a_tiny_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "REPEAT", 1)
    page = tmp_path / "ydeevne.md"
    assert run.main(["--large", "6:2", "--medium", "3:1", "--output", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    for measure in ("validate", "opstart", "`-j 1`", "`-j 2`", "no-op", "deltager", "navn"):
        assert measure in text
    assert "største side" in text and "hukommelse" in text and "tid pr. punkt" in text
    # Every row has a ratio: the floor was built and measured.
    rows = [line for line in text.splitlines() if line.startswith("| ") and "×" in line]
    assert len(rows) == 8


def test_written_pages_are_counted_on_disk(tmp_path: Path) -> None:
    # At -j 2 Sphinx writes in forked workers, whose events the main process never sees.
    html = tmp_path / "html"
    (html / "a").mkdir(parents=True)
    for name in ("same.html", "a/again.html", "notes.txt"):
        (html / name).write_text("x", encoding="utf-8")
    before = build.stamps(html)
    os.utime(html / "a" / "again.html", ns=(1, 1))
    (html / "new.html").write_text("y", encoding="utf-8")
    (html / "notes.txt").write_text("z", encoding="utf-8")
    assert build.written(before, build.stamps(html)) == 2
