"""Help: the keys, and what each dashboard panel means, in her words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.keys import shown_keys
from tui.screens.history import HELP_ROWS as HISTORY_ROWS
from widgets.key_bar import KeyBar

PALETTE = ("ctrl+p", "Every command by name, and the choice of theme")
SCROLLING = (("↑ ↓ pgup pgdn", "scroll the dashboard a line or a page (home, end: top, bottom)"),)

IN_A_FORM = (
    ("digits", "set the number in a field"),
    ("tab, shift+tab", "next or previous field"),
    ("enter", "save (from any field)"),
    ("escape", "close without saving"),
)

PANELS = (
    (
        "Today",
        "Today's check-in, or an invitation to log it, and today's movement. Once a week, one "
        "line for the weekly check (PEG): an invitation, or that week's score.",
    ),
    (
        "This week",
        "Each goal's progress this calendar week. A rest day (a flare day) lowers that week's "
        "aim: rest is part of the plan.",
    ),
    (
        "Flares and rest",
        "Days since the last flare, rest days in the last four weeks, and the usual gap.",
    ),
    ("Pain", "Each day's pain (dots) and the 7-day average (line), 0 to 10."),
    ("Movement", "Minutes a day over four weeks, by kind."),
    ("Sleep and mood", "Sleep quality and mood, 1 to 5, as 7-day averages."),
    ("Routines", "How often you have done each video or route, and the next milestone."),
    (
        "What your record shows",
        "Days with and without movement compared, with how many days each side rests on. "
        "Observations from your own record, not causes.",
    ),
)


def _table(title: str, rows: Iterable[tuple[str, str]]) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_header=False,
        box=None,
        padding=(0, 2, 0, 0),
        expand=False,
    )
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for key, what in rows:
        table.add_row(key, what)
    return table


def help_page(keys: list[tuple[str, str]]) -> Group:
    """The whole help page: her keys (as now mapped), keys in a form, and the dashboard's panels."""
    return Group(
        _table("Keys", (*keys, PALETTE, *SCROLLING)),
        Text(""),
        _table("In a form", IN_A_FORM),
        Text(""),
        _table("In the history", HISTORY_ROWS),
        Text(""),
        _table("The dashboard", PANELS),
        Text(""),
        Text("Your data stays in one file on this computer, readable by you alone.", "dim"),
    )


class HelpScreen(Screen[None]):
    """Keys and panels (a mode of its own: `?`)."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "app.dashboard", "Back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(id="help-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_keys()

    def on_screen_resume(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """Fill the page in with the app's keys as they are bound now."""
        keys = [(key, binding.tooltip) for key, binding in shown_keys(self)]
        self.query_one("#help-text", Static).update(help_page(keys))
