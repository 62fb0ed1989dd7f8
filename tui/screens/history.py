"""Her history: every day newest first, its check-in and sessions a line each, to fix or remove.

`h` opens it (a mode of its own, like goals). The arrows move from entry to entry, `pageup` and
`pagedown` a week, `home` and `end` to the newest and oldest. `enter` or `e` opens the entry in
the form she logged it with, filled in; saving changes that entry (`Store.edit_entry`), keeping
its id. `x` asks once, naming the entry, then deletes it. `u` (the app's) takes the last change
back. Every write ends in `JournalChanged`, so the dashboard and goals follow at once.

Only the lines in view are drawn (`widgets.window_list`): twenty years open as quickly as a week.
Her words (routines, places, notes) are shown literally (`literal`), never as markup.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from tui.core.changes import summary
from tui.core.dates import today
from tui.core.history import Entry, describe, line
from tui.core.ids import short_id
from tui.core.models import Checkin
from tui.core.text import shown
from tui.messages import JournalChanged
from tui.screens.confirm import Confirm
from tui.screens.form import describe_day, literal
from widgets.key_bar import KeyBar
from widgets.window_list import WindowList

if TYPE_CHECKING:
    from tui.core.models import Journal
    from tui.store import Store

#: What the help screen says of this screen's keys (beside its bindings, so they stay in step).
HELP_ROWS = (
    ("↑ ↓", "the next or previous entry (pgup, pgdn: a week; home, end: newest, oldest)"),
    ("enter, e", "open the entry in its own form to fix it ([ ] move it to another day)"),
    ("x", "delete it: y or enter to confirm, any other key keeps it"),
    ("escape", "back to the dashboard"),
)

EMPTY = "Nothing logged yet. l logs a check-in, m some movement: they will be listed here."


class Row(NamedTuple):
    """One line of the list: a day's heading (`entry` None) or one of its entries."""

    day: int  # index into the screen's days
    entry: Entry | None


def is_entry(row: Row) -> bool:
    return row.entry is not None


class OneKeyConfirm(Confirm):
    """Yes with `y` or `enter`; any other key is no. `on_yes` runs as the key is handled, before
    any key typed after it (a result callback would run later: `y u` must undo this delete).
    The keys typed after the answer wait until the dialog has closed (see `Confirm`): typed into
    it as it closed, a digit for the form that the next key opens was lost (`x y l 2 enter`)."""

    def __init__(self, question: Content, keys: str, on_yes: Callable[[], object]) -> None:
        super().__init__(question, keys)
        self.on_yes = on_yes

    def holds_keys_after(self, key: str) -> bool:
        return self.is_current  # any key answers

    def on_key(self, event: events.Key) -> None:
        if not self.is_current:
            return  # answered already: a key typed after the answer is for the screen beneath
        event.stop()
        event.prevent_default()
        yes = event.key in ("y", "enter")
        if yes:
            self.on_yes()
        self.dismiss(yes)


