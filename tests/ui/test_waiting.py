"""The check-in and movement forms made ahead (tui/waiting.py): used only while still true.

The first test also guards the one private Textual call the app makes (`App._get_screen`, which
starts a screen that is on no stack): it fails when that call stops giving a mounted form.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from test_app import panel_text
from textual.screen import Screen
from textual.widgets import Input
from type_ahead import until

from tui.app import GentleApp
from tui.screens.checkin import CheckinScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.move import MoveScreen
from tui.store import Store


def pain_shown(app: GentleApp) -> str:
    return app.screen.query_one("#pain", Input).value


async def waiting_checkin(pilot: Any, app: GentleApp) -> Screen[Any]:
    """The check-in form made ahead, once it is made and mounted."""
    await until(pilot, lambda: "checkin" in app.waiting.made)
    await until(pilot, lambda: app.waiting.made["checkin"].screen.is_mounted)
    return app.waiting.made["checkin"].screen


async def test_forms_are_made_ahead_and_l_and_m_show_them(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: set(app.waiting.made) == {"checkin", "move"})
        checkin, move = app.waiting.made["checkin"].screen, app.waiting.made["move"].screen
        await until(pilot, lambda: checkin.focused is not None and move.focused is not None)
        assert isinstance(checkin, CheckinScreen) and isinstance(move, MoveScreen)
        assert checkin.is_mounted and not checkin.is_current

        # Polled: on a busy machine Pilot's press can return before the key is handled.
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))
        assert app.screen is checkin
        assert app.focused is checkin.query_one("#pain", Input)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MoveScreen))
        assert app.screen is move


async def test_a_form_made_before_her_save_is_not_shown_after_it(
    demo_store: Store, fixed_today: date
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        before = await waiting_checkin(pilot, app)
        await pilot.press("l", "7", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))
        assert app.screen is not before
        assert pain_shown(app) == "7"


async def test_a_form_made_before_another_program_wrote_is_not_shown(
    demo_store: Store, fixed_today: date
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        made = await waiting_checkin(pilot, app)
        elsewhere = Store.open(demo_store.path)  # `gentle log` in another terminal
        elsewhere.log_checkin(fixed_today, {"pain": "9"})
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))
        assert app.screen is not made
        assert pain_shown(app) == "9"


async def test_a_form_made_yesterday_is_not_shown_today(
    demo_store: Store, fixed_today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        made = await waiting_checkin(pilot, app)
        monkeypatch.setenv("GENTLE_TODAY", (fixed_today + timedelta(days=1)).isoformat())
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))
        assert app.screen is not made
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.day == fixed_today + timedelta(days=1)


async def test_a_screenshot_app_makes_no_forms_ahead(demo_store: Store) -> None:
    app = GentleApp(demo_store, make_ahead=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.6)  # twice the wait before forms are made
        assert app.waiting.made == {}


async def test_a_form_dropped_while_it_is_being_made_goes_quietly(demo_store: Store) -> None:
    """A change (or the app ending) right as a form is made ahead removes it mid-mount."""
    app = GentleApp(demo_store, make_ahead=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.waiting.prepare("checkin", app.make_checkin_screen)
        first = app.waiting.made["checkin"].screen
        app.waiting.changed()
        app.waiting.prepare("checkin", app.make_checkin_screen)  # drops the first, mid-mount
        second = await waiting_checkin(pilot, app)
        assert second is not first
        app.waiting.prepare("move", app.make_move_screen)  # and the app ends as it is made
    assert app.return_code in (0, None)


async def test_her_journal_is_kept_out_of_collections_once_the_app_has_settled(
    demo_store: Store,
) -> None:
    """A full collection of the garbage looked through twenty years of entries (~20 ms more
    on every one, now and then as she types): after the start they are frozen, and let go of
    when the app ends."""
    import gc

    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: set(app.waiting.made) == {"checkin", "move"})
        entry = demo_store.journal().sessions[0]
        assert gc.get_freeze_count() > 0
        assert not any(o is entry for o in gc.get_objects())

        full: list[str] = []

        def note(phase: str, info: dict[str, int]) -> None:
            if phase == "start" and info["generation"] == 2:
                full.append(phase)

        gc.callbacks.append(note)
        try:
            await pilot.press("l", "6", "enter")
            await until(pilot, lambda: "Pain 6" in panel_text(app, "#today"))
            await until(pilot, lambda: set(app.waiting.made) == {"checkin", "move"})
            assert full, "no full collection at the quiet moment after the save"
        finally:
            gc.callbacks.remove(note)
    assert gc.get_freeze_count() == 0


def test_a_form_s_first_focus_after_the_app_s_screens_are_gone_is_quiet(
    demo_store: Store,
) -> None:
    """`q` (or the end of a test) right as the next forms are made: a form's first focus can
    come after the app has cleared its screens (seen once in CI over the twenty-year file); its
    field clears the app's selection then, which must not crash the app on its way out. An app
    not yet running has no screens either."""
    GentleApp(demo_store).clear_selection()


async def test_a_form_taken_apart_before_its_mount_is_handled_shows_nothing_and_is_quiet(
    demo_store: Store,
) -> None:
    """Seen in CI as an app closed: a form made ahead had lost its title by the time its mount
    was handled. Its mount then does nothing (instead of ending the app with an error)."""
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await waiting_checkin(pilot, app)
        await form.query_one("#checkin-title").remove()
        form.on_mount()  # as Textual would hand it the mount now
        assert not form.query("#checkin-title")
