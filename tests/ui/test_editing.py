"""A check-in or session opened in its own form to edit it: prefilled, and only the changes handed
back (the history screen writes them; the form itself writes nothing)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.widgets import Input
from type_ahead import until
from ui_host import Host

from tui.core.errors import InputError
from tui.screens.checkin import CheckinScreen
from tui.screens.move import MoveScreen
from tui.store import Store


async def test_a_check_in_opens_filled_in_and_hands_back_what_changed(demo_store: Store) -> None:
    entry = list(demo_store.journal().checkins.values())[-3]
    pain = 0 if entry.pain != 0 else 1
    handed: list[dict[str, Any]] = []
    before = demo_store.journal()
    screen = CheckinScreen(demo_store, editing=entry, on_save=handed.append)
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: screen.is_mounted and bool(screen.loaded))
        assert screen.query_one("#pain", Input).value == str(entry.pain)
        assert screen.query_one("#mood", Input).value == str(entry.mood)
        await pilot.press(str(pain), "left_square_bracket", "enter")
        await until(pilot, lambda: bool(handed))
    assert handed == [{"pain": pain, "date": entry.date - timedelta(days=1)}]
    assert demo_store.journal() is before  # nothing written by the form


async def test_a_refused_edit_is_shown_and_the_form_stays_open(demo_store: Store) -> None:
    entry = list(demo_store.journal().checkins.values())[-3]

    def refuse(changes: dict[str, Any]) -> None:
        raise InputError("date", "already has a check-in; edit that one instead")

    screen = CheckinScreen(demo_store, editing=entry, on_save=refuse)
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: screen.is_mounted and bool(screen.loaded))
        await pilot.press("left_square_bracket", "enter")
        status = str(screen.query_one("#checkin-status").render())
        assert "already has a check-in" in status
        assert host.screen is screen


async def test_a_session_opens_filled_in_and_hands_back_what_changed(demo_store: Store) -> None:
    entry = demo_store.journal().sessions[-1]
    minutes = 42 if entry.minutes != 42 else 43
    handed: list[dict[str, Any]] = []
    screen = MoveScreen(demo_store, editing=entry, on_save=handed.append)
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: screen.is_mounted and bool(screen.loaded))
        assert screen.query_one("#minutes", Input).value == str(entry.minutes)
        assert screen.loaded["kind"] == entry.kind
        await pilot.press("tab", *str(minutes), "enter")
        await until(pilot, lambda: bool(handed))
    assert handed == [{"minutes": minutes}]
