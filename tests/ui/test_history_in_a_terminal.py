"""Her record corrected in a real terminal (tmux), each burst of keys sent in one go.

Three sessions logged with the command line, one of them 200 minutes by mistake; in the app she
opens the history, fixes that one to 20, deletes another, undoes the delete and quits. The export
then holds the fixed and the restored entries, with the ids they had.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TODAY = "2026-11-23"
WAIT_SECONDS = 30.0


class Terminal:
    """A tmux server of its own running `gentle` on a data file, at 80x24."""

    def __init__(self, folder: Path) -> None:
        self.socket = f"gentle-history-{os.getpid()}-{folder.name}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GENTLE_")},
            "GENTLE_DB": str(folder / "gentle.json"),
            "GENTLE_TODAY": TODAY,
            "GENTLE_CONFIG": str(folder / "config.toml"),
        }

    def gentle(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "tui", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(self) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items() if "GENTLE" in k)
        command = f"env {exports} {shlex.quote(sys.executable)} -m tui"
        self.tmux("new-session", "-d", "-s", "gentle", "-x", "80", "-y", "24", command)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "gentle", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "gentle")

    def running(self) -> bool:
        done = subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", "gentle"])
        return done.returncode == 0

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def wait_for(condition: Callable[[], bool], what: str, context: Callable[[], str] = str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}\n{context()}")
        time.sleep(0.05)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.stop()


def sessions(terminal: Terminal) -> list[dict[str, Any]]:
    exported: list[dict[str, Any]] = json.loads(terminal.gentle("export", "--format", "json"))[
        "sessions"
    ]
    return exported


def test_she_fixes_a_walk_deletes_a_session_and_undoes_the_delete(terminal: Terminal) -> None:
    terminal.gentle("log", "move", "walk", "30", "--place", "Bellhouse Park")
    terminal.gentle("log", "move", "walk", "200", "--place", "Lion's Field")
    terminal.gentle("log", "move", "strength", "10", "--routine", "Lower Body Strength")
    logged = sessions(terminal)
    assert [s["minutes"] for s in logged] == [30, 200, 10]
    terminal.start()
    wait_for(lambda: "Moved 240 min" in terminal.screen(), "her dashboard", terminal.screen)

    terminal.keys("h", "Down", "e", "Tab", "2", "0", "Enter")  # the second one is the 200
    wait_for(
        lambda: "20 min walk, at Lion's Field" in terminal.screen(), "the fix", terminal.screen
    )
    terminal.keys("Down", "x", "y")
    wait_for(lambda: "2 entries on 1 day" in terminal.screen(), "the delete", terminal.screen)
    terminal.keys("u")
    wait_for(lambda: "3 entries on 1 day" in terminal.screen(), "the undo", terminal.screen)
    wait_for(lambda: "is back" in terminal.screen(), "the toast saying so", terminal.screen)
    assert "brings it back" not in terminal.screen()  # one toast at a time over her list
    terminal.keys("q")
    wait_for(lambda: not terminal.running(), "the app closing")

    now = sessions(terminal)
    assert [s["id"] for s in now] == [s["id"] for s in logged]
    assert now[0] == logged[0]
    assert now[1] == logged[1] | {"minutes": 20}
    assert now[2] == logged[2]
