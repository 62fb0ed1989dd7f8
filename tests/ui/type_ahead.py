"""Keys as a fast typist (or a paste) sends them: all at once, before the app has caught up."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.app import App
from textual.keys import key_to_character
from textual.pilot import Pilot

WAIT_SECONDS = 20.0


def type_ahead(app: App[object], *typed: str) -> None:
    """Queue these keys on the app in one go, as the terminal hands over a burst of typing.

    Each item is a key name (`tab`, `enter`, `left_square_bracket`) or, if it has digits or
    punctuation, text typed a character at a time (`7:30`). Nothing is waited for in between.
    """
    for item in typed:
        keys = list(item) if any(not c.isalpha() and c != "_" for c in item) else [item]
        for key in keys:
            name = {":": "colon", ".": "full_stop", ",": "comma"}.get(key, key)
            app.post_message(events.Key(name, key if len(key) == 1 else key_to_character(key)))


async def until(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds (failing after a generous while)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never got there")
        await pilot.pause()
        await asyncio.sleep(0.01)
