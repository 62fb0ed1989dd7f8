"""The Gentle Flow terminal app: the dashboard, the forms on top of it, goals and help as modes.

Keys (each binding has an id, so a keymap can move it): `l` check-in, `m` movement, `g` goals,
`d` dashboard, `?` help, `t` quiet theme, `q` quit, `ctrl+p` command palette.
Screens other than the dashboard are imported when first opened, to keep the first frame quick.

Given an open `Store`, the dashboard shows its data from the first frame (tests, screenshots).
Given a function that opens it (`gentle`), the app paints the dashboard's layout first and opens
the file right after that first frame: the data file, TinyDB and the domain stay off the path to
it. A file that cannot be opened ends the app with return code 1 and `load_error` set.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from tui.core.dates import today
from tui.core.errors import FileProblem
from tui.screens.dashboard import DashboardScreen
from tui.themes import CALM, QUIET, THEMES

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.store import Store

#: Actions that open or switch screens: off while a form is open, so a key typed there stays there.
NAVIGATION = frozenset({"checkin", "move", "goals", "dashboard", "help", "quiet", "quit"})

#: `bench/bench_ui.py` sets this to time the first frame: the app reports it and exits.
BENCH_FLAG = "GENTLE_BENCH_FIRST_FRAME"

FLARE_OFFER = (
    "Today is a rest day. Would a quieter screen help? "
    "Press t for the quiet theme: fewer colours, no motion."
)


def _collect_from_now_on() -> None:
    """Collect start-up's garbage, keep the rest out of later collections, and collect again."""
    gc.collect()
    gc.freeze()
    gc.enable()


def _commands_provider() -> type[Provider]:
    from tui.commands import GentleCommands

    return GentleCommands


