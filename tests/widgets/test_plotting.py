"""The chart maths and drawing behind the chart widget, in plain Python."""

from __future__ import annotations

import re

from widgets.drawing import build_chart
from widgets.plotting import (
    ChartData,
    Series,
    bucket_bounds,
    downsample,
    nice_ticks,
    rolling_mean,
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(text: str) -> list[str]:
    return ANSI.sub("", text).splitlines()


def test_a_rolling_average_skips_days_with_nothing_logged() -> None:
    assert rolling_mean([4, None, 6, None], 3) == (4.0, 4.0, 5.0, 6.0)


def test_a_rolling_average_forgets_values_older_than_its_window() -> None:
    assert rolling_mean([2, None, None, None], 2) == (2.0, 2.0, None, None)


def test_buckets_keep_the_newest_days_together_in_the_last_column() -> None:
    assert bucket_bounds(7, 3) == [(0, 1), (1, 4), (4, 7)]
    assert bucket_bounds(3, 10) == [(0, 1), (1, 2), (2, 3)]
    assert bucket_bounds(0, 5) == []


def test_a_bucket_of_pain_is_the_mean_of_the_days_logged() -> None:
    assert downsample([2, None, 4, None], [(0, 2), (2, 4)]) == [2.0, 4.0]
    assert downsample([None, None], [(0, 2)]) == [None]


def test_a_bucket_of_minutes_is_minutes_per_day_counting_empty_days_as_zero() -> None:
    assert downsample([10, None, 20, 30], [(0, 2), (2, 4)], "per_day") == [5.0, 25.0]


def test_ticks_are_round_numbers_covering_the_range() -> None:
    assert nice_ticks(0, 47, 4) == (0, 20, 40, 60)
    assert nice_ticks(0, 10, 3) == (0, 5, 10)


def test_the_top_tick_sits_just_above_the_longest_day() -> None:
    assert nice_ticks(0, 60, 3) == (0, 30, 60)  # not 0, 50, 100
    assert nice_ticks(0, 160, 3) == (0, 80, 160)
    assert nice_ticks(0, 7, 4) == (0, 3, 6, 9)  # whole minutes only


def test_a_line_chart_fits_its_box_and_draws_each_series_in_its_own_sentinel_colour() -> None:
    values = tuple(float(i % 10) for i in range(300))
    data = ChartData(
        labels=tuple(f"d{i}" for i in range(300)),
        series=(Series("pain", values, "points"), Series("average", rolling_mean(values, 7))),
        y_min=0,
        y_max=10,
    )
    text = build_chart(data, 50, 10)
    lines = plain(text)
    assert len(lines) == 10
    assert max(len(line) for line in lines) <= 50
    assert "\x1b[38;5;1m" in text and "\x1b[38;5;2m" in text


def test_stacked_bars_use_whole_numbers_on_the_axis() -> None:
    data = ChartData(
        labels=tuple(f"{i} Nov" for i in range(1, 29)),
        series=(
            Series("walk", tuple(30.0 if i % 2 else 0.0 for i in range(28)), "bar"),
            Series("snack", tuple(4.0 for _ in range(28)), "bar"),
        ),
        y_min=0,
        bucket="per_day",
    )
    lines = plain(build_chart(data, 60, 10))
    axis_labels = [line.split("┤")[0].strip() for line in lines if "┤" in line]
    assert axis_labels and all(label.isdigit() for label in axis_labels)
    assert "e" not in "".join(axis_labels)  # no 4e1-style labels


def four_weeks(minutes: dict[int, float]) -> ChartData:
    """28 days of walks, `minutes` by day index, the rest zero."""
    return ChartData(
        labels=tuple(f"{d} Nov" for d in range(1, 29)),
        series=(Series("walk", tuple(minutes.get(i, 0.0) for i in range(28)), "bar"),),
        y_min=0,
        bucket="per_day",
        label_steps=(7, 14, 28),
    )


def test_too_narrow_for_a_bar_a_day_the_chart_draws_whole_weeks_labelled_as_weeks() -> None:
    lines = plain(build_chart(four_weeks({i: 10.0 for i in range(28)}), 24, 8))
    assert "wk 22 Nov" in lines[-1]
    assert all(len(line) <= 24 for line in lines)
    axis_labels = [line.split("┤")[0].strip() for line in lines if "┤" in line]
    assert axis_labels[0] == "10"  # a week of 10 minutes a day is still 10 a day


def test_wide_enough_every_day_is_its_own_bar_and_the_newest_is_labelled() -> None:
    lines = plain(build_chart(four_weeks({0: 5.0, 27: 120.0}), 40, 8))
    assert lines[-1].rstrip().endswith("28 Nov")
    assert lines[0].startswith("120┤")
    assert lines[0].rstrip().endswith(("▌", "▐", "█"))  # today's bar reaches the top, last


def test_four_weeks_without_movement_are_nothing_to_draw() -> None:
    assert not four_weeks({}).has_values()  # the chart says its empty text instead of 0.5 ticks
    assert four_weeks({3: 2.0}).has_values()


def test_a_long_series_of_bars_still_fits_its_box() -> None:
    data = ChartData(
        labels=tuple(f"d{i}" for i in range(400)),
        series=(Series("walk", tuple(float(i % 50) for i in range(400)), "bar"),),
        y_min=0,
        bucket="per_day",
    )
    lines = plain(build_chart(data, 30, 8))
    assert len(lines) == 8 and all(len(line) <= 30 for line in lines)
    assert lines[-1].rstrip().endswith("d382")  # the newest run, labelled by its first day


def test_plotext_loads_without_the_parts_skipped_and_still_draws() -> None:
    """The one trick on plotext's own modules (`widgets.plotting._SKIPPED`: its documentation,
    built at import, ~70-100 ms, and its self-test runner): in a fresh interpreter, the skipped
    modules are our stand-ins and a chart still draws. If plotext comes to need them, this
    fails loudly (an import error or an empty chart), not her dashboard."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from widgets.plotting import _SKIPPED, ChartData, Series, load_plotext\n"
        "plt = load_plotext()\n"
        "assert all(getattr(sys.modules[name], '__file__', None) is None for name in _SKIPPED)\n"
        "from widgets.drawing import build_chart\n"
        "data = ChartData(labels=tuple(str(i) for i in range(10)), y_min=0, y_max=10,\n"
        "    series=(Series('pain', tuple(float(i % 7) for i in range(10))),))\n"
        "print(build_chart(data, 40, 8))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(plain(done.stdout)) >= 6 and "10" in done.stdout
