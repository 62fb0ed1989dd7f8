"""Keys typed while the app starts: the terminal is put in character mode at once, then restored."""

from __future__ import annotations

import os
import subprocess
import sys
import termios
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import sys, termios
from tui import terminal
saved = terminal.hold_keys()
held = termios.tcgetattr(0)
terminal.restore(saved)
back = termios.tcgetattr(0)
print(bool(held[3] & termios.ICANON), bool(held[3] & termios.ECHO), bool(held[0] & termios.ICRNL))
print(back == saved)
"""


def test_hold_keys_stops_line_mode_echo_and_the_enter_translation_then_restores() -> None:
    leader, follower = os.openpty()
    try:
        before = termios.tcgetattr(follower)
        done = subprocess.run(
            [sys.executable, "-c", PROBE],
            stdin=follower,
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=60,
            check=True,
        )
        assert done.stdout.split("\n")[:2] == ["False False False", "True"]
        assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


def test_without_a_terminal_nothing_is_held() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from tui import terminal; print(terminal.hold_keys())"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert done.stdout.strip() == "None"
