"""A save the disk refuses (full, read-only): she is told, and the dashboard shows what the file
holds. The app writes behind the screen (tui/store/storage.py), so this comes after the form has
closed and the change was already shown."""

from __future__ import annotations

import errno
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_app import panel_text
from type_ahead import until

from tui.app import GentleApp
from tui.screens.dashboard import DashboardScreen
from tui.store import Store, storage


async def test_a_check_in_the_disk_refuses_is_said_and_not_shown(
    empty_store: Store, fixed_today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_store.log_checkin(fixed_today, {"pain": "3"})
    toasts: list[tuple[str, str]] = []
    app = GentleApp(empty_store)

    def notify(message: str, *, title: str = "", **_: Any) -> None:
        toasts.append((title, message))

    app.notify = notify  # type: ignore[method-assign]

    def full(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Pain 3" in panel_text(app, "#today"))
        monkeypatch.setattr(storage, "atomic_write", full)
        await pilot.press("l", "7", "enter")
        await until(pilot, lambda: any(title == "Not saved" for title, _ in toasts))
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await until(pilot, lambda: "Pain 3" in panel_text(app, "#today"))
    [(_, said)] = [t for t in toasts if t[0] == "Not saved"]
    assert "No space left on device" in said and str(empty_store.path) in said
    assert Store.open(empty_store.path).journal().checkins[fixed_today].pain == 3


async def test_quitting_right_after_a_save_the_disk_refuses_leaves_it_to_be_said(
    empty_store: Store, fixed_today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`l 7 enter q`: the app is gone before the write fails, so the command line says it
    (`gentle` prints `write_failure` and exits 1 after the app gave the terminal back)."""

    def slow_then_full(path: Path, payload: bytes) -> None:
        time.sleep(0.2)
        raise OSError(errno.ENOSPC, "No space left on device")

    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(storage, "atomic_write", slow_then_full)
        await pilot.press("l", "7", "enter", "q")
    assert empty_store.write_failure is not None
    assert "No space left on device" in empty_store.write_failure
    assert fixed_today not in Store.open(empty_store.path).journal().checkins


async def test_a_save_is_written_as_soon_as_it_is_on_screen(
    empty_store: Store, fixed_today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write behind a save waits for the frame that shows it (`start_writing`), not for
    its safety net (`START_AT_MOST`, made an hour here)."""
    monkeypatch.setattr(storage, "START_AT_MOST", 3600.0)
    app = GentleApp(empty_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("l", "6", "enter")
        await until(pilot, lambda: "Pain 6" in panel_text(app, "#today"))

        def on_disk() -> bool:
            journal = Store.open(empty_store.path).journal()
            return fixed_today in journal.checkins

        await until(pilot, on_disk)
    assert Store.open(empty_store.path).journal().checkins[fixed_today].pain == 6
