"""The key bar: the screen's keys on one line; clicking one runs its action."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding

from widgets.key_bar import KeyBar


class Keys(App[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("l", "log", "Check-in", id="test.log"),
        Binding("x", "hidden", "Hidden", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.logged = 0

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def action_log(self) -> None:
        self.logged += 1


async def test_the_bar_shows_shown_keys_and_the_palette_key() -> None:
    app = Keys()
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        line = app.query_one(KeyBar).render_line(0).text
    assert "l Check-in" in line
    assert "Hidden" not in line
    assert "^p Commands" in line


async def test_a_keymap_moves_the_key_shown() -> None:
    app = Keys()
    async with app.run_test(size=(60, 3)) as pilot:
        app.set_keymap({"test.log": "c"})
        await pilot.pause()
        line = app.query_one(KeyBar).render_line(0).text
    assert "c Check-in" in line


async def test_clicking_a_key_runs_its_action() -> None:
    app = Keys()
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(2, 0))
        await pilot.pause()
    assert app.logged == 1
