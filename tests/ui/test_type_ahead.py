"""Keys typed faster than a form appears land in the form, in order (a burst, as a paste sends)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual import events
from type_ahead import type_ahead, until

from tui.app import GentleApp
from tui.screens.dashboard import DashboardScreen
from tui.screens.goal_form import GoalFormScreen
from tui.screens.goals import GoalsScreen
from tui.screens.history import HistoryScreen
from tui.store import Store


def pain_logged(store: Store, day: date, pain: int) -> Callable[[], bool]:
    """Whether the check-in of `day` says `pain` (for `until`)."""

    def logged() -> bool:
        checkin = store.journal().checkins.get(day)
        return checkin is not None and checkin.pain == pain

    return logged


async def test_a_check_in_typed_in_one_burst_saves_every_value(
    demo_store: Store, fixed_today: date
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "l", "4", "tab", "3", "tab", "5", "enter")
        await until(pilot, lambda: fixed_today in demo_store.journal().checkins)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    checkin = demo_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood, checkin.sleep_hours) == (4, 3, 5)


async def test_a_walk_typed_in_one_burst_is_logged_as_typed(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "m", "w", "tab", "25", "tab", "P", "a", "r", "k", "enter")
        await until(pilot, lambda: bool(empty_store.journal().sessions))
    [walk] = empty_store.journal().sessions
    assert (walk.kind, walk.minutes, walk.routine, walk.date) == ("walk", 25, "Park", fixed_today)


async def test_repeating_a_recent_session_in_one_burst(demo_store: Store) -> None:
    before = len(demo_store.journal().sessions)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        latest = demo_store.journal().sessions[-1]
        type_ahead(app, "m", "1", "enter")
        await until(pilot, lambda: len(demo_store.journal().sessions) == before + 1)
    again = demo_store.journal().sessions[-1]
    assert (again.kind, again.minutes) == (latest.kind, latest.minutes)
    assert again.routine == latest.routine


async def test_a_goal_typed_right_after_g_lands_in_the_goal_form(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "g", "plus", "W", "a", "l", "k", "s", "tab", "tab", "3", "enter")
        await until(pilot, lambda: bool(empty_store.journal().goals))
        await until(pilot, lambda: not isinstance(app.screen, GoalFormScreen))
        assert isinstance(app.screen, GoalsScreen)
    [goal] = empty_store.journal().goals
    assert (goal.name, goal.unit, goal.target) == ("Walks", "sessions", 3)


async def test_keys_typed_after_the_saving_enter_wait_for_the_save(
    demo_store: Store, fixed_today: date
) -> None:
    """`7 enter m 1`: the `m 1` would land in the sleep field (`71`) if they did not wait."""
    sessions = len(demo_store.journal().sessions)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "l", "4", "tab", "3", "tab", "7", "enter", "m", "1", "enter", "h")
        await until(pilot, lambda: len(demo_store.journal().sessions) == sessions + 1)
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
    checkin = demo_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood, checkin.sleep_hours) == (4, 3, 7)


async def test_a_note_typed_before_enter_keeps_none_of_the_keys_after_it(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = ["tab"] * 5 + ["o", "k", "enter", "g"]
        type_ahead(app, "l", "2", *keys)
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
    assert empty_store.journal().checkins[fixed_today].note == "ok"


async def test_a_paste_right_after_the_saving_enter_stays_out_of_the_note(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "l", "2", *["tab"] * 5, "o", "k", "enter")
        app.post_message(events.Paste("PASTED"))
        await until(pilot, lambda: fixed_today in empty_store.journal().checkins)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    assert empty_store.journal().checkins[fixed_today].note == "ok"


async def test_keys_typed_as_the_held_ones_go_on_wait_behind_them(
    demo_store: Store, fixed_today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`l 8 enter h u`, then `l 2 enter` typed as the save ends: the undo comes first.

    Her new keys were already in the app's queue when the held ones went on; handed on behind
    them, they ran first: `2` was logged, then undone, and pain 8 stayed."""
    app = GentleApp(demo_store)
    release = app._let_keys_go

    def typed_as_it_goes_on() -> None:
        type_ahead(app, "l", "2", "enter")  # in the queue before the held keys go on
        monkeypatch.setattr(app, "_let_keys_go", release)
        release()

    monkeypatch.setattr(app, "_let_keys_go", typed_as_it_goes_on)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "l", "8", "enter", "h", "u")
        await until(pilot, pain_logged(demo_store, fixed_today, 2))
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause()
    assert demo_store.journal().checkins[fixed_today].pain == 2


async def test_escape_typed_ahead_in_the_history_goes_back_before_the_next_key(
    demo_store: Store, fixed_today: date
) -> None:
    """`h escape l 2 enter`: back on the dashboard, then the check-in (not over the history,
    where the escape, run late, closed the form)."""
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "h", "escape", "l", "2", "enter")
        await until(pilot, lambda: fixed_today in demo_store.journal().checkins)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    assert demo_store.journal().checkins[fixed_today].pain == 2


async def test_a_check_in_typed_right_after_confirming_a_delete_saves_its_values(
    demo_store: Store, fixed_today: date
) -> None:
    """`h x y l 2 enter`: typed into the dialog as it closed, the `2` was lost (the check-in form
    that `l` opened saved nothing). Keys typed after the answer wait until it has closed."""
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "8", "enter")  # today's check-in: the newest entry
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        type_ahead(app, "h", "x", "y", "l", "2", "enter")
        await until(pilot, pain_logged(demo_store, fixed_today, 2))
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
    checkin = demo_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood) == (2, None)  # a new check-in: the old one was deleted


async def test_a_check_in_typed_right_after_removing_a_goal_saves_its_values(
    demo_store: Store, fixed_today: date
) -> None:
    """`g x y l 5 enter`: the goal goes, and the check-in typed after it is saved."""
    goals = len(demo_store.journal().goals)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, "g", "x", "y", "l", "5", "enter")
        await until(pilot, pain_logged(demo_store, fixed_today, 5))
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
    assert demo_store.journal().checkins[fixed_today].pain == 5
    assert len(demo_store.journal().goals) == goals - 1
