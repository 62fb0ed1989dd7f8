"""When something unexpected goes wrong: one calm line, and the details in a private file.

A traceback on her terminal helps nobody, and Textual's shows local variables: her journal. So
the details go to a crash file that only she can read (0600, written atomically), and the line
says where it is, for her or for whoever helps her.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from tui import __version__


class AppCrashed(Exception):
    """The app stopped on an error it could not handle; `details` is what it reported."""

    def __init__(self, details: str) -> None:
        super().__init__("the app stopped unexpectedly")
        self.details = details


def run_app(app: Any, **run: Any) -> Any:
    """Run a Textual app; an error it could not handle raises `AppCrashed` with its report.

    Textual prints such an error as a traceback with local variables (her journal) on the
    terminal. `error_console` is the console it prints to: here a buffer, which `report_crash`
    turns into a crash file without the locals, and one line.
    """
    import io

    from rich.console import Console

    errors = io.StringIO()
    app.error_console = Console(
        file=errors, width=110, color_system=None, markup=False, highlight=False
    )
    result = app.run(**run)
    if errors.getvalue().strip():
        raise AppCrashed(errors.getvalue())
    return result


def crash_folder() -> Path:
    """`$GENTLE_CRASH_DIR`, else the user log folder (`~/.local/state/gentle-flow/log`)."""
    env = os.environ.get("GENTLE_CRASH_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_path

    return user_log_path("gentle-flow", appauthor=False)


def without_locals(text: str) -> str:
    """A rendered Rich traceback without its `locals` panels (her data lives in them)."""
    kept: list[str] = []
    column: int | None = None
    for line in text.splitlines():
        if column is None:
            if "locals" in line and "╭" in line:
                column = line.index("╭")
                continue
            kept.append(line)
        elif len(line) > column and line[column] == "╰":
            column = None
    return "\n".join(kept) + "\n"


def save_crash(details: str) -> Path:
    """Write `details` to a new crash file (0600, atomically); returns its path."""
    from tui.store.disk import atomic_write

    folder = crash_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    head = (
        f"gentle-flow {__version__}, Python {platform.python_version()}, {sys.platform}\n"
        f"{time.strftime('%Y-%m-%d %H:%M:%S %z')}\n\n"
    )
    atomic_write(path, (head + details).encode("utf-8", "backslashreplace"))
    return path


def report_crash(exc: BaseException) -> str:
    """Save the details of an unexpected error; the one line to show her."""
    if isinstance(exc, AppCrashed):
        details = without_locals(exc.details)
        what = "Gentle Flow stopped unexpectedly"
    else:
        # format_exception never shows local variables, only the code that ran.
        details = "".join(traceback.format_exception(exc))
        what = f"something unexpected went wrong ({type(exc).__name__})"
    try:
        path = save_crash(details)
    except OSError as err:
        return f"gentle: {what}; the details could not be saved ({err.strerror})"
    return f"gentle: {what}; the details are in {path}"
