"""Chart data and the plotext drawing behind `widgets.chart.Chart`, in plain Python.

Nothing here imports Textual or plotext at module level: plotext (about 60-130 ms to import) is
loaded on first use, off the path to the first frame, from a worker thread.

Series are drawn in *sentinel* colours (ANSI 1..6, one per series); the widget maps them to its
theme's colours when it renders, so a theme change recolours a chart without drawing it again.
"""

from __future__ import annotations

import math
import sys
import threading
import types
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

SeriesStyle = Literal["line", "points", "bar"]

#: The most series one chart draws (one sentinel colour each).
MAX_SERIES = 6


@dataclass(frozen=True, slots=True)
class Series:
    """One named sequence of values, one per x label; None where nothing was recorded."""

    name: str
    values: tuple[float | None, ...]
    style: SeriesStyle = "line"


@dataclass(frozen=True, slots=True)
class ChartData:
    """What a chart shows: x labels (oldest first), its series, and an optional fixed y range.

    `bucket` says how several values share one column when the chart is narrower than the data:
    the mean of the recorded values (pain, sleep), or the amount per position with nothing counted
    as zero (`per_day`: minutes). Bars of every `bar` series are stacked.
    """

    labels: tuple[str, ...]
    series: tuple[Series, ...]
    y_min: float | None = None
    y_max: float | None = None
    bucket: Literal["mean", "per_day"] = "mean"
    empty_text: str = "Nothing to draw yet."
    y_ticks: tuple[float, ...] = field(default=())

    def has_values(self) -> bool:
        """Whether any series holds at least one value."""
        return any(v is not None for s in self.series for v in s.values)


def rolling_mean(values: Sequence[float | None], window: int) -> tuple[float | None, ...]:
    """The mean of the last `window` recorded values at each position (None before any)."""
    out: list[float | None] = []
    recent: list[float] = []
    positions: list[int] = []
    for i, value in enumerate(values):
        if value is not None:
            recent.append(value)
            positions.append(i)
        while positions and positions[0] <= i - window:
            positions.pop(0)
            recent.pop(0)
        out.append(sum(recent) / len(recent) if recent else None)
    return tuple(out)


def bucket_bounds(count: int, buckets: int) -> list[tuple[int, int]]:
    """Split `count` positions into at most `buckets` runs of (nearly) equal length.

    The runs are aligned on the newest end, so the last column always holds the latest days.
    """
    if count <= 0:
        return []
    buckets = max(1, buckets)
    if count <= buckets:
        return [(i, i + 1) for i in range(count)]
    size = math.ceil(count / buckets)
    bounds: list[tuple[int, int]] = []
    end = count
    while end > 0:
        start = max(0, end - size)
        bounds.append((start, end))
        end = start
    bounds.reverse()
    return bounds


def downsample(
    values: Sequence[float | None], bounds: Sequence[tuple[int, int]], how: str = "mean"
) -> list[float | None]:
    """One value per run: the mean of its recorded values (None if none were), or with
    `how="per_day"` its total divided by its length (nothing recorded counts as zero)."""
    out: list[float | None] = []
    for start, end in bounds:
        present = [v for v in values[start:end] if v is not None]
        if how == "per_day":
            out.append(sum(present) / (end - start))
        elif not present:
            out.append(None)
        else:
            out.append(sum(present) / len(present))
    return out


