"""A key typed right after the key that closes a form or dialog goes to the screen beneath."""

from __future__ import annotations

from typing import Any

import pytest
from type_ahead import type_ahead, until

from tui import key_order
from tui.app import GentleApp
from tui.screens.goals import GoalsScreen
from tui.screens.history import HistoryScreen
from tui.store import Store


async def test_a_key_typed_after_saving_a_session_opens_its_screen(demo_store: Store) -> None:
    before = len(demo_store.journal().sessions)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "m", "1", "enter", "h")
        await until(pilot, lambda: len(demo_store.journal().sessions) == before + 1)
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))


async def test_undo_typed_right_after_confirming_a_delete_brings_it_back(
    demo_store: Store,
) -> None:
    toasts: list[str] = []
    app = GentleApp(demo_store)

    def notify(message: str, *, title: str = "", **_: Any) -> None:
        toasts.append(title)

    app.notify = notify  # type: ignore[method-assign]
    entries = everything(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "h", "x", "y", "u")
        await until(pilot, lambda: "Undone" in toasts)
        assert isinstance(app.screen, HistoryScreen)
    assert everything(demo_store) == entries
    [*_, deleted] = demo_store.changes()
    assert (deleted.what, bool(deleted.undone)) == ("delete", True)


def everything(store: Store) -> list[dict[str, Any]]:
    """Every check-in and session, in id order (an entry undone comes back at the end)."""
    docs = store.documents("sessions") + store.documents("checkins")
    return sorted(docs, key=lambda doc: str(doc["id"]))


async def test_goals_typed_right_after_leaving_the_check_in_opens_goals(
    demo_store: Store,
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "l", "escape", "g")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))


async def test_a_key_unused_on_the_dashboard_does_not_run_on_the_next_screen(
    demo_store: Store,
) -> None:
    """`enter g`: the Enter means nothing on the dashboard; it must not edit a goal after `g`."""
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "enter", "g")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [GoalsScreen]


async def test_a_second_enter_after_a_save_does_not_edit_in_the_history(
    demo_store: Store,
) -> None:
    before = len(demo_store.journal().sessions)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "m", "1", "enter", "enter", "h")
        await until(pilot, lambda: len(demo_store.journal().sessions) == before + 1)
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [HistoryScreen]


async def test_keys_after_escape_enter_go_on_when_the_form_closes(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Enter typed as the form closed is never handled: its hold ends as the form goes
    (the safety wait is made far longer than the test's own, so only that can release it)."""
    monkeypatch.setattr(key_order, "HOLD_AT_MOST", 600.0)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "l", "escape", "enter", "g")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))


async def test_a_form_typed_into_is_let_go_once_it_has_closed(demo_store: Store) -> None:
    """What notes where each key went must not keep the closed forms alive (each is some
    6,000 objects that every full collection of the garbage would look through again)."""
    import gc
    import weakref

    from tui.screens.checkin import CheckinScreen
    from tui.screens.dashboard import DashboardScreen

    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))
        form = weakref.ref(app.screen)
        await pilot.press("6", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await until(pilot, lambda: form() is None or not form().is_attached)  # type: ignore[union-attr]

        def gone() -> bool:
            gc.collect()
            return form() is None

        await until(pilot, gone)
