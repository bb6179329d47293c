"""Chart labels are text: record names full of $, \\ and ^ are drawn as written, never as maths."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from kkr.checks.corpus import load_corpus
from kkr.exports import charts, statistics
from kkr.exports.context import ExportContext

REPO = Path(__file__).resolve().parent.parent
# The red team's names (a bad fraction stopped the build, "$5 og $7" was drawn in italics) and
# TeX that mathtext would draw: each with an even number of dollars, as mathtext requires.
NAMES = ("$\\frac{$ {name}", "{name} $5 og $7", "x^{2} \\alpha $\\sqrt{2}$ {name}")


def _hostile(records: Path) -> None:
    """Give every topic, body, person and agreement a name full of maths markup."""
    for folder, field in (
        ("topics", "name"),
        ("organizations", "name"),
        ("people", "name"),
        ("contracts", "title"),
    ):
        for n, path in enumerate(sorted((records / folder).glob("*.yaml"))):
            text = path.read_text(encoding="utf-8")
            found = re.search(rf"^{field}: (.*)$", text, re.MULTILINE)
            if found is None:  # e.g. a person known only by initials
                continue
            name = NAMES[n % len(NAMES)].replace("{name}", found.group(1).strip("'\""))
            text = text[: found.start(1)] + json.dumps(name) + text[found.end(1) :]
            path.write_text(text, encoding="utf-8")


def _drawn_as_written(texts: list[str]) -> bool:
    return all(any(mark in text for text in texts) for mark in ("$\\frac{$", "$5 og $7", "$\\sqrt"))


def test_every_chart_draws_names_full_of_dollars_backslashes_and_carets(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    _hostile(records)
    corpus = load_corpus(records)
    assert [d.text() for d in corpus.diagnostics if d.severity == "error"] == []
    figures = statistics.all_figures(ExportContext.create(corpus, None, "arkiv"))
    drawn = {figure.name: charts.draw(figure) for figure in figures}
    labels = {
        name: re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode())
        for name, svg in drawn.items()
        if svg is not None
    }
    assert len(labels) >= 4, sorted(drawn)
    # The charts of topics, municipalities and agreements name records: each label as written,
    # its dollars kept and no maths font, where mathtext would have failed or drawn italics.
    named = [name for name, texts in labels.items() if _drawn_as_written(texts)]
    assert {"emner", "fremmoede-kommuner", "aftaler"} <= set(named), labels
    for svg in drawn.values():
        assert svg is None or not re.search(rb"cmmi|cmr10|STIX|DejaVuSans-Oblique", svg)
