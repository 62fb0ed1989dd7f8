"""Goal bars: figures, a bar that fills, and names shown exactly as typed."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from widgets.goal_bar import GoalBar, GoalBars, Progress


class Bars(App[None]):
    def __init__(self, *widgets: GoalBar | GoalBars) -> None:
        super().__init__()
        self._widgets = widgets

    def compose(self) -> ComposeResult:
        yield from self._widgets


def test_figures_say_done_of_target_with_the_unit() -> None:
    assert Progress("Walks", 2, 3, "times").figures() == "2 of 3 times"
    assert Progress("Minutes", 45.5, 90, "min").figures() == "45.5 of 90 min"


def test_a_goal_with_no_target_left_after_rest_counts_as_reached() -> None:
    assert Progress("Walks", 0, 0).reached is False
    assert Progress("Walks", 0, 0).fraction == 1.0


async def test_a_goal_named_like_markup_is_shown_as_typed() -> None:
    name = "[b]Lower[/b] Body [/]"
    app = Bars(GoalBars((Progress(name, 1, 2, "times", "1 rest day"),)))
    async with app.run_test(size=(60, 6)):
        bars = app.query_one(GoalBars)
        lines = [bars.render_line(y).text for y in range(2)]
    assert lines[0].startswith(name)
    assert "1 of 2 times" in lines[0]
    assert lines[1].rstrip().endswith("1 rest day")


async def test_half_done_fills_half_the_bar() -> None:
    app = Bars(GoalBar(Progress("Walks", 1, 2, "times")))
    async with app.run_test(size=(40, 4)):
        bar = app.query_one(GoalBar)
        segments = list(bar.render_line(1))
    first = segments[0].style
    assert first is not None
    done = sum(
        len(s.text) for s in segments if s.style is not None and s.style.color == first.color
    )
    assert done == 20


async def test_no_goals_shows_the_empty_text() -> None:
    app = Bars(GoalBars((), empty_text="No weekly goals yet."))
    async with app.run_test(size=(40, 4)):
        assert app.query_one(GoalBars).render_line(0).text.startswith("No weekly goals yet.")


WIDE_NAMES = [
    "🚶 Walks in the park 🌳",  # emoji: two cells each
    "散歩",  # CJK: two cells a character
    "Cafe\u0301 stretches",  # a combining accent: no cell of its own
    "毎日のストレッチと散歩とヨガの目標です",  # too long even for the panel: cut with "…"
]


async def test_names_in_any_script_keep_the_figures_at_the_right_edge() -> None:
    progress = tuple(Progress(name, 1, 2, "times", "1 rest day") for name in WIDE_NAMES)
    app = Bars(GoalBars(progress))
    async with app.run_test(size=(40, 10)):
        bars = app.query_one(GoalBars)
        width = bars.content_size.width
        lines = [bars.render_line(y).text for y in range(2 * len(WIDE_NAMES))]
    tops, bottoms = lines[::2], lines[1::2]
    for name, top in zip(WIDE_NAMES, tops, strict=True):
        assert cell_len(top) == width, name
        assert top.endswith(" 1 of 2 times"), name
    assert tops[0].startswith(WIDE_NAMES[0]) and tops[2].startswith(WIDE_NAMES[2])
    assert "…" in tops[3] and cell_len(tops[3].split(" 1 of 2")[0]) <= width - 13
    for bottom in bottoms:
        assert bottom.rstrip().endswith("━  1 rest day")


async def test_goals_beyond_the_box_take_one_line_each_then_are_counted() -> None:
    progress = tuple(Progress(f"Goal {i}", i, 4, "times") for i in range(1, 9))
    bars = GoalBars(progress)
    bars.styles.height = 6
    app = Bars(bars)
    async with app.run_test(size=(40, 10)):
        lines = [bars.render_line(y).text.rstrip() for y in range(6)]
    assert [line.split()[:2] for line in lines[:5]] == [["Goal", str(i)] for i in range(1, 6)]
    assert all(line.endswith(f"{i} of 4 times") for i, line in enumerate(lines[:5], 1))
    assert all("━" in line for line in lines[:5])
    assert lines[5] == "… 3 more"
