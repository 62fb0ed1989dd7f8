"""The Gentle Flow terminal app: the dashboard, the forms on top of it, goals and help as modes.

Keys are listed once, in `tui.keys` (bindings with ids, moved by her config file, `tui.config`).
Screens other than the dashboard are imported when first opened, to keep the first frame quick.

Given an open `Store`, the dashboard shows its data from the first frame (tests, screenshots).
Given a function that opens it (`gentle`), the app paints the dashboard's layout first and opens
the file right after that first frame (or at once, when a key she pressed needs it). A file that
cannot be opened ends the app with return code 1 and `load_error` set.

Every write to her data ends in a `JournalChanged` message to the app, which passes it on to the
screens that show her data (see `tui.messages`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from inspect import isawaitable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from tui import config as settings
from tui.core.dates import today
from tui.core.errors import FileProblem
from tui.core.text import shown
from tui.gc_pacing import release_at_end
from tui.key_order import KeysInOrder
from tui.keys import BINDINGS, NAVIGATION, keymap, name_and_help, shown_keys
from tui.messages import JournalChanged, WriteFailed
from tui.screens.dashboard import DashboardScreen
from tui.themes import CALM, QUIET, THEMES
from tui.waiting import FormsAhead

if TYPE_CHECKING:
    from tui.core.earlier import Recent
    from tui.store import Store


#: Keys that switch to a mode: left out of the key bar while in that mode.
HERE_KEYS = frozenset({"dashboard", "goals", "history"})

FLARE_OFFER = (
    "Today is a rest day. Would a quieter screen help? "
    "Press {key} for the quiet theme: fewer colours, no motion."
)


class GentleApp(KeysInOrder, FormsAhead, App[None]):
    """A calm morning check-in and a dashboard of how things are going."""

    TITLE = "Gentle Flow"
    CSS_PATH = "app.tcss"
    DEFAULT_MODE = "dashboard"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = list(BINDINGS)
    #: Her calm theme from the start: a first theme given here is in place when the CSS is first
    #: read, where setting `theme` later reads all of it again (~25 ms before the first frame).
    theme: Reactive[str] = Reactive(CALM)

    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        theme: str | None = None,
        make_ahead: bool = True,
        recent: Recent | None = None,
    ) -> None:
        """`make_ahead=False` (a screenshot shows one screen and ends): no forms made ahead, no
        offer of the quiet theme. `recent`: her recent weeks for the dashboard (see there)."""
        super().__init__()
        self.make_ahead = make_ahead
        self._recent = recent
        self._store: Store | None = None
        self._opener: Callable[[], Store] | None = None
        if callable(store):
            self._opener = store
        else:
            self._store = store
            self._write_behind(store)
        #: Why the data file could not be opened (the app then exits with return code 1).
        self.load_error: FileProblem | OSError | None = None
        self.config = settings.load()
        self.set_keymap(keymap(self.config.keys))
        for theme_object in THEMES:
            self.register_theme(theme_object)
        self._loud_theme = CALM
        self._loud_animation = self.animation_level
        wanted = theme or os.environ.get("GENTLE_THEME") or self.config.theme or CALM
        if wanted not in self.available_themes:
            self.config.warnings.append(f"theme {wanted!r} is not known; using {CALM}")
            wanted = CALM
        if wanted != self.theme:
            self.theme = wanted
        else:  # the CSS variables were taken before her themes were registered
            self.stylesheet.set_variables(self.get_css_variables())
        self._loud_theme = CALM if wanted == QUIET else wanted  # what t goes back to
        self.dashboard: DashboardScreen | None = None
        #: The screens that show her data (told when it changes).
        self._views: list[Screen[Any]] = []
        # Modes are added here, not in the MODES class variable: their screens need the store.
        # The dashboard is the default screen, and becomes a mode once it is up (`on_mount`):
        # Textual re-reads all CSS when a mode's first screen is made, but not the default screen.
        self.add_mode("goals", self._goals_screen)
        self.add_mode("help", self._help_screen)
        self.add_mode("history", self._history_screen)

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

    def get_default_screen(self) -> Screen[Any]:
        """The dashboard: the start screen (see `__init__` on modes)."""
        return self._dashboard_screen()

    def _dashboard_screen(self) -> Screen[Any]:
        if self.dashboard is None:
            self.dashboard = DashboardScreen(self._store, self._recent)
            self._views.append(self.dashboard)
        return self.dashboard

    def _help_screen(self) -> Screen[Any]:
        from tui.screens.help import HelpScreen

        return HelpScreen()

    def _goals_screen(self) -> Screen[Any]:
        screen = self.make_goals_screen()
        self._views.append(screen)
        return screen

    def _history_screen(self) -> Screen[Any]:
        from tui.screens.history import HistoryScreen

        screen = HistoryScreen(self.store)
        self._views.append(screen)
        return screen

    def make_goals_screen(self) -> Screen[Any]:
        """The goals screen (a mode of its own)."""
        from tui.screens.goals import GoalsScreen

        return GoalsScreen(self.store)

    def make_checkin_screen(self, day: date | None = None) -> Screen[Any]:
        """The check-in form, pushed over the current screen."""
        from tui.screens.checkin import CheckinScreen

        return CheckinScreen(self.store, day)

    def make_move_screen(self, day: date | None = None) -> Screen[Any]:
        """The movement form, pushed over the current screen."""
        from tui.screens.move import MoveScreen

        return MoveScreen(self.store, day)

    def make_peg_screen(self) -> Screen[Any]:
        """The weekly PEG check, pushed over the current screen."""
        from tui.screens.peg import PegScreen

        return PegScreen(self.store)

    # -- start -----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.add_mode("dashboard", self._dashboard_screen)  # already up: `d` switches back to it
        if self.config.warnings:
            self.notify("\n".join(self.config.warnings), title="Settings", timeout=10, markup=False)
        if self._store is None:
            self.call_after_refresh(self.open_data)
        elif self.make_ahead:  # a screenshot is a picture: it neither shows nor spends the offer
            self.call_after_refresh(self.offer_quiet_if_flare)
            self.make_forms_ahead()

    def open_data(self) -> bool:
        """Open the data file now if it is not open yet; False if it cannot be opened."""
        if self._store is not None:
            return True
        if self._opener is None or self.load_error is not None:
            return False
        try:
            store = self._opener()
            if self.dashboard is not None:
                self.dashboard.show(store)
        except (FileProblem, OSError) as exc:
            self.load_error = exc
            self.exit(return_code=1)
            return False
        self._store = store
        self._write_behind(store)
        self.call_after_refresh(self.offer_quiet_if_flare)
        self.make_forms_ahead()
        return True

    def _write_behind(self, store: Store) -> None:
        """Her changes show at once; the file is written right behind (tui/store/storage.py)."""

        def failed(why: str) -> None:
            self.post_message(WriteFailed(why))  # from the writer thread: posting is thread-safe

        store.write_behind(failed, start_when_told=True)

    def on_write_failed(self, message: WriteFailed) -> None:
        """Say so, and show what the file holds (the change is not in it)."""
        self.notify(
            f"Your last change could not be saved ({message.why}). Nothing else changed.",
            title="Not saved",
            severity="error",
            timeout=20,
            markup=False,
        )
        self.post_message(JournalChanged())

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.settle()  # the last change on disk before the app is gone
        if self._settled:
            release_at_end()

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The app's keys are left to an open form or dialog, and to a text field.

        (None: not now, but still listed, so the palette and help can name the key.)
        """
        if action in HERE_KEYS and action == self.current_mode:
            return False  # the mode she is in: its key would do nothing (the key bar needs room)
        busy = isinstance(self.screen, ModalScreen) or isinstance(self.focused, Input)
        return None if action in NAVIGATION and busy else True

    async def open_form(self, make: Callable[[], Screen[Any]]) -> None:
        """Push a form once her data is open, and wait until it is ready for her keys.

        Keys are handled one at a time: the keys she typed after this one are handed on only
        once the form has its focus, so they land in the form, in order.
        """
        if self.open_data():
            await self.push_screen(make(), self._after_form)

    async def action_checkin(self) -> None:
        """Open the check-in form for today (the one made ahead, when it is still true)."""
        await self.open_form(lambda: self.waiting.take("checkin") or self.make_checkin_screen())

    async def action_move(self) -> None:
        """Open the movement form for today (the one made ahead, when it is still true)."""
        await self.open_form(lambda: self.waiting.take("move") or self.make_move_screen())

    async def action_peg(self) -> None:
        """Open this week's PEG check (filled in when the week is answered)."""
        await self.open_form(self.make_peg_screen)

    async def action_goals(self) -> None:
        if self.open_data():
            await self.switch_mode("goals")

    async def action_history(self) -> None:
        """Her entries by day, to fix or delete."""
        if self.open_data():
            await self.switch_mode("history")

    def action_undo(self) -> None:
        """Take back the last change, and say in words what came back."""
        if not self.open_data():
            return
        try:
            said = self.store.undo()
        except FileProblem as exc:
            self.notify(str(exc), title="Not undone", severity="warning", markup=False)
            return
        if said is None:
            self.notify("Nothing to undo.", timeout=4)
            return
        self.post_message(JournalChanged())
        self.clear_notifications()  # the toast of what was undone goes with it
        self.notify(shown(said), title="Undone", markup=False, timeout=8)  # her names, escaped

    async def action_dashboard(self) -> None:
        await self.switch_mode("dashboard")

    async def action_help(self) -> None:
        """Show the help; `?` again goes back to the dashboard."""
        await self.switch_mode("dashboard" if self.current_mode == "help" else "help")

    def action_quiet(self) -> None:
        """Toggle the quiet theme (few muted colours, no animation), and remember it."""
        if self.theme == QUIET:
            self.theme = self._loud_theme
            self.notify("Back to the usual colours.", timeout=3)
        else:
            self.theme = QUIET
            self.notify(f"Quiet theme on. {self.key_for('quiet')} turns it off.", timeout=3)
        settings.remember(theme=self.theme)

    def watch_theme(self, old: str, new: str) -> None:
        # However the quiet theme is chosen (t, the palette, GENTLE_THEME), motion goes with it.
        if new == QUIET and old != QUIET:
            self._loud_theme = old if old in self.available_themes and old != QUIET else CALM
            self._loud_animation = self.animation_level
            self.animation_level = "none"
        elif old == QUIET and new != QUIET:
            self.animation_level = self._loud_animation
        if self._waiting is not None and old != new:
            self._waiting.changed()  # styled in the old colours
            self.make_forms_ahead()

    # -- her data changed ------------------------------------------------------------------------

    def on_journal_changed(self, _: JournalChanged) -> None:
        """Pass the change on to each screen that shows her data (each refreshes once)."""
        for screen in self._views:
            screen.post_message(JournalChanged())
        if self._store is not None:
            # Serializing twenty years takes ~5 ms of the interpreter: after the frame that
            # shows the change, not before it (tui/store/storage.py).
            self.call_after_refresh(self._store.start_writing)
        if self._waiting is not None:
            self._waiting.changed()  # made from the data before the change
        self.make_forms_ahead()

    def _after_form(self, saved: object) -> None:
        if saved:
            self.offer_quiet_if_flare()
        self.make_forms_ahead()

    def offer_quiet_if_flare(self) -> None:
        """Today's check-in marks a flare: offer the quiet theme, gently, once that day."""
        if self.theme == QUIET or self._store is None or self.config.quiet_offered == today():
            return
        checkin = self.store.journal().checkins.get(today())
        if checkin is not None and checkin.flare:
            self.config.quiet_offered = today()
            settings.remember(quiet_offered=today())
            self.notify(FLARE_OFFER.format(key=self.key_for("quiet")), title="Rest day", timeout=12)

    # -- keys and the command palette ------------------------------------------------------------

    def key_for(self, action: str) -> str:
        """The key that runs one of the app's actions now (hers, if she moved it)."""
        for key, binding in shown_keys(self.screen):
            if binding.action == action:
                return key
        return ""

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The app's own actions (from its bindings, with her keys), then Textual's."""
        ours = []
        for key, binding in shown_keys(screen):
            name, what = name_and_help(binding)
            ours.append(name)
            yield SystemCommand(name, f"{what} ({key})", self._runner(binding.action))
        for command in super().get_system_commands(screen):
            if command.title not in ours:
                yield command

    def _runner(self, action: str) -> Callable[[], Any]:
        async def run() -> None:
            # Called as the palette closes: run the action itself (no key check is needed).
            result = getattr(self, f"action_{action}")()
            if isawaitable(result):
                await result

        return run
