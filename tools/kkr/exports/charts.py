"""Static SVG charts of the statistics, drawn by matplotlib so that rebuilds give the same bytes."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

from kkr.exports.statistics import Figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as Canvas

DIR = "data/diagrammer"
COLOURS = ("#1f5f8b", "#e07b39", "#3a8f5c", "#8c5fa8", "#b03a48", "#6b6b6b")
# Text stays text (no embedded glyphs), and ids come from a fixed salt: both keep bytes stable.
STYLE: Any = {
    # Labels are record text: never mathtext ("$…$") or TeX, which would misdraw "Integration
    # $5 og $7" and fail the build on "$\\frac{$".
    "text.parse_math": False,
    "text.usetex": False,
    "svg.hashsalt": "kkr-syddanmark",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Inches: a phone shows the SVG about this wide, so 10pt text stays about 10pt there.
WIDTH = 4.0


def chart_path(figure: Figure) -> str:
    """The chart's file, e.g. data/diagrammer/emner.svg."""
    return f"{DIR}/{figure.name}.svg"


def _label(text: object) -> str:
    return textwrap.fill(str(text), 22, break_long_words=False)


def _tick(value: float, _position: object) -> str:
    # Danish numbers: a decimal comma where a fraction remains ("2,5"), none on whole numbers.
    return f"{value:g}".replace(".", ",")


def _axis(ax: Axes, bins: int = 5) -> None:
    """Whole-number ticks for counts and years, written the Danish way."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(nbins=bins, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(_tick))


def _canvas(labels: list[str]) -> tuple[Canvas, Axes]:
    from matplotlib.figure import Figure as Canvas

    # Each bar gets room for its label's lines, so long names never run into each other.
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    height = 1.4 + (0.2 + 0.17 * lines) * max(len(labels), 1)
    fig = Canvas(figsize=(WIDTH, height), layout="constrained")
    return fig, fig.add_subplot()


def _stacked(figure: Figure) -> Canvas:
    labels = [_label(r[0]) for r in figure.charted][::-1]
    fig, ax = _canvas(labels)
    left = [0] * len(labels)
    for n, year in enumerate(figure.columns[1:], start=1):
        values = [int(r[n]) for r in figure.charted][::-1]
        ax.barh(labels, values, left=left, label=year, color=COLOURS[(n - 1) % len(COLOURS)])
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("Antal punkter")
    _axis(ax)
    fig.legend(loc="outside lower center", ncols=min(len(figure.columns) - 1, 4), frameon=False)
    return fig


def _bars(figure: Figure, column: int, xlabel: str) -> Canvas:
    labels = [_label(r[0]) for r in figure.charted][::-1]
    fig, ax = _canvas(labels)
    values = [int(r[column]) for r in figure.charted][::-1]
    ax.barh(labels, values, color=COLOURS[0])
    ax.set_xlabel(xlabel)
    _axis(ax)
    if figure.kind == "percent":
        ax.set_xlim(0, 100)
    return fig


def _timeline(figure: Figure) -> Canvas:
    spans = figure.spans[::-1]
    labels = [_label(title) for title, _, _ in spans]
    fig, ax = _canvas(labels)
    # A contract runs through its last year, so each bar ends at the end of that year.
    ax.barh(
        labels,
        [end + 1 - start for _, start, end in spans],
        left=[s for _, s, _ in spans],
        color=COLOURS[2],
    )
    ax.set_xlabel("År")
    _axis(ax, bins=4)
    return fig


def draw(figure: Figure) -> bytes | None:
    """The figure as SVG, or None where a table says it better (long lists of people)."""
    # Imported here: matplotlib takes half a second to import, and a rebuild whose records
    # did not change draws nothing.
    import matplotlib as mpl

    if figure.kind == "table" or not figure.rows:
        return None
    with mpl.rc_context(STYLE):
        if figure.kind == "stacked":
            fig = _stacked(figure)
        elif figure.kind == "timeline":
            if not figure.spans:
                return None
            fig = _timeline(figure)
        elif figure.kind == "percent":
            fig = _bars(figure, 3, "Procent til stede")
        else:
            fig = _bars(figure, 1, figure.columns[1])
        out = io.BytesIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def export(figures: list[Figure]) -> dict[str, bytes]:
    """Every chart, keyed by path."""
    out = {}
    for figure in figures:
        svg = draw(figure)
        if svg is not None:
            out[chart_path(figure)] = svg
    return out
