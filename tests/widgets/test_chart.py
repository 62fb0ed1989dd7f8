"""The chart widget: drawn lazily after the first frame, in the theme's colours."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from widgets.chart import Chart
from widgets.plotting import MAX_SERIES, ChartData, Series

DATA = ChartData(
    labels=tuple(f"{d} Nov" for d in range(1, 29)),
    series=(
        Series("[b]pain[/b]", tuple(float(d % 7) for d in range(28)), "points"),
        Series("average", tuple(3.0 for _ in range(28))),
    ),
    y_min=0,
    y_max=10,
)


class OneChart(App[None]):
    def __init__(self, data: ChartData | None) -> None:
        super().__init__()
        self.data = data
        self.drawn: list[Chart] = []

    def compose(self) -> ComposeResult:
        yield Chart(self.data)

    def on_chart_drawn(self, message: Chart.Drawn) -> None:
        self.drawn.append(message.chart)


async def wait_drawn(pilot: Pilot[None], chart: Chart) -> None:
    for _ in range(200):
        await pilot.pause(0.01)
        if chart.is_drawn:
            return
    raise AssertionError("the chart was never drawn")


async def test_the_chart_is_drawn_after_the_first_frame_and_says_so() -> None:
    app = OneChart(DATA)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        await pilot.pause()
        lines = [chart.render_line(y).text for y in range(12)]
    assert app.drawn == [chart]
    assert "10┤" in "".join(lines)
    assert any("\u2800" < ch <= "\u28ff" for line in lines for ch in line)  # braille dots


async def test_legend_names_are_shown_literally() -> None:
    app = OneChart(DATA)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        assert "[b]pain[/b]" in chart.render_line(0).text


async def test_series_follow_the_theme_colours() -> None:
    app = OneChart(DATA)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        primary = app.current_theme.primary.lower()
        styles = {
            str(s.style.color.triplet.hex)
            for y in range(12)
            for s in chart.render_line(y)
            if s.style and s.style.color and s.style.color.triplet
        }
        assert primary in styles
        app.theme = "textual-light"
        await pilot.pause()
        light = app.current_theme.primary.lower()
        styles = {
            str(s.style.color.triplet.hex)
            for y in range(12)
            for s in chart.render_line(y)
            if s.style and s.style.color and s.style.color.triplet
        }
    assert light in styles


async def test_a_chart_with_nothing_to_draw_says_so_in_words() -> None:
    empty = ChartData(
        labels=("1 Nov",), series=(Series("pain", (None,)),), empty_text="Nothing yet."
    )
    app = OneChart(empty)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        assert app.query_one(Chart).render_line(0).text.startswith("Nothing yet.")


def test_the_chart_has_a_colour_for_every_series_plotting_draws() -> None:
    assert len(Chart.COMPONENT_CLASSES) == MAX_SERIES


KINDS = ChartData(
    labels=tuple(f"{d} Nov" for d in range(1, 8)),
    series=(
        Series("walk", (20.0, 0, 0, 30.0, 0, 0, 25.0), "bar"),
        Series("strength", (0.0,) * 7, "bar"),  # not done this week
        Series("snack", (4.0, 3.0, 0, 0, 5.0, 0, 2.0), "bar"),
    ),
    y_min=0,
    bucket="per_day",
)


class Shaded(OneChart):
    """Series told apart by lightness alone, as in a theme of one grey."""

    CSS = """
    Chart > .chart--series-1 { color: $foreground 90%; }
    Chart > .chart--series-3 { color: $foreground 40%; }
    """


async def test_the_legend_names_only_what_the_chart_shows_each_in_its_own_mark() -> None:
    app = OneChart(KINDS)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        assert chart.render_line(0).text.rstrip() == "█ walk   █ snack"
    dotted = ChartData(("1 Nov",), (Series("sleep", (3.0,)), Series("mood", (4.0,), "dotted")))
    app = OneChart(dotted)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        assert chart.render_line(0).text.rstrip() == "─ sleep   ┈ mood"


async def test_series_can_differ_in_lightness_alone() -> None:
    app = Shaded(KINDS)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        legend = chart.render_line(0)
        walk, snack = (s.style.color for s in legend if s.text == "█ " and s.style)
    assert walk is not None and snack is not None and walk != snack
    assert sum(walk.get_truecolor()) > sum(snack.get_truecolor())  # walk lighter


async def test_a_narrow_chart_draws_its_legend_closer_and_never_wraps_a_line() -> None:
    four = ChartData(
        labels=KINDS.labels,
        series=(*KINDS.series, Series("stretch", (5.0,) * 7, "bar")),
        y_min=0,
        bucket="per_day",
    )
    app = OneChart(four)
    async with app.run_test(size=(26, 10)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        lines = [chart.render_line(y).text.rstrip() for y in range(10)]
    assert lines[0] == "█ walk █ snack █ stretch"
    assert "└" in lines[-2] and lines[-1].endswith("7 Nov")  # the x labels still on screen


async def test_a_one_shot_render_counts_the_chart_drawn_once_it_is_painted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A screenshot draws each chart as it is painted; waiting for another frame to say so
    # cost ~15 ms of every `gentle screenshot`.
    monkeypatch.setattr(Chart, "draw_in_thread", False)
    drawn_when_painted: list[bool] = []
    paint = Chart.render

    def render(self: Chart) -> Text:
        out = paint(self)
        drawn_when_painted.append(self.is_drawn)
        return out

    monkeypatch.setattr(Chart, "render", render)
    app = OneChart(DATA)
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(Chart)
        await wait_drawn(pilot, chart)
        assert "10┤" in "".join(chart.render_line(y).text for y in range(12))
    assert drawn_when_painted[0] is True