class HistoryScreen(Screen[None]):
    """Her entries by day, newest first; edit, delete and undo from here."""

    DEFAULT_CSS = """
    HistoryScreen #history-title {
        height: 1;
        padding: 0 1;
        color: $foreground-muted;
        background: $surface;
    }
    HistoryScreen #history-list { margin: 1 0 0 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority keys, as the list's: each runs in the order typed, and a form opened by one
        # is ready before the next key (typed ahead) arrives, so that key lands in the form.
        Binding("enter,e", "edit", "Edit", key_display="enter", priority=True),
        Binding("x", "delete", "Delete", priority=True),
        Binding("pagedown", "week(1)", "Week back", show=False, priority=True),
        Binding("pageup", "week(-1)", "Week on", show=False, priority=True),
        Binding("escape", "app.dashboard", "Back", priority=True),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._shown: Journal | None = None
        self.days: list[date] = []
        self.rows: list[Row] = []
        self._first_rows: list[int] = []  # each day's first entry row
        self._day_keys: list[int] = []  # -ordinal of each day (ascending, for bisect)

    def compose(self) -> ComposeResult:
        yield Static("", id="history-title", markup=False)
        yield WindowList(self._draw, is_entry, id="history-list")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.query("#history-list"):
            return  # taken apart before its mount was handled: the app closing (seen in tmux)
        self.load()
        self.entries.focus()

    @property
    def entries(self) -> WindowList[Row]:
        return self.query_one("#history-list", WindowList)

    # -- reading -------------------------------------------------------------------------------

    def load(self, keep: str | None = None) -> None:
        """Read the history again; the cursor stays on entry `keep` (by id) if it is still there."""
        journal = self.store.journal()
        self._shown = journal
        history = self.store.history()
        index = self.entries.cursor
        self.days, self.rows, self._first_rows = [], [], []
        for number, (day, entries) in enumerate(history):
            self.days.append(day)
            self.rows.append(Row(number, None))
            self._first_rows.append(len(self.rows))
            for entry in entries:
                if keep is not None and entry.id == keep:
                    index = len(self.rows)
                self.rows.append(Row(number, entry))
        self._day_keys = [-day.toordinal() for day in self.days]
        self.entries.show(self.rows, max(index, 0))
        self._show_title()

    def _show_title(self) -> None:
        count = len(self.rows) - len(self.days)
        if not count:
            text = f"History  ·  {EMPTY}"
        else:
            entries = "1 entry" if count == 1 else f"{count:,} entries"
            days = "1 day" if len(self.days) == 1 else f"{len(self.days):,} days"
            text = f"History  ·  {entries} on {days}, newest first"
        undo = getattr(self.app, "key_for", lambda _: "")("undo")
        if undo:
            text += f"  ·  {undo} undo"
        self.query_one("#history-title", Static).update(text)

    def _draw(self, row: Row, width: int) -> Content:
        day = self.days[row.day]
        if row.entry is None:
            return Content.styled(describe_day(day, today()), "bold $text-primary")
        entry = row.entry
        kind = "check-in" if isinstance(entry, Checkin) else "movement"
        return Content.assemble(
            "  ",
            (short_id(entry.id), "$foreground-muted"),
            "  ",
            (kind, "$foreground-muted"),
            " " * (10 - len(kind)),
            literal(line(entry)),
        )

    def current(self) -> Entry | None:
        """The entry under the cursor."""
        cursor = self.entries.cursor
        return self.rows[cursor].entry if 0 <= cursor < len(self.rows) else None

    def on_journal_changed(self, _: JournalChanged) -> None:
        """Her data changed (here, under a form, or from the dashboard's undo)."""
        self._refresh_if_behind()

    def on_screen_resume(self) -> None:
        self._refresh_if_behind()
        self.entries.focus()

    def _refresh_if_behind(self) -> None:
        if self.is_mounted and self.store.journal() is not self._shown:
            entry = self.current()
            self.load(keep=entry.id if entry else None)

    # -- actions -------------------------------------------------------------------------------

    def action_week(self, weeks: int) -> None:
        """Move to the first entry of the day a week older (1) or newer (-1), or the nearest."""
        cursor = self.entries.cursor
        if cursor < 0:
            return
        day_index = self.rows[cursor].day
        target = -(self.days[day_index] - timedelta(days=7 * weeks)).toordinal()
        if weeks > 0:  # the newest day at least a week older
            found = min(bisect_left(self._day_keys, target), len(self.days) - 1)
        else:  # the oldest day at least a week newer
            found = max(bisect_right(self._day_keys, target) - 1, 0)
        self.entries.move_to(self._first_rows[found])

    async def action_edit(self) -> None:
        """Open the entry in its own form, filled in; saving changes this entry."""
        entry = self.current()
        if entry is None:
            return
        form: Screen[Any]
        if isinstance(entry, Checkin):
            from tui.screens.checkin import CheckinScreen

            form = CheckinScreen(self.store, editing=entry, on_save=self._saver(entry))
        else:
            from tui.screens.move import MoveScreen

            form = MoveScreen(self.store, editing=entry, on_save=self._saver(entry))
        await self.app.push_screen(form)

    def _saver(self, entry: Entry) -> Any:
        def save(changes: dict[str, Any]) -> None:
            values = {name: value for name, value in changes.items() if value is not None}
            cleared = [name for name, value in changes.items() if value is None]
            _, new = self.store.edit_entry(entry.id, values, cleared)
            self.app.post_message(JournalChanged())
            recorded = self.store.changes()
            said = summary(recorded[-1]).removeprefix("edit: ") if recorded else describe(new)
            self.app.clear_notifications()  # one word at a time over her list
            self.app.notify(shown(f"Changed {said}."), title="Saved", markup=False, timeout=6)

        return save

    async def action_delete(self) -> None:
        """Ask once, naming the entry, then delete it (`u` brings it back)."""
        entry = self.current()
        if entry is None:
            return
        question = Content("Delete ") + literal(describe(entry)) + Content("?")
        keys = "y or enter: delete  ·  any other key: keep it"

        await self.app.push_screen(OneKeyConfirm(question, keys, lambda: self._delete(entry)))

    def _delete(self, entry: Entry) -> None:
        old = self.store.delete_entry(entry.id)
        self.app.post_message(JournalChanged())
        undo = getattr(self.app, "key_for", lambda _: "u")("undo") or "u"
        self.app.clear_notifications()
        self.app.notify(
            shown(f"Deleted {describe(old)}. {undo} brings it back."),
            title="Deleted",
            markup=False,
            timeout=6,
        )