def nice_ticks(lo: float, hi: float, most: int) -> tuple[float, ...]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) from `lo` up to past `hi`."""
    most = max(2, most)
    span = max(hi - lo, 1e-9)
    raw = span / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if step < 1 and span >= 2:
        step = 1.0
    first = math.floor(lo / step) * step
    ticks = [first]
    while ticks[-1] < hi - 1e-9:
        ticks.append(ticks[-1] + step)
    return tuple(round(t, 6) for t in ticks)


_plot_lock = threading.Lock()
_plotext: Any = None


#: Parts of plotext its package imports eagerly that a chart never uses: its interactive
#: documentation (built at import: ~70 ms) and its self-test runner (imports unittest).
_SKIPPED = {"plotext._doc.doc": {"docs": None}, "plotext._tests.run": {"test": None}}


def load_plotext() -> Any:
    """Import plotext once, without the parts it imports eagerly and charts never use."""
    global _plotext
    if _plotext is None:
        if "plotext" not in sys.modules:
            for name, attributes in _SKIPPED.items():
                stub = types.ModuleType(name)
                stub.__dict__.update(attributes)
                sys.modules.setdefault(name, stub)
        import plotext

        _plotext = plotext
    return _plotext


def _x_ticks(
    labels: Sequence[str], bounds: Sequence[tuple[int, int]], canvas: int
) -> tuple[list[float], list[str]]:
    """A few x tick positions (bucket indices) with labels spaced so that they never touch."""
    if not bounds:
        return [], []
    longest = max(len(labels[b[0]]) for b in bounds) + 4
    count = max(1, min(len(bounds), canvas // longest))
    if count == 1:
        picks = [len(bounds) - 1]
    else:
        step = (len(bounds) - 1) / (count - 1)
        picks = sorted({round(i * step) for i in range(count)})
    return [float(p) for p in picks], [labels[bounds[p][0]] for p in picks]


def _y_range(
    data: ChartData, columns: list[list[float | None]], stacked: bool
) -> tuple[float, float]:
    values = [v for col in columns for v in col if v is not None]
    if stacked and columns:
        values += [sum(v or 0.0 for v in row) for row in zip(*columns, strict=True)]
    lo = data.y_min if data.y_min is not None else min([0.0, *values])
    hi = data.y_max if data.y_max is not None else max([lo + 1.0, *values])
    return lo, hi


def build_chart(data: ChartData, width: int, height: int) -> str:
    """Draw `data` in a `width` x `height` cell box; returns the chart as ANSI text.

    Series `i` is drawn in ANSI colour `i + 1`, the frame without colour (see the module docstring).
    Line charts keep one point per column; bars keep one column per bar and at least one cell
    between bars, so that they stay evenly spaced however many days there are.
    """
    plt = load_plotext()
    width, height = max(12, width), max(4, height)
    series = data.series[:MAX_SERIES]
    bar_series = [(i, s) for i, s in enumerate(series) if s.style == "bar"]
    count = len(data.labels)
    # A first guess of the y labels' width, to know how many columns the canvas has.
    guess_canvas = width - 4
    buckets = max(1, guess_canvas // 2) if bar_series else guess_canvas
    bounds = bucket_bounds(count, buckets)
    how = data.bucket
    bar_columns = [downsample(s.values, bounds, how) for _, s in bar_series]
    line_columns = [
        (i, s, downsample(s.values, bounds, "mean"))
        for i, s in enumerate(series)
        if s.style != "bar"
    ]
    lo, hi = _y_range(data, bar_columns + [c for _, _, c in line_columns], bool(bar_series))
    y_ticks = data.y_ticks or nice_ticks(lo, hi, max(2, min(5, (height - 2) // 2)))
    hi = max(hi, y_ticks[-1])
    y_labels = [_number(t) for t in y_ticks]
    y_width = max(len(label) for label in y_labels) + 1  # the labels and the axis line
    canvas = width - y_width
    m = len(bounds)
    if bar_series and m > 1:
        gap = max(1, (canvas - 1) // (m - 1))
        bar_cells = max(1, gap * 2 // 3) if gap > 1 else 1
        canvas = (m - 1) * gap + bar_cells
        x_hi = (canvas - 1) / gap
    else:
        gap, bar_cells, x_hi = 1, 1, float(max(1, m - 1))
    xs = list(range(m))

    with _plot_lock:
        fig = plt.figure
        fig.clear()
        plt.terminal.limit(False, False)
        fig.plot_size(y_width + canvas, height)
        fig.theme("colorless")
        fig.axes(False, axis="both", side=1)  # no box on the top and right: calmer
        if bar_series:
            # Stacked bars as filled columns: the whole stack first, then each lower part over it.
            tops = [0.0] * m
            stacks = []
            for (i, _), column in zip(bar_series, bar_columns, strict=True):
                tops = [t + (v or 0.0) for t, v in zip(tops, column, strict=True)]
                stacks.append((i, list(tops)))
            for i, top in reversed(stacks):
                px = [x + j / gap for x in xs for j in range(bar_cells) if top[x] > 0]
                py = [top[x] for x in xs for _ in range(bar_cells) if top[x] > 0]
                if px:
                    sig = fig.signal(px, py, marker=plt.marker("full", plt.pixel(foreground=i + 1)))
                    sig.fillx()
                    fig.draw(sig)
        # Points first (fine braille dots), then lines over them: the average stays unbroken.
        line_columns.sort(key=lambda item: item[1].style != "points")
        for i, s, column in line_columns:
            px = [float(x) for x, v in zip(xs, column, strict=True) if v is not None]
            py = [v for v in column if v is not None]
            if not px:
                continue
            sig = fig.signal(px, py, marker=plt.marker("braille", plt.pixel(foreground=i + 1)))
            if s.style == "line":
                sig.lines()
            fig.draw(sig)
        positions, tick_labels = _x_ticks(data.labels, bounds, canvas)
        fig.ruler("x").ticks(positions, tick_labels)
        fig.ruler("x").lim(0, x_hi)
        fig.ruler("y").lim(lo, hi)
        fig.ruler("y").ticks(list(y_ticks), y_labels)
        text: str = fig.build().string()
    return text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
