"""The dashboard: today's check-in, the week's goals, trends, flares, routines and evidence.

At 80 columns today and the week sit side by side above the pain trend, the rest below; from 100
columns the panels sit three and two to a row. Each panel is one widget with a border title (the
screen stays quick to lay out). The data is computed in `dashboard_data` (plain Python) and
refreshed once per change of her data (`JournalChanged`), when in view or next shown.

Without a store yet, the screen shows its layout with a calm "…" in each panel (the app's first
frame); `show(store)` fills it in. `dashboard_data` and the domain are imported only then.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import ScreenResume
from textual.screen import Screen
from textual.types import NoActiveAppError
from textual.widget import Widget
from textual.widgets import Static

from tui.core.dates import today
from tui.messages import JournalChanged
from widgets.chart import Chart
from widgets.goal_bar import GoalBars
from widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from rich.console import Console

    from tui.core.earlier import Recent
    from tui.core.models import Journal
    from tui.screens.dashboard_data import DashboardData, TodayView
    from tui.store import Store

NO_GOALS = "No weekly goals yet. g sets one: small and attainable, it's the long game."
PENDING = "…"  # where the numbers go until the data file is open
SLEEP_TITLE = "Sleep and mood, weekly average"


def long_date(day: date) -> str:
    """`Monday 23 November 2026`."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def _titled(widget: Widget, title: str) -> Widget:
    widget.add_class("panel", update=False)
    widget.border_title = title
    return widget


def _rows(text: Text, width: int, console: Console) -> int:
    return len(text.wrap(console, width)) if text.plain else 0


def _clipped(text: Text, width: int, rows: int, console: Console) -> Text:
    """`text` in at most `rows` lines of `width` cells, ending with "…" when it was cut."""
    lines = text.wrap(console, width)
    if len(lines) <= rows:
        return text
    kept = list(lines[: max(rows, 0)])
    if not kept:
        return Text()
    last = kept[-1]
    last.rstrip()
    last.truncate(width - 1)
    last.append("…")
    return Text("\n").join(kept)


def _moved_line(
    head: Text, items: tuple[str, ...], style: str, width: int, rows: int, console: Console
) -> Text:
    """The movement line: `head`, then as many of the groups as fit in `rows` lines, then
    "… N more" for the rest."""

    def line(shown: int) -> Text:
        text = head.copy()
        text.append("; ".join(items[:shown]), style)  # her names, as plain text
        if shown < len(items):
            text.append(f"{'; ' if shown else ''}… {len(items) - shown} more", style)
        return text

    fitting = (line(n) for n in range(len(items), 0, -1))
    return next((t for t in fitting if _rows(t, width, console) <= rows), line(0))


def fit_today(view: TodayView, width: int, height: int, console: Console) -> Text:
    """The Today panel in `width` x `height` cells: the check-in, then her note, then the
    movement line, then the invitation. Movement is never pushed out by a long note: the note
    gets what room is left, and ends with "…" when cut."""
    fixed = [*view.lines, *([view.peg] if view.peg is not None else [])]
    left = height - sum(_rows(t, width, console) for t in fixed)
    if view.footer is not None:
        left -= _rows(view.footer, width, console)
    moved = None
    if view.moved is not None:
        budget = max(1, left - (1 if view.note else 0))  # a line kept for her note
        moved = _moved_line(view.moved, view.items, view.item_style, width, budget, console)
        left -= _rows(moved, width, console)
    parts = list(view.lines)
    if view.note and left > 0:
        parts.append(_clipped(Text(view.note, "dim"), width, left, console))
    parts += [part for part in (moved, view.footer, view.peg) if part is not None]
    return Text("\n").join(parts)


