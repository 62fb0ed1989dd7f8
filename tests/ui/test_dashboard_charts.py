"""The dashboard's charts tell the truth at every width: a day of 120 minutes among the demo life,
drawn at 60, 80, 120 and 200 columns (issue 10, item 3)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from demo_life import DEMO_SEED, TODAY

from tui.app import GentleApp
from tui.core.demo import generate
from tui.core.goals import sessions_between
from tui.core.models import Journal, Session
from tui.screens.dashboard_data import short_date
from tui.screenshot import wait_until_drawn
from tui.store import Store
from widgets.chart import Chart

SIZES = [(60, 30), (80, 24), (120, 40), (200, 50)]
#: Each half of a cell a bar glyph fills (left, right).
HALVES = {"█": (1, 1), "▌": (1, 0), "▐": (0, 1)}


def ids(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


async def chart_lines(store: Store, size: tuple[int, int]) -> dict[str, list[str]]:
    """Every chart's lines as drawn on the dashboard at `size`."""
    app = GentleApp(store)
    async with app.run_test(size=size) as pilot:
        await wait_until_drawn(pilot)
        found = {}
        for chart in app.screen.query(Chart):
            width, height = chart.content_size
            lines = [chart.render_line(y).text for y in range(height)]  # inside the panel
            assert all(len(line) <= width for line in lines)
            found[chart.id or ""] = [line.rstrip() for line in lines]
        return found


def bars_in(row: str) -> int:
    """How many bars a chart row holds: runs of filled half cells."""
    halves = [h for cell in row for h in HALVES.get(cell, (0, 0))]
    return sum(1 for i, h in enumerate(halves) if h and (i == 0 or not halves[i - 1]))


def plot_rows(lines: list[str]) -> tuple[list[str], str, str]:
    """The rows above the x axis (the legend left out), the axis, the x labels."""
    axis = next(i for i, line in enumerate(lines) if "└" in line)
    assert axis == len(lines) - 2, "the x labels are the last line, right under the axis"
    return lines[1:axis], lines[axis], lines[axis + 1]


@pytest.fixture(scope="module")
def twenty_years() -> Journal:
    return generate(7300, DEMO_SEED, TODAY)


@pytest.fixture(params=["120 days", "twenty years"])
def long_walk(
    request: pytest.FixtureRequest, db_path: Path, demo_journal: Journal, twenty_years: Journal
) -> Store:
    """Her life (the demo's 120 days, or twenty years) with a 120-minute walk today."""
    store = Store.open(db_path)
    store.replace_journal(twenty_years if request.param == "twenty years" else demo_journal)
    store.add_session(Session(date=TODAY, kind="walk", minutes=120))
    return store


@pytest.mark.parametrize("size", SIZES, ids=ids)
async def test_the_movement_chart_draws_one_bar_a_day_under_ticks_that_fit(
    long_walk: Store, size: tuple[int, int]
) -> None:
    journal = long_walk.journal()
    first = TODAY - timedelta(days=27)
    sessions = sessions_between(journal, first, TODAY + timedelta(days=1))
    days_moved = {s.date for s in sessions}
    top_day = max(
        sum(s.minutes for s in sessions if s.date == day) for day in days_moved
    )  # today: the walk and whatever the demo did
    lines = (await chart_lines(long_walk, size))["move-chart"]

    rows, axis, labels = plot_rows(lines)
    assert lines[0].startswith("█ walk")
    # y ticks: round numbers, the top one at or just above the longest day.
    ticks = [int(row.split("┤")[0]) for row in rows if "┤" in row]
    assert ticks == sorted(ticks, reverse=True) and ticks[-1] == 0
    assert top_day <= ticks[0] < 2 * top_day
    # One bar a day: as many bars on the bottom row as days she moved, the newest last.
    assert bars_in(rows[-1]) == len(days_moved)
    assert max(len(row) for row in rows) <= len(axis)
    # Every row starts at the y axis: nothing wrapped onto the next line.
    assert all(("┤" in row or "│" in row) for row in rows)
    # Dated labels, today's last and at the end of the axis.
    assert labels.split()[-2:] == short_date(TODAY).split()
    assert len(labels) == len(axis)


@pytest.mark.parametrize("size", SIZES, ids=ids)
async def test_trend_charts_draw_their_last_days_inside_the_axis(
    long_walk: Store, size: tuple[int, int]
) -> None:
    charts = await chart_lines(long_walk, size)
    for name in ("pain-chart", "sleep-chart"):
        rows, axis, labels = plot_rows(charts[name])
        assert max(len(row) for row in rows) <= len(axis), name
        assert axis.endswith("┬"), name  # a tick on the newest day, at the axis's end
        assert labels.endswith(short_date(TODAY)), name
        assert all(("┤" in row or "│" in row) for row in rows), name
