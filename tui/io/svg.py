"""Small inline SVG charts for the clinician report: plain shapes, no scripts, nothing fetched.

Colours are calm and stay distinct in greyscale print; every chart carries a <title> for
screen readers. Labels are escaped here, so callers may pass her own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from msgspec import Struct

INK = "#2f3e55"
MUTED = "#6b7686"
GRID = "#e3e7ec"
BAND = "#d9e2ee"
POINT = "#5b6f8a"
REST = "#efe9f5"
LONG_DAYS = 190  # beyond about six months a chart shows weekly means, not single days
KIND_COLOURS = {
    "walk": "#6a9a7b",
    "strength": "#4f74a0",
    "stretch": "#b08fb8",
    "snack": "#d3b069",
    "other": "#a3a3a3",
}


class WeekBand(Struct, frozen=True):
    """One week of daily values: where the band and the mean line go."""

    start: date
    mean: float
    low: float
    high: float


class _Frame(Struct, frozen=True):
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    x0: float
    x1: float
    y0: float
    y1: float

    def x(self, value: float) -> float:
        span = (self.x1 - self.x0) or 1
        return self.left + (value - self.x0) / span * (self.width - self.left - self.right)

    def y(self, value: float) -> float:
        span = (self.y1 - self.y0) or 1
        return (
            self.height
            - self.bottom
            - (value - self.y0) / span * (self.height - self.top - self.bottom)
        )


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(frame: _Frame, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {_n(frame.width)} {_n(frame.height)}" width="100%" '
        f'font-family="inherit" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]


def _y_axis(frame: _Frame, ticks: Sequence[float], unit: str = "") -> list[str]:
    out = []
    for tick in ticks:
        y = _n(frame.y(tick))
        out.append(
            f'<line x1="{_n(frame.left)}" x2="{_n(frame.width - frame.right)}" y1="{y}" y2="{y}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_n(frame.left - 6)}" y="{y}" dy="0.35em" text-anchor="end" '
            f'fill="{MUTED}">{_n(tick)}{escape(unit)}</text>'
        )
    return out


def _week_labels(frame: _Frame, starts: Sequence[date], x_of: dict[date, float]) -> list[str]:
    out = []
    step = max(1, len(starts) // 8)  # at most about eight labels, whatever the period
    long = len(starts) > 1 and (starts[-1] - starts[0]).days > 180
    fmt = "%b %Y" if long else "%d %b"
    for i, start in enumerate(starts):
        if i % step or x_of[start] > frame.width - frame.right - 30:  # no clipped last label
            continue
        out.append(
            f'<text x="{_n(x_of[start])}" y="{_n(frame.height - frame.bottom + 16)}" '
            f'fill="{MUTED}">{start.strftime(fmt)}</text>'
        )
    return out


def daily_chart(
    title: str,
    first: date,
    last: date,
    values: dict[date, float],
    weeks: Sequence[WeekBand],
    y_range: tuple[float, float],
    ticks: Sequence[float],
    rest_days: Sequence[date] = (),
    unit: str = "",
) -> str:
    """Daily values as points joined by a thin line (broken where a day has none), each week's
    range as a pale band and its mean as a dark bar; rest (flare) days shaded."""
    n_days = (last - first).days + 1
    frame = _Frame(760, 220, 40, 12, 12, 30, 0, n_days, *y_range)
    out = _open(frame, title)
    for day in rest_days:
        i = (day - first).days
        if 0 <= i < n_days:
            out.append(
                f'<rect class="rest" x="{_n(frame.x(i))}" y="{_n(frame.top)}" '
                f'width="{_n(frame.x(i + 1) - frame.x(i))}" '
                f'height="{_n(frame.height - frame.top - frame.bottom)}" fill="{REST}"/>'
            )
    out += _y_axis(frame, ticks, unit)
    long = n_days > LONG_DAYS  # years of days: weekly means as a line, no single days
    means = []
    for week in weeks:
        a = max(0, (week.start - first).days)
        b = min(n_days, (week.start - first).days + 7)
        x, w = frame.x(a), frame.x(b) - frame.x(a)
        top, bottom = frame.y(week.high), frame.y(week.low)
        out.append(
            f'<rect class="range" x="{_n(x)}" y="{_n(top)}" width="{_n(w)}" '
            f'height="{_n(max(bottom - top, 1.5))}" fill="{BAND}"/>'
        )
        y = _n(frame.y(week.mean))
        if long:
            means.append(f"{_n(x + w / 2)},{y}")
            continue
        out.append(
            f'<line class="mean" x1="{_n(x + 1)}" x2="{_n(x + w - 1)}" y1="{y}" y2="{y}" '
            f'stroke="{INK}" stroke-width="2.5"/>'
        )
    if means:
        out.append(
            f'<polyline class="mean" points="{" ".join(means)}" fill="none" stroke="{INK}" '
            f'stroke-width="1.5"/>'
        )
    runs: list[list[str]] = []
    previous: date | None = None
    shown = {} if long else values
    for day in sorted(d for d in shown if first <= d <= last):
        point = f"{_n(frame.x((day - first).days + 0.5))},{_n(frame.y(shown[day]))}"
        if previous is None or (day - previous).days > 1:
            runs.append([])
        runs[-1].append(point)
        previous = day
    for run in runs:
        if len(run) > 1:
            out.append(
                f'<polyline points="{" ".join(run)}" fill="none" stroke="{POINT}" '
                f'stroke-width="1" stroke-opacity="0.6"/>'
            )
        for point in run:
            cx, cy = point.split(",")
            out.append(f'<circle class="day" cx="{cx}" cy="{cy}" r="2" fill="{POINT}"/>')
    starts = [first + timedelta(days=i) for i in range(0, n_days, 7)]
    x_of = {s: frame.x(max(0, (s - first).days)) for s in starts}
    out += _week_labels(frame, starts, x_of)
    out.append("</svg>")
    return "".join(out)


def weekly_stacked_bars(
    title: str,
    starts: Sequence[date],
    minutes: Sequence[dict[str, int]],
    kinds: Sequence[str],
) -> str:
    """Minutes per week as bars stacked by kind, with a legend."""
    top_value = max([sum(m.values()) for m in minutes] + [30])
    ceiling = _nice_ceiling(top_value)
    frame = _Frame(760, 240, 44, 12, 28, 30, 0, max(1, len(starts)), 0, ceiling)
    out = _open(frame, title)
    out += _y_axis(frame, [ceiling * i / 4 for i in range(5)])
    slot = (frame.x(1) - frame.x(0)) if starts else 0
    for i, week in enumerate(minutes):
        base = 0.0
        x = frame.x(i) + slot * 0.15
        for kind in kinds:
            value = week.get(kind, 0)
            if not value:
                continue
            y_top, y_base = frame.y(base + value), frame.y(base)
            out.append(
                f'<rect class="bar {kind}" x="{_n(x)}" y="{_n(y_top)}" width="{_n(slot * 0.7)}" '
                f'height="{_n(y_base - y_top)}" fill="{KIND_COLOURS.get(kind, MUTED)}">'
                f"<title>{escape(kind)}: {value} min</title></rect>"
            )
            base += value
    x_of = {s: frame.x(i) + slot * 0.15 for i, s in enumerate(starts)}
    out += _week_labels(frame, list(starts), x_of)
    legend_x = frame.left
    for kind in kinds:
        out.append(
            f'<rect x="{_n(legend_x)}" y="6" width="10" height="10" '
            f'fill="{KIND_COLOURS.get(kind, MUTED)}"/>'
            f'<text x="{_n(legend_x + 14)}" y="15" fill="{INK}">{escape(kind)}</text>'
        )
        legend_x += 24 + 7 * len(kind)
    out.append("</svg>")
    return "".join(out)


def _nice_ceiling(value: float) -> float:
    for step in (10, 20, 30, 50, 60, 100, 120, 150, 200, 300, 500, 600, 1000, 1500, 2000):
        if value <= step * 4:
            return float(step * 4)
    return float((int(value) // 1000 + 1) * 1000)


def days_between(first: date, last: date) -> list[date]:
    """Every date from `first` to `last`, inclusive."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def weekly_points(
    title: str,
    starts: Sequence[date],
    values: dict[date, float],
    y_range: tuple[float, float],
    ticks: Sequence[float],
    reference: tuple[float, str] | None = None,
) -> str:
    """One value per week as points joined by a line (weeks without one are skipped), with an
    optional dashed reference line and its label."""
    frame = _Frame(760, 180, 40, 12, 12, 30, 0, max(1, len(starts)), *y_range)
    out = _open(frame, title)
    out += _y_axis(frame, ticks)
    if reference is not None:
        level, label = reference
        y = _n(frame.y(level))
        out.append(
            f'<line class="reference" x1="{_n(frame.left)}" x2="{_n(frame.width - frame.right)}" '
            f'y1="{y}" y2="{y}" stroke="{MUTED}" stroke-width="1" stroke-dasharray="4 3"/>'
            f'<text x="{_n(frame.left + 4)}" y="{_n(frame.y(level) - 4)}" fill="{MUTED}" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(label)}</text>'
        )
    points = [
        f"{_n(frame.x(i + 0.5))},{_n(frame.y(values[s]))}"
        for i, s in enumerate(starts)
        if s in values
    ]
    if len(points) > 1:
        out.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{INK}" stroke-width="1.5"/>'
        )
    for point in points:
        cx, cy = point.split(",")
        out.append(f'<circle class="week" cx="{cx}" cy="{cy}" r="3" fill="{INK}"/>')
    x_of = {s: frame.x(i + 0.5) for i, s in enumerate(starts)}
    out += _week_labels(frame, list(starts), x_of)
    out.append("</svg>")
    return "".join(out)
