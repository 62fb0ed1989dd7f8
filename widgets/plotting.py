"""Chart data, its maths, and the loading of plotext behind `widgets.chart.Chart`.

Nothing here imports Textual or plotext at module level: plotext (about 60-130 ms to import) is
loaded on first use, off the path to the first frame, from a worker thread.

Series are drawn in *sentinel* colours (ANSI 1..6, one per series); the widget maps them to its
theme's colours when it renders, so a theme change recolours a chart without drawing it again.
"""

from __future__ import annotations

import math
import sys
import types
from collections.abc import Sequence
from typing import Any, Literal

from msgspec import Struct

#: `line`: points joined; `dotted`: a point per position, not joined (a second line that must
#: stay apart from the first where the theme gives both one colour); `points`: scattered values;
#: `bar`: stacked bars.
SeriesStyle = Literal["line", "dotted", "points", "bar"]

#: The most series one chart draws (one sentinel colour each).
MAX_SERIES = 6


class Series(Struct, frozen=True):
    """One named sequence of values, one per x label; None where nothing was recorded."""

    name: str
    values: tuple[float | None, ...]
    style: SeriesStyle = "line"


class ChartData(Struct, frozen=True):
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
    y_ticks: tuple[float, ...] = ()
    #: Preferred steps between two x labels, in positions (days: a week, two, four).
    label_steps: tuple[int, ...] = ()

    def has_values(self) -> bool:
        """Whether any series holds at least one value (a bar, one above zero)."""
        return any(
            bool(v) if s.style == "bar" else v is not None for s in self.series for v in s.values
        )


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


#: Tick steps are these times a power of ten (the in-between ones let an axis end close above
#: the data).
_STEPS = (1, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_ticks(lo: float, hi: float, most: int) -> tuple[float, ...]:
    """At most `most` round tick values from `lo` up to the first at or above `hi`.

    The step is the smallest round one (1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) that
    covers the range in that many ticks, so the top tick sits just above the data (0-20-40-60
    for 60, not 0-50-100). Whole steps only for a range of 2 or more.
    """
    most = max(2, most)
    span = max(hi - lo, 1e-9)
    raw = span / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    steps = [m * power for m in _STEPS]
    if span >= 2:
        steps = [max(1.0, float(round(step))) for step in steps if step >= 1 and step % 1 == 0]
        steps = steps or [1.0]
    ticks: list[float] = []
    for step in [s for s in steps if s >= raw - 1e-9] or steps[-1:]:
        ticks = [math.floor(lo / step + 1e-9) * step]
        while ticks[-1] < hi - 1e-9:
            ticks.append(ticks[-1] + step)
        if len(ticks) <= most:
            break
    return tuple(round(t, 6) for t in ticks)


_plotext: Any = None


#: Parts of plotext its package imports eagerly that a chart never uses: its interactive
#: documentation (built at import: ~70-100 ms) and its self-test runner (imports unittest). The
#: only trick on plotext's own (private) modules; tests/widgets/test_plotting.py loads plotext so
#: in a fresh interpreter and draws a chart, and fails if plotext comes to need them.
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
