"""Forms made ahead: today's check-in and movement forms, built and styled while she reads.

`l` and `m` are most of what she presses. Making a form (about thirty widgets: compose, mount,
styling) is most of the time between the key and the form on screen; the rest is laying it out
and drawing it. So a moment after the dashboard shows a change, the app makes the next check-in
and movement forms off screen; a key then pushes the form that is waiting, which is only laid out
and drawn (`bench/bench_keys.py`: `l` -> form 2.1-2.4x a bare Textual app's modal push when made
on the key, 1.1-1.4x when made ahead over the dimmed dashboard, 0.8-1.0x standing alone).

A waiting form is used only when it shows what a new one would: made for today, from the journal
the store holds now (`Store.journal()` is a new object when another program changed the file),
with no change since (`changed()`: the app calls it on every `JournalChanged` and theme change).
Otherwise the key makes a form as before. A form that was taken is uninstalled before it is
pushed, so it is removed when it closes, as any pushed screen is.

The one private call of the app lives here: Textual's public API installs a screen
(`install_screen`) but starts it only when it is pushed; `App._get_screen` is what push itself
calls to start one (compose and mount). tests/ui/test_waiting.py fails when that call stops
making a mounted, focused form.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from textual.app import App, ScreenStackError
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from tui.core.dates import today
from tui.gc_pacing import collect_while_she_reads, settle_after_start

if TYPE_CHECKING:
    from tui.core.models import Journal
    from tui.store import Store

PREFIX = "gentle-waiting-"
#: Seconds after the dashboard shows a change before the next forms are made.
WAIT_BEFORE_MAKING = 0.3


class Made(Struct):
    screen: Screen[Any]
    day: date
    journal: Journal
    generation: int


class Waiting:
    """The forms made ahead for one app, by name (`checkin`, `move`)."""

    def __init__(self, app: App[Any], journal: Callable[[], Journal]) -> None:
        self.app = app
        self.journal = journal
        self.made: dict[str, Made] = {}
        self.generation = 0

    def prepare(self, name: str, make: Callable[[], Screen[Any]]) -> None:
        """Make the form `name` now, off screen (again, if the one waiting is out of date)."""
        waiting = self.made.get(name)
        if waiting is not None and self._true(waiting):
            return
        self._drop(name)
        screen = make()
        self.app.install_screen(screen, PREFIX + name)
        self.app._get_screen(screen)  # starts it: compose, mount, styles (see above)
        self.made[name] = Made(screen, today(), self.journal(), self.generation)

    def take(self, name: str) -> Screen[Any] | None:
        """The waiting form `name` if it is ready and still true to her data, else None."""
        waiting = self.made.get(name)
        if waiting is None:
            return None
        ready = waiting.screen.is_mounted and waiting.screen.focused is not None
        if not (ready and self._true(waiting)):
            self._drop(name)
            return None
        del self.made[name]
        self.app.uninstall_screen(waiting.screen)
        return waiting.screen

    def changed(self) -> None:
        """Her data or the theme changed: the forms waiting are out of date."""
        self.generation += 1

    def _true(self, waiting: Made) -> bool:
        return (
            waiting.generation == self.generation
            and waiting.day == today()
            and waiting.journal is self.journal()
        )

    def _drop(self, name: str) -> None:
        waiting = self.made.pop(name, None)
        if waiting is not None:
            self.app.uninstall_screen(waiting.screen)
            waiting.screen.remove()


class FormsAhead(App[Any]):
    """The app's side: when the forms are made (a moment after each change, while no form is
    open). The first time is also the app's first quiet moment with her data on screen: the
    objects of the start are frozen then (`tui.gc_pacing.settle_after_start`)."""

    make_ahead = True  # False: no forms made ahead (a screenshot shows one screen and ends)
    _waiting: Waiting | None = None
    _make_timer: Timer | None = None
    _settled = False  # the start's objects frozen (the app unfreezes them as it ends)

    if TYPE_CHECKING:

        @property
        def is_loaded(self) -> bool: ...
        @property
        def store(self) -> Store: ...
        def make_checkin_screen(self, day: date | None = None) -> Screen[Any]: ...
        def make_move_screen(self, day: date | None = None) -> Screen[Any]: ...

    def clear_selection(self) -> None:
        """As Textual's, but quiet when no screen is left: a form made ahead, closed as the app
        ends, can still be handling its first focus (its field then clears the selection of
        the app's screen; Textual guards against no screen, not against an empty stack)."""
        with suppress(ScreenStackError):
            super().clear_selection()

    @property
    def waiting(self) -> Waiting:
        """Today's check-in and movement forms, made ahead."""
        if self._waiting is None:
            self._waiting = Waiting(self, lambda: self.store.journal())
        return self._waiting

    def make_forms_ahead(self, delay: float = WAIT_BEFORE_MAKING) -> None:
        """Make the next check-in and movement forms once she has had a moment to read."""
        if not self.make_ahead:
            return
        if self._make_timer is not None:
            self._make_timer.stop()
        self._make_timer = self.set_timer(delay, self._make_forms)

    def _make_forms(self) -> None:
        self._make_timer = None
        stack = self.screen_stack  # empty while the app closes
        if not self.is_loaded or not stack or isinstance(stack[-1], ModalScreen):
            return  # (a form is open: made when it closes)
        if not self._settled:
            self._settled = True
            settle_after_start()
        else:
            collect_while_she_reads()
        self.waiting.prepare("checkin", self.make_checkin_screen)
        self.waiting.prepare("move", self.make_move_screen)
