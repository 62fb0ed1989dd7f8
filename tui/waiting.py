"""Forms made ahead: today's check-in and movement forms, built and styled while she reads.

`l` and `m` are most of what she presses. Making a form (about forty widgets: compose, mount,
styling) is most of the time between the key and the form on screen; the rest is laying it out
and drawing it over the dashboard. So a moment after the dashboard shows a change, the app makes
the next check-in and movement forms off screen; a key then pushes the form that is waiting,
which is only laid out and drawn (`bench/bench_keys.py`: `l` -> form 2.1-2.4x a bare Textual
app's modal push when made on the key, 1.1-1.4x when made ahead).

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
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from tui.core.dates import today

if TYPE_CHECKING:
    from tui.core.models import Journal

PREFIX = "gentle-waiting-"


@dataclass
class Made:
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