class GentleApp(App[None]):
    """A calm morning check-in and a dashboard of how things are going."""

    TITLE = "Gentle Flow"
    CSS_PATH = "app.tcss"
    DEFAULT_MODE = "dashboard"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        _commands_provider
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "checkin", "Check-in", id="gentle.checkin"),
        Binding("m", "move", "Move", id="gentle.move"),
        Binding("g", "goals", "Goals", id="gentle.goals"),
        Binding("d", "dashboard", "Dashboard", id="gentle.dashboard"),
        Binding("question_mark", "help", "Help", key_display="?", id="gentle.help"),
        Binding("t", "quiet", "Quiet", id="gentle.quiet"),
        Binding("q", "quit", "Quit", id="gentle.quit"),
    ]

    def __init__(self, store: Store | Callable[[], Store], *, theme: str | None = None) -> None:
        super().__init__()
        self._store: Store | None = None
        self._opener: Callable[[], Store] | None = None
        if callable(store):
            self._opener = store
        else:
            self._store = store
        #: Why the data file could not be opened (the app then exits with return code 1).
        self.load_error: FileProblem | OSError | None = None
        self._waiting: Callable[[], object] | None = None
        for theme_object in THEMES:
            self.register_theme(theme_object)
        self._loud_theme = CALM
        self._loud_animation = self.animation_level
        wanted = theme or os.environ.get("GENTLE_THEME") or CALM
        self._set_first_theme(wanted if wanted in self.available_themes else CALM)
        self._flare_offered = False
        self.dashboard: DashboardScreen | None = None
        # Modes are added here, not in the MODES class variable: their screens need the store.
        self.add_mode("dashboard", self._dashboard_screen)
        self.add_mode("goals", self._goals_screen)
        self.add_mode("help", self._help_screen)

    def _set_first_theme(self, name: str) -> None:
        """Choose the theme before any CSS is read.

        Setting `theme` runs Textual's watcher, which re-parses and re-applies every stylesheet
        (about 20 ms before the first frame). Nothing is styled yet, so a dark theme (like the
        default one, whose colour filter stays right) needs only its CSS variables.
        """
        theme = self.get_theme(name)
        if theme is None or not theme.dark:
            self.theme = name
        else:
            self.set_reactive(App.theme, name)
            self.stylesheet.set_variables(self.get_css_variables())
            self.set_class(True, f"-theme-{name}", update=False)
            self.watch_theme(CALM, name)  # the quiet theme turns motion off
        self._loud_theme = CALM if name == QUIET else name

    @property
    def store(self) -> Store:
        """Her data file (open from the start, or once the first frame is on screen)."""
        if self._store is None:
            raise RuntimeError("the data file is not open yet")
        return self._store

    @property
    def is_loaded(self) -> bool:
        """Whether the data file is open (and the dashboard shows its data)."""
        return self._store is not None

    # -- screens ---------------------------------------------------------------------------------

    def _fresh(self, screen: Screen[Any]) -> Screen[Any]:
        """Mark a new mode screen as styled with the current CSS.

        Textual re-parses and re-applies all CSS when a mode's screen first opens unless the
        screen says it is up to date; a screen created just now is (Textual 8: the check compares
        `_css_update_count`). This halves the CSS work before the first frame.
        """
        screen._css_update_count = self._css_update_count
        return screen

    def _dashboard_screen(self) -> Screen[Any]:
        self.dashboard = DashboardScreen(self._store)
        return self._fresh(self.dashboard)

    def _help_screen(self) -> Screen[Any]:
        from tui.screens.help import HelpScreen

        return self._fresh(HelpScreen())

    def _goals_screen(self) -> Screen[Any]:
        return self._fresh(self.make_goals_screen())

    def make_goals_screen(self) -> Screen[Any]:
        """The goals screen (a mode of its own)."""
        from tui.screens.goals import GoalsScreen

        return GoalsScreen(self.store)

    def make_checkin_screen(self, day: date | None = None) -> Screen[bool]:
        """The check-in form, pushed over the current screen."""
        from tui.screens.checkin import CheckinScreen

        return CheckinScreen(self.store, day)

    def make_move_screen(self, day: date | None = None) -> Screen[bool]:
        """The movement form, pushed over the current screen."""
        from tui.screens.move import MoveScreen

        return MoveScreen(self.store, day)

    # -- start -----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        if os.environ.get(BENCH_FLAG):
            self.call_after_refresh(self._bench, "first-frame")
        if self._store is None:
            self.call_after_refresh(self._open)
        else:
            self._loaded()

    def _open(self) -> None:
        """Open the data file and fill the dashboard (runs right after the first frame)."""
        assert self._opener is not None
        try:
            store = self._opener()
            if self.dashboard is not None:
                self.dashboard.show(store)
        except (FileProblem, OSError) as exc:
            self.load_error = exc
            self.exit(return_code=1)
            return
        self._store = store
        self._loaded()

    def _loaded(self) -> None:
        if os.environ.get(BENCH_FLAG):
            self.call_after_refresh(self._bench, "data-shown", done=True)
            return
        if not gc.isenabled():  # `gentle` turned it off for the start (see tui.cli.cmd_app)
            # A full collection holds everything up for ~50 ms: wait until the charts are drawn.
            self.set_timer(1.0, _collect_from_now_on)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()  # a key she pressed before the file was open
        self.call_after_refresh(self.offer_quiet_if_flare)

    def _when_loaded(self, action: Callable[[], object]) -> None:
        """Run `action` now, or once the data file is open (the latest such key wins)."""
        if self._store is None:
            self._waiting = action
        else:
            action()

    def run(self, **kwargs: Any) -> Any:
        """Run the app (headless when the benchmark asks for its first frame)."""
        if os.environ.get(BENCH_FLAG):
            cols, rows = os.environ.get("GENTLE_BENCH_SIZE", "120x40").split("x")
            kwargs.update(headless=True, size=(int(cols), int(rows)))
        return super().run(**kwargs)

    def _bench(self, stage: str, done: bool = False) -> None:
        print(f"{stage} {time.time()}", file=sys.stderr)
        if done:
            self.exit()

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in NAVIGATION and isinstance(self.screen, ModalScreen))

    def action_checkin(self) -> None:
        """Open the check-in form for today."""
        self._when_loaded(lambda: self.push_screen(self.make_checkin_screen(), self._after_form))

    def action_move(self) -> None:
        """Open the movement form for today."""
        self._when_loaded(lambda: self.push_screen(self.make_move_screen(), self._after_form))

    def action_goals(self) -> None:
        self._when_loaded(lambda: self.switch_mode("goals"))

    def action_dashboard(self) -> None:
        self.switch_mode("dashboard")

    def action_help(self) -> None:
        """Show the help; `?` again goes back to the dashboard."""
        self.switch_mode("dashboard" if self.current_mode == "help" else "help")

    def action_quiet(self) -> None:
        """Toggle the quiet theme (few muted colours, no animation)."""
        if self.theme == QUIET:
            self.theme = self._loud_theme
            self.notify("Back to the usual colours.", timeout=3)
        else:
            self.theme = QUIET
            self.notify("Quiet theme on. t turns it off.", timeout=3)

    def watch_theme(self, old: str, new: str) -> None:
        # However the quiet theme is chosen (t, the palette, GENTLE_THEME), motion goes with it.
        if new == QUIET and old != QUIET:
            self._loud_theme = old if old in self.available_themes else CALM
            self._loud_animation = self.animation_level
            self.animation_level = "none"
        elif old == QUIET and new != QUIET:
            self.animation_level = self._loud_animation

    # -- after a form ----------------------------------------------------------------------------

    def _after_form(self, saved: bool | None) -> None:
        if not saved:
            return
        if self.dashboard is not None:
            self.dashboard.refresh_data()
        self.offer_quiet_if_flare()

    def offer_quiet_if_flare(self) -> None:
        """Today's check-in marks a flare: offer (once, gently) the quiet theme."""
        if self._flare_offered or self.theme == QUIET or self._store is None:
            return
        checkin = self.store.journal().checkins.get(today())
        if checkin is not None and checkin.flare:
            self._flare_offered = True
            self.notify(FLARE_OFFER, title="Rest day", timeout=12)

    # -- command palette -------------------------------------------------------------------------

    def get_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Every action as (name, help, callback), for the command palette."""
        return [
            ("Check-in", "Log today's pain, sleep and mood (l)", self.action_checkin),
            ("Log movement", "A walk, a video, a 2-minute snack (m)", self.action_move),
            ("Goals", "This week's goals and their pacing (g)", self.action_goals),
            ("Dashboard", "Today at a glance (d)", self.action_dashboard),
            ("Help", "Keys and what each panel means (?)", self.action_help),
            ("Quiet theme", "Few muted colours, no motion, for flare days (t)", self.action_quiet),
            ("Quit", "Close Gentle Flow (q)", self.exit),
        ]
