"""`Terminal`: the real `gentle` in a tmux server of its own, typed at as she types (for tests)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TODAY = "2026-11-23"
WAIT_SECONDS = 30.0


class Terminal:
    """A tmux server of its own running `gentle` on a data file in `folder`."""

    def __init__(self, folder: Path, size: tuple[int, int] = (120, 40)) -> None:
        self.socket = f"gentle-test-{os.getpid()}-{folder.name}"
        self.size = size
        self.db = folder / "gentle.json"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GENTLE_")},
            "GENTLE_DB": str(self.db),
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

    def command(self) -> str:
        """The shell command that runs the app with this terminal's settings."""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items() if "GENTLE" in k)
        return f"env {exports} {shlex.quote(sys.executable)} -m tui"

    def start(self, command: str | None = None) -> None:
        cols, rows = self.size
        self.tmux(
            "new-session", "-d", "-s", "gentle", "-x", str(cols), "-y", str(rows),
            command or self.command(),
        )  # fmt: skip

    def keys(self, *keys: str) -> None:
        """Send a whole burst of keys in one `send-keys` call, as fast as she types."""
        self.tmux("send-keys", "-t", "gentle", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "gentle")

    def running(self) -> bool:
        done = subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", "gentle"])
        return done.returncode == 0

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def wait_for(condition: Callable[[], bool], what: str, context: Callable[[], str] = str) -> None:
    """Poll until `condition` holds (never a fixed sleep); say what never happened, and where."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}\n{context()}")
        time.sleep(0.05)
