"""Every key she types lands where she meant it, in the order she typed it (`KeysInOrder`).

The app's keys are priority bindings, run as each key arrives (`tui.keys`); a key for a form goes
to the form's field at once, but the form's own keys (Enter, Escape) act only once the key has
come back up from the field. Two races follow, and are settled here:

- a key typed right after the one that closes a form or dialog reaches that form first, then
  comes back up unused once it has closed: it is then run as a key of the screen beneath
  (`on_key`: `m 1 enter h` opens the history, `h x y u` undoes the delete);
- a key typed right after the Enter that saves a form would land in the form's field before the
  save (`7 enter m 1` -> sleep `71`, or letters in her note): from that Enter until the form says
  it has handled it (`SaveKeyDone`), the keys she types wait, then are handed on one at a time,
  in order, and keys typed meanwhile wait behind them (`on_event`).
"""

from __future__ import annotations

import weakref
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from tui.messages import HoldsKeys, SaveKeyDone

#: Seconds at most that keys typed after a form's save key wait for it (a safety net only).
HOLD_AT_MOST = 2.0
#: How many keys typed into open dialogs are remembered (far more than can come back up at once).
KEYS_NOTED = 64


class KeysInOrder(App[Any]):
    """The key handling of `GentleApp` (see the module's doc)."""

    #: Keys typed and not handed on yet, in the order typed: while a form handles its save key,
    #: and behind the keys held for it until every one of those has been handled.
    _keys_waiting: deque[events.Key | events.Paste] | None = None
    _held_for: Screen[Any] | None = None  # the form whose save key holds the keys typed after it
    _handing: events.Key | events.Paste | None = None  # the waiting key handed on, not back yet
    _hold_timer: Timer | None = None
    #: The dialog or form each key typed while one was open was handed to (by the event's id;
    #: a key that comes back up unused runs only if that screen has closed since). Weakly: a
    #: closed form must not live on here (64 forms, ~6,000 objects each, made every full
    #: collection of the garbage slower by ~5 ms a form).
    _sent_to: dict[int, weakref.ref[Screen[Any]]] | None = None

    async def on_event(self, event: events.Event) -> None:
        """Keys typed after the Enter that saves a form wait until the form has handled it.

        A key reaches the form's field at once, but Enter saves only once it has come back up
        from the field to the form: a digit or letter typed right after it (`7 enter m 1`)
        would land in the field first (`71`), or in her note. So from that Enter until the form
        says it is done (`SaveKeyDone`: saved and closed, or still open to show a problem), the
        keys she types wait, then are handed on one at a time, in order, to the form or the
        screen beneath. A key typed while they are handed on waits behind them: it may already
        be in the app's queue when they go on, and would otherwise run first (`enter h u`, then
        `l 2 enter` typed while the history opens, must undo before it logs).
        """
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            await super().on_event(event)
            return
        if event is self._handing:
            self._handing = None
        elif self._held_for is not None or self._handing is not None or self._keys_waiting:
            waiting = self._keys_waiting
            if waiting is None:
                waiting = self._keys_waiting = deque()
            waiting.append(event)  # a paste too: it would land in the field just the same
            return
        try:
            if isinstance(event, events.Key):
                self._note_where(event)
                if self._holds(self.screen, event.key):
                    self._held_for = self.screen
                    self._hold_timer = self.set_timer(HOLD_AT_MOST, self._let_keys_go)
            await super().on_event(event)
        finally:
            self._hand_on()

    def _note_where(self, event: events.Key) -> None:
        sent_to = self._sent_to if self._sent_to is not None else {}
        self._sent_to = sent_to
        if isinstance(self.screen, ModalScreen):
            sent_to[id(event)] = weakref.ref(self.screen)
            while len(sent_to) > KEYS_NOTED:  # keys a dialog used never come back: forget them
                del sent_to[next(iter(sent_to))]
        else:
            sent_to.pop(id(event), None)

    @staticmethod
    def _holds(screen: Screen[Any], key: str) -> bool:
        """Whether the keys typed after `key` wait for the screen on top (a form's save key, a
        one-key dialog's answer: `tui.messages.HoldsKeys`)."""
        return isinstance(screen, HoldsKeys) and screen.holds_keys_after(key)

    def on_save_key_done(self, message: SaveKeyDone) -> None:
        if message.form is self._held_for:
            self._let_keys_go()

    def _let_keys_go(self) -> None:
        self._held_for = None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        self._hand_on()

    def _hand_on(self) -> None:
        """The next waiting key, once nothing holds the keys and the one before is handled."""
        if self._held_for is None and self._handing is None and self._keys_waiting:
            self._handing = self._keys_waiting.popleft()
            self.post_message(self._handing)

    async def on_key(self, event: events.Key) -> None:
        """A key typed while a form or dialog was open, that came back up unused: if that form
        has closed since (the key before it saved or left), it is a key of the screen beneath.

        The app's keys and the list screens' are priority bindings, run as each key arrives,
        in order. One typed while a form is open is handed to the form (`check_action`); typed
        right after the key that closes the form, it reaches the form before that key has closed
        it, and comes back up here after. Textual looks up only the screens' other keys then.
        (Keys as they arrive are not seen here: only keys the screens passed on.)
        """
        noted = (self._sent_to or {}).pop(id(event), None)
        if noted is None:
            return  # not typed into a dialog: it was simply not used
        sent_to = noted()  # None: that dialog is closed and gone
        if sent_to is not None and sent_to in self.screen_stack:
            return  # the dialog is still open: it did not use the key
        active = self.active_bindings.get(event.key)
        if active is not None and active.binding.priority and active.enabled:
            event.prevent_default()  # not looked up again in the screen's other keys
            await self.run_action(active.binding.action, active.node)
