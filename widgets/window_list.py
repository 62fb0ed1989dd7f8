"""A list of any length that draws only the rows in view (twenty years of entries open at once).

`WindowList` holds a sequence of rows and a function that draws one row as a line of `Content`.
Each frame it draws the rows of its window, no more: a list of 30,000 rows costs what a list of
30 does. Some rows can be headings the cursor skips (`selectable`). The arrows, `home` and `end`
move the cursor; whoever owns the list moves it further with `move_to`. They are priority keys:
each runs as it arrives, in order with the owner's own priority keys (a burst of typing such as
`down down e` edits the row two down). It says where the cursor
went with `WindowList.Moved`. It knows nothing of what its rows are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

RowT = TypeVar("RowT")


class WindowList(Widget, Generic[RowT], can_focus=True):
    """Rows drawn a window at a time, with a cursor on the selectable ones."""

    DEFAULT_CSS = """
    WindowList {
        height: 1fr;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "step(1)", "Down", show=False, priority=True),
        Binding("up", "step(-1)", "Up", show=False, priority=True),
        Binding("home", "first", "First", show=False, priority=True),
        Binding("end", "last", "Last", show=False, priority=True),
    ]

    #: The style of the row under the cursor.
    CURSOR_STYLE = "bold $block-cursor-foreground on $block-cursor-background"

    class Moved(Message):
        """The cursor moved to another row (`index` into the rows)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self,
        draw: Callable[[RowT, int], Content],
        selectable: Callable[[RowT], bool] = lambda _: True,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.draw = draw  # (row, width) -> one line
        self.selectable = selectable
        self.rows: Sequence[RowT] = ()
        self.cursor = -1  # -1: no selectable row
        self.top = 0  # the first row in view

    # -- what it shows -------------------------------------------------------------------------

    def show(self, rows: Sequence[RowT], cursor: int = 0) -> None:
        """Show these rows, the cursor on `cursor` (or the nearest selectable row)."""
        self.rows = rows
        self.cursor = -1
        self.move_to(cursor)
        self.refresh()

    @property
    def window_height(self) -> int:
        """How many rows fit in view."""
        return max(1, self.content_size.height)

    def render(self) -> Content:
        width = max(1, self.content_size.width)
        self._keep_cursor_in_view()
        lines = []
        for index in range(self.top, min(len(self.rows), self.top + self.window_height)):
            line = self.draw(self.rows[index], width).truncate(width, ellipsis=True, pad=True)
            if index == self.cursor and self.has_focus:
                line = line.stylize(self.CURSOR_STYLE)
            elif index == self.cursor:
                line = line.stylize("bold")
            lines.append(line)
        return Content("\n").join(lines)

    def _keep_cursor_in_view(self) -> None:
        height = self.window_height
        if self.cursor < 0:
            self.top = max(0, min(self.top, len(self.rows) - height))
            return
        # The row above the cursor stays in view when it is a heading (its day, say).
        above = (
            self.cursor - 1
            if self.cursor and not self.selectable(self.rows[self.cursor - 1])
            else self.cursor
        )
        if above < self.top:
            self.top = above
        elif self.cursor >= self.top + height:
            self.top = self.cursor - height + 1
        self.top = max(0, min(self.top, max(0, len(self.rows) - height)))

    # -- moving --------------------------------------------------------------------------------

    def move_to(self, index: int, step: int = 1) -> None:
        """Put the cursor on row `index`, or the nearest selectable row (first looking `step`)."""
        if not self.rows:
            self.cursor = -1
            return
        index = max(0, min(index, len(self.rows) - 1))
        found = self._selectable_from(index, step)
        if found is None:
            found = self._selectable_from(index, -step)
        if found is None or found == self.cursor:
            if found is None:
                self.cursor = -1
            return
        self.cursor = found
        self._keep_cursor_in_view()
        self.refresh()
        self.post_message(self.Moved(found))

    def _selectable_from(self, index: int, step: int) -> int | None:
        while 0 <= index < len(self.rows):
            if self.selectable(self.rows[index]):
                return index
            index += step
        return None

    def action_step(self, delta: int) -> None:
        """The next (1) or previous (-1) selectable row; stays put at either end."""
        found = self._selectable_from(self.cursor + delta, delta)
        if found is not None:
            self.move_to(found, delta)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1, -1)

    # -- the mouse -----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        index = self.top + event.y
        if 0 <= index < len(self.rows) and self.selectable(self.rows[index]):
            self.move_to(index)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_step(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_step(-1)

    def on_focus(self, _: Any) -> None:
        self.refresh()

    def on_blur(self, _: Any) -> None:
        self.refresh()
