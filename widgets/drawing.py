"""The drawing of a `ChartData` with plotext: axes fitted to the data, bars laid out in half cells.

Run off the UI thread by `widgets.chart.Chart` (plotext's figure is global: one drawing at a
time, under `_plot_lock`). Series `i` is drawn in ANSI colour `i + 1` (see `widgets.plotting`).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len

from widgets.plotting import (
    MAX_SERIES,
    ChartData,
    bucket_bounds,
    downsample,
    load_plotext,
    nice_ticks,
)

_plot_lock = threading.Lock()


def _y_axis(
    data: ChartData, values: Sequence[float], rows: int
) -> tuple[float, float, tuple[float, ...], list[str]]:
    """The y range (bottom and top tick), the ticks and their labels, fitted to `values`."""
    lo = data.y_min if data.y_min is not None else min([0.0, *values])
    hi = data.y_max if data.y_max is not None else max([lo + 1.0, *values])
    # About one tick every other row, so that the labels sit evenly and never touch.
    most = max(2, (rows - 1) // 2 + 1)
    ticks = data.y_ticks or nice_ticks(lo, hi, most)
    if not data.y_ticks and data.y_max is not None:
        # A fixed top is a tick: the most round ticks that end on it, else just the two ends.
        fitting = (nice_ticks(lo, hi, n) for n in range(most, 1, -1))
        ticks = next((t for t in fitting if math.isclose(t[-1], hi)), (lo, hi))
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    return lo, hi, ticks, [_number(t) for t in ticks]


def _x_ticks(
    centres: Sequence[float],
    names: Sequence[str],
    steps: Sequence[int],
    columns: float,
    scale: float = 1.0,
) -> tuple[list[float], list[str]]:
    """Tick positions and labels for some of the `centres` (x values, `scale` columns apart per
    unit, on an axis `columns` wide): the newest always, then every k-th back from it, k the
    first of `steps` (or any k) that keeps the labels, centred on their ticks, apart. A label
    that would cross an end of the axis is moved inside it (the newest one, at the right end,
    moves left): k grows until none then touches its neighbour, and if none does, the ones that
    would are left out."""
    count = len(centres)
    if not count:
        return [], []
    longest = max(cell_len(name) for name in names)  # cells: a month name may be wide
    spacing = scale * (centres[-1] - centres[0]) / (count - 1) if count > 1 else 1.0
    least = math.ceil((longest + 3) / max(spacing, 1e-9))
    candidates = [step for step in steps if step >= least] or [least]
    picks: list[int] = []
    for k in candidates:
        picks, dropped = [], False
        left_edge = math.inf  # the left end of the newest label kept so far
        for p in range(count - 1, -1, -k):
            half = cell_len(names[p]) / 2
            left = min(max(centres[p] * scale - half, 0.0), columns - 2 * half)
            if left + 2 * half + 3 <= left_edge:
                picks.append(p)
                left_edge = left
            else:
                dropped = True
        if not dropped:
            break
    picks.reverse()
    return [centres[p] for p in picks], [names[p] for p in picks]


def _start_figure(plt: Any, width: int, height: int) -> Any:
    fig = plt.figure
    fig.clear()
    plt.terminal.limit(False, False)
    fig.plot_size(width, height)
    fig.theme("colorless")
    fig.axes(False, axis="both", side=1)  # no box on the top and right: calmer
    return fig


def _finish_figure(
    fig: Any,
    x_lim: tuple[float, float],
    x_ticks: tuple[list[float], list[str]],
    y_lim: tuple[float, float],
    y_ticks: tuple[Sequence[float], list[str]],
) -> str:
    fig.ruler("x").ticks(*x_ticks)
    fig.ruler("x").lim(*x_lim)
    fig.ruler("y").lim(*y_lim)
    fig.ruler("y").ticks(list(y_ticks[0]), y_ticks[1])
    text: str = fig.build().string()
    return text


def build_chart(data: ChartData, width: int, height: int) -> str:
    """Draw `data` in a `width` x `height` cell box; returns the chart as ANSI text.

    Series `i` is drawn in ANSI colour `i + 1`, the frame without colour (see the module docstring).
    Nothing is drawn past the box, and the newest value always sits on the x axis's last column.
    """
    width, height = max(12, width), max(4, height)
    if any(s.style == "bar" for s in data.series[:MAX_SERIES]):
        return _bar_chart(data, width, height)
    return _line_chart(data, width, height)


def _line_chart(data: ChartData, width: int, height: int) -> str:
    """One point per day while two days share a column at most (braille dots are half a column
    wide), else each column holds the mean of a run of days, the newest run last."""
    plt = load_plotext()
    series = data.series[:MAX_SERIES]
    values = [v for s in series for v in s.values if v is not None]
    lo, hi, y_ticks, y_labels = _y_axis(data, values, height - 2)
    canvas = width - (max(cell_len(label) for label in y_labels) + 1)
    count = len(data.labels)
    bounds = bucket_bounds(count, canvas if count > 2 * canvas else count)
    m = len(bounds)
    xs = [float(x) for x in range(m)]
    with _plot_lock:
        fig = _start_figure(plt, width, height)
        # Points first (fine braille dots), then lines over them: the average stays unbroken.
        for i, s in sorted(enumerate(series), key=lambda item: item[1].style != "points"):
            column = downsample(s.values, bounds, "mean")
            # Dotted: every other position (the newest always), so that gaps show between dots.
            every = 2 if s.style == "dotted" and m > 2 * canvas / 3 else 1
            kept = [
                (x, v) for x, v in zip(xs, column, strict=True) if (m - 1 - int(x)) % every == 0
            ]
            px = [x for x, v in kept if v is not None]
            py = [v for _, v in kept if v is not None]
            if not px:
                continue
            sig = fig.signal(px, py, marker=plt.marker("braille", plt.pixel(foreground=i + 1)))
            if s.style == "line":
                sig.lines()
            fig.draw(sig)
        names = [data.labels[end - 1] for _, end in bounds]
        return _finish_figure(
            fig,
            (0.0, float(max(1, m - 1))),
            _x_ticks(xs, names, _label_steps(data, bounds), canvas, (canvas - 1) / max(1, m - 1)),
            (lo, hi),
            (y_ticks, y_labels),
        )


#: A bar's glyph in a cell, by the halves of the cell it covers (left 1, right 2, both 3).
_HALVES = {1: "\u258c", 2: "\u2590", 3: "\u2588"}  # ▌ ▐ █
WEEK = 7


def _bar_chart(data: ChartData, width: int, height: int) -> str:
    """Stacked bars, one per day; whole weeks (each the mean per day) when a bar per day does
    not fit, and equal runs of days when even weeks do not. Bars are laid out in half columns,
    so that they are evenly spaced and fill the box: a bar is one or more half columns wide,
    with at least one half column between two bars."""
    plt = load_plotext()
    bars = [(i, s) for i, s in enumerate(data.series[:MAX_SERIES]) if s.style == "bar"]
    count = len(data.labels)
    runs = bucket_bounds(count, max(1, width - 7))  # a last resort, for a long series
    layouts = [
        ([(i, i + 1) for i in range(count)], list(data.labels)),
        (_week_bounds(count), [f"wk {data.labels[start]}" for start, _ in _week_bounds(count)]),
        (runs, [data.labels[start] for start, _ in runs]),
    ]
    for layout in layouts:
        bounds, names = layout
        columns = [downsample(s.values, bounds, data.bucket) for _, s in bars]
        totals = [sum(v or 0.0 for v in bar) for bar in zip(*columns, strict=True)]
        lo, hi, y_ticks, y_labels = _y_axis(data, totals, height - 2)
        canvas = width - (max(cell_len(label) for label in y_labels) + 1)
        if len(bounds) <= canvas:
            break
    m = len(bounds)
    halves = 2 * canvas
    # Half columns from one bar to the next, as even as whole half columns allow; a bar is about
    # three fifths of that, with at least one half column between two bars.
    spacing = halves / m
    bar_halves = max(1, min(math.floor(spacing) - 1, round(spacing * 0.6)))
    step = (halves - bar_halves) / (m - 1) if m > 1 else 0.0
    cells: list[dict[int, int]] = []  # each bar's cells, with the halves it covers in them
    for b in range(m):
        start = round(b * step)
        covered: dict[int, int] = {}
        for half in range(start, start + bar_halves):
            covered[half // 2] = covered.get(half // 2, 0) | (1 if half % 2 == 0 else 2)
        cells.append(covered)
    used = max(cells[-1]) + 1 if cells else 1
    centres = [(round(b * step) + bar_halves / 2) / 2 - 0.5 for b in range(m)]
    y_width = width - canvas

    with _plot_lock:
        fig = _start_figure(plt, y_width + used, height)
        # The whole stack first, then each lower part over it.
        tops = [0.0] * m
        stacks = []
        for (i, _), column in zip(bars, columns, strict=True):
            tops = [t + (v or 0.0) for t, v in zip(tops, column, strict=True)]
            stacks.append((i, list(tops)))
        for i, top in reversed(stacks):
            by_glyph: dict[str, tuple[list[float], list[float]]] = {}
            for b, covered in enumerate(cells):
                if top[b] <= 0:
                    continue
                for cell, halves in covered.items():
                    px, py = by_glyph.setdefault(_HALVES[halves], ([], []))
                    px.append(float(cell))
                    py.append(top[b])
            for glyph, (px, py) in by_glyph.items():
                sig = fig.signal(px, py, marker=plt.marker(glyph, plt.pixel(foreground=i + 1)))
                sig.fillx()
                fig.draw(sig)
        return _finish_figure(
            fig,
            (0.0, float(max(1, used - 1))),
            _x_ticks(centres, names, _label_steps(data, bounds), used),
            (lo, hi),
            (y_ticks, y_labels),
        )


def _label_steps(data: ChartData, bounds: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """The label steps of `data` in positions, as steps between the columns of `bounds` (the
    nearest whole number of columns when a column holds several positions)."""
    size = max(1, bounds[-1][1] - bounds[-1][0]) if bounds else 1
    return tuple(sorted({max(1, round(step / size)) for step in data.label_steps}))


def _week_bounds(count: int) -> list[tuple[int, int]]:
    """Runs of seven positions, the newest run ending with the last position."""
    return [(max(0, end - WEEK), end) for end in range(count, 0, -WEEK)][::-1]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
