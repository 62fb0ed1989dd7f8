"""Keys typed while Gentle Flow starts wait for the app, exactly as she typed them.

Until Textual takes the terminal (a few hundred ms after `gentle` starts: importing it, opening her
file), the terminal is in its usual line mode: it echoes her keys onto the screen, holds them until
Enter, and turns Enter into a line feed, so a check-in typed ahead (`l 4 tab 3 enter`) would reach
the app with its Enter changed into another key. `hold_keys` puts the terminal at once into the
character mode Textual will use (no echo, no line editing, Enter kept as Enter; ctrl+c still stops
a start that hangs), so every key waits unchanged in the terminal for the app. Textual puts back
what it found when it ends, which is then this mode: `restore` puts back her terminal's own.
Public `termios` calls only; where there is no terminal (a pipe, Windows) both do nothing.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any

try:
    import termios
except ImportError:  # not a POSIX system: the keys are left to the terminal
    termios = None  # type: ignore[assignment]

Saved = list[Any]


def hold_keys() -> Saved | None:
    """Switch the terminal to character mode now; returns its own settings (None: no terminal)."""
    if termios is None:
        return None
    try:
        fd = sys.stdin.fileno()
        before = termios.tcgetattr(fd)
        attrs = termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        return None
    attrs[0] &= ~(termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR | termios.IGNCR)
    attrs[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN)
    attrs[6][termios.VMIN] = 1
    attrs[6][termios.VTIME] = 0
    try:
        termios.tcsetattr(fd, termios.TCSANOW, attrs)  # TCSANOW: keys already typed are kept
    except termios.error:
        return None
    return before


def restore(saved: Saved | None) -> None:
    """Give her terminal back its own settings (from `hold_keys`)."""
    if termios is None or saved is None:
        return
    with contextlib.suppress(termios.error, OSError, ValueError):
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, saved)
