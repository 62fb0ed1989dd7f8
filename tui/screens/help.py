"""Help: the keys, and what each dashboard panel means, in her words."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from widgets.key_bar import KeyBar

KEYS = (
    ("l", "Check-in: pain, mood, sleep, a rest-day mark and a note"),
    ("m", "Log movement: a walk, a video, a stretch, a 2-minute snack"),
    ("g", "Goals: this week's goals; step up (only when you say so) or down"),
    ("d", "Dashboard: today at a glance"),
    ("?", "This help (? again goes back)"),
    ("t", "Quiet theme: few muted colours and no motion, for flare days"),
    ("ctrl+p", "Every command by name, and the choice of theme"),
    ("q", "Quit"),
)

IN_A_FORM = (
    ("digits", "set the number in a field"),
    ("tab, shift+tab", "next or previous field"),
    ("enter", "save (from any field)"),
    ("escape", "close without saving"),
)

PANELS = (
    ("Today", "Today's check-in, or an invitation to log it, and today's movement."),
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


def _table(title: str, rows: tuple[tuple[str, str], ...]) -> Table:
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


def help_page() -> Group:
    """The whole help page: keys, keys in a form, and the dashboard's panels."""
    return Group(
        _table("Keys", KEYS),
        Text(""),
        _table("In a form", IN_A_FORM),
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
            yield Static(help_page(), id="help-text")
        yield KeyBar()
