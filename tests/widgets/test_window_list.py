"""The window list: any number of rows, only those in view drawn; the cursor skips headings."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from widgets.window_list import WindowList

ROWS = 30_000


class Rows(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[int] = []
        self.moves: list[int] = []

    def draw(self, row: int, width: int) -> Content:
        self.drawn.append(row)
        return Content(f"heading {row}" if row % 10 == 0 else f"row {row}")

    def compose(self) -> ComposeResult:
        yield WindowList(self.draw, lambda row: row % 10 != 0)

    def on_mount(self) -> None:
        rows = self.query_one(WindowList)
        rows.show(range(ROWS))
        rows.focus()

    def on_window_list_moved(self, event: WindowList.Moved) -> None:
        self.moves.append(event.index)


async def test_thirty_thousand_rows_draw_only_the_window() -> None:
    app = Rows()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        rows = app.query_one(WindowList)
        assert rows.cursor == 1  # the first heading is skipped
        assert max(app.drawn) < 10  # a screenful, not thirty thousand
        app.drawn.clear()
        await pilot.press("end")
        await pilot.pause()
        assert rows.cursor == ROWS - 1
        assert min(app.drawn) >= ROWS - 10 and len(set(app.drawn)) <= 10
        assert "row 29999" in str(rows.render())


async def test_the_cursor_skips_headings_and_stays_at_the_ends() -> None:
    app = Rows()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        rows = app.query_one(WindowList)
        await pilot.press(*["down"] * 9)
        assert rows.cursor == 11  # 10 is a heading
        await pilot.press("up", "home", "up")
        assert rows.cursor == 1
        assert app.moves[-1] == 1
        rows.move_to(20, -1)  # a heading: the nearest row, looking back
        assert rows.cursor == 19
        shown = [line.strip() for line in str(rows.render()).splitlines()]
        assert (shown[0], shown[-1]) == ("heading 10", "row 19")