class TodayPanel(Widget):
    """Today's check-in and movement, fitted to the panel (see `fit_today`)."""

    DEFAULT_CSS = "TodayPanel { height: auto; }"

    def __init__(self, content: Text | TodayView | str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = content

    def update(self, content: Text | TodayView | str) -> None:
        self.content = content
        self.refresh(layout=True)

    def render(self) -> Text:
        content = self.content
        if isinstance(content, str):
            return Text(content)
        if isinstance(content, Text):
            return content
        width, height = self.content_size
        return fit_today(content, max(1, width), max(1, height), self.app.console)


class DashboardScreen(Screen[None]):
    """Today at a glance (the start screen); the arrows, page keys, home and end scroll it."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll('down')", "Scroll down", show=False),
        Binding("up", "scroll('up')", "Scroll up", show=False),
        Binding("pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("home", "scroll('home')", "Top", show=False),
        Binding("end", "scroll('end')", "Bottom", show=False),
    ]

    def __init__(self, store: Store | None = None, recent: Recent | None = None) -> None:
        """`recent`: her recent weeks and the years before in brief (`Store.recent`, from
        `dashboard_data.reads_from`), for the first data instead of her whole journal (a
        screenshot: the whole journal is then never built, unless a figure needs it)."""
        self.store = store
        self._recent = recent
        self._shown: Journal | None = None  # the journal the panels show
        self.data = self._load()
        super().__init__()
        # Set the classes the first frame needs now: changing them later restyles every panel.
        self.set_class(self.data is not None and self.data.first_run, "-first-run", update=False)
        with suppress(NoActiveAppError):
            self.add_class(self._breakpoint(self.app.size.width), update=False)
        self._resumed = False
        self._styled_with: tuple[str, bool | None] | None = (
            None  # the theme the panels were styled in
        )
        self._stale = False  # her data changed while another mode was in view
        self._composed_with: DashboardData | None = None  # the data the panels were made with

    @classmethod
    def _breakpoint(cls, width: int) -> str:
        """The breakpoint class for a width (the one Textual sets on a resize)."""
        breakpoints = cls.HORIZONTAL_BREAKPOINTS or []
        return [name for least, name in breakpoints if width >= least][-1]

    def _load(self) -> DashboardData | None:
        if self.store is None:
            return None
        from tui.core.earlier import NotHeld
        from tui.screens import dashboard_data

        day, peg_key = today(), self._peg_key()
        recent, self._recent = self._recent, None  # her data as it was: once, never after a change
        if recent is not None:
            with suppress(NotHeld):  # a figure that needs more of her history: the whole journal
                return dashboard_data.build(
                    recent.journal, day, peg_key=peg_key, earlier=recent.earlier
                )
        self._shown = self.store.journal()
        return dashboard_data.build(self._shown, day, peg_key=peg_key)

    def _peg_key(self) -> str:
        """Her key for the weekly check (named in its line on the Today panel)."""
        with suppress(NoActiveAppError):
            config = getattr(self.app, "config", None)
            if config is not None:
                return str(config.key("peg"))
        return "p"

    def compose(self) -> ComposeResult:
        data = self._composed_with = self.data
        yield Static(self._title_text(data), id="title-line")
        with VerticalScroll(id="dash-body", can_focus=False):
            with Horizontal(id="top-row", classes="row"):
                yield _titled(TodayPanel(data.today if data else PENDING, id="today"), "Today")
                goals = GoalBars(
                    data.goals if data else (), empty_text=NO_GOALS if data else PENDING, id="goals"
                )
                yield _titled(goals, "This week")
                flares = data.flares if data else PENDING
                yield _titled(Static(flares, id="flares", classes="wide-only"), "Flares and rest")
            with Horizontal(id="chart-row", classes="row"):
                pain, movement = (data.pain, data.movement) if data else (None, None)
                yield _titled(Chart(pain, id="pain-chart"), "Pain, last 12 weeks")
                yield _titled(
                    Chart(movement, id="move-chart"), "Movement minutes a day, last 4 weeks"
                )
            yield _titled(
                Static(flares, id="flares-narrow", classes="narrow-only"), "Flares and rest"
            )
            with Horizontal(id="third-row", classes="row"):
                sleep = data.sleep_mood if data else None
                yield _titled(Chart(sleep, id="sleep-chart"), self._sleep_title(data))
                yield _titled(Static(data.routines if data else PENDING, id="routines"), "Routines")
            insights = data.insights if data else PENDING
            yield _titled(Static(insights, id="insights"), "What your record shows")
        yield KeyBar()

    @staticmethod
    def _title_text(data: DashboardData | None) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("Gentle Flow", "bold")
        text.append("  ·  ")
        text.append(long_date(data.day if data else today()))
        if data and data.flare_phrase:
            text.append(f"  ·  {data.flare_phrase}")
        return text

    @staticmethod
    def _sleep_title(data: DashboardData | None) -> str:
        return f"{SLEEP_TITLE} · {data.sleep_note}" if data and data.sleep_note else SLEEP_TITLE

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Screen's own handler, which runs next, restyles every panel unless told not to: ~40 ms
        # each time a form closes over twenty years of charts. The first resume comes with the
        # first frame (every widget was styled as it was mounted); after that, the panels need
        # it only when the theme changed while another screen was on top.
        theme = (self.app.theme, self.app.ansi_color)
        if not self._resumed or theme == self._styled_with:
            event.refresh_styles = False
        self._styled_with = theme
        if not self._resumed:
            self._resumed = True
        elif self._stale or self._behind():
            # Changed while another mode was in view, or by another program (a script).
            self._stale = False
            self.refresh_data()

    def on_journal_changed(self, _: JournalChanged) -> None:
        """Her data changed: show it now if in view (under a form too), else when next shown."""
        if self not in self.app.screen_stack:
            self._stale = True
        elif self._behind():
            self.refresh_data()

    def _behind(self) -> bool:
        """Whether the panels show an older journal than the file holds."""
        return self.store is not None and self.store.journal() is not self._shown

    def action_scroll(self, how: str) -> None:
        """Scroll the panels: 'down', 'up', 'page_down', 'page_up', 'home' or 'end'."""
        body = self.query_one("#dash-body", VerticalScroll)
        move = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[how]
        move(animate=False)

    def show(self, store: Store) -> None:
        """Show the data of `store` (opened after the first frame)."""
        self.store = store
        if self.is_mounted:
            self.query_one("#goals", GoalBars).empty_text = NO_GOALS
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the journal again (cheap when the file has not changed) and update the panels
        whose content changed (a save touches one or two: the others keep their frame)."""
        old, data = self.data, self._load()
        if data is None or data == old:
            return
        self.data = data
        if self.is_mounted:
            self._show_panels(old, data)

    def on_mount(self) -> None:
        # Her file may have opened between compose and mount (a key typed while the app
        # started): the panels were made without her data, so fill them all now.
        if self.data is not None and self._composed_with is not self.data:
            self._show_panels(None, self.data)

    def _show_panels(self, old: DashboardData | None, data: DashboardData) -> None:
        """Update the panels whose content differs from `old` (all of them without `old`)."""

        def changed(*fields: str) -> bool:
            return old is None or any(getattr(old, f) != getattr(data, f) for f in fields)

        self.set_class(data.first_run, "-first-run")
        if changed("day", "flare_phrase"):
            self.query_one("#title-line", Static).update(self._title_text(data))
        if changed("today"):
            self.query_one("#today", TodayPanel).update(data.today)
        if changed("flares"):
            self.query_one("#flares", Static).update(data.flares)
            self.query_one("#flares-narrow", Static).update(data.flares)
        if changed("routines"):
            self.query_one("#routines", Static).update(data.routines)
        if changed("insights"):
            self.query_one("#insights", Static).update(data.insights)
        if changed("goals", "first_run"):
            goals = self.query_one("#goals", GoalBars)
            goals.progress = data.goals
            goals.refresh(layout=True)  # the empty text may have changed
        self.query_one("#pain-chart", Chart).data = data.pain  # charts redraw only on a change
        self.query_one("#move-chart", Chart).data = data.movement
        sleep = self.query_one("#sleep-chart", Chart)
        sleep.data = data.sleep_mood
        if changed("sleep_note"):
            sleep.border_title = self._sleep_title(data)
