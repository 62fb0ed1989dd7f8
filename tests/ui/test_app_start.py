"""Opening the app: its layout first, her data right after; a file not hers ends it calmly."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from type_ahead import type_ahead, until

from tui import cli
from tui.app import GentleApp
from tui.screens.dashboard import DashboardScreen
from tui.screens.goals import GoalsScreen
from tui.store import Store, StoreError


def panel_text(app: App[None], selector: str) -> str:
    widget = app.screen.query_one(selector)
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_the_first_frame_shows_the_layout_and_her_data_follows(demo_store: Store) -> None:
    before: dict[str, str] = {}

    def open_store() -> Store:  # called right after the first frame
        for panel in ("#today", "#flares", "#routines", "#insights", "#goals"):
            before[panel] = panel_text(app, panel)
        before["title"] = panel_text(app, "#title-line")
        return demo_store

    app = GentleApp(open_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.is_loaded
        today = panel_text(app, "#today")
    assert before["#today"].strip() == "…"
    assert all(before[p].strip() == "…" for p in ("#flares", "#routines", "#insights", "#goals"))
    assert before["title"].startswith("Gentle Flow  ·  Monday 23 November 2026")
    assert "Not logged yet today" in today


async def test_keys_typed_while_the_app_starts_land_in_the_form_in_order(
    demo_store: Store, fixed_today: date
) -> None:
    app = GentleApp(lambda: demo_store)
    type_ahead(app, "l", "4", "tab", "3", "tab", "7:30", "enter")  # before the first frame
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: fixed_today in demo_store.journal().checkins)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    checkin = demo_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood, checkin.sleep_hours) == (4, 3, 7.5)


async def test_goals_asked_for_while_the_app_starts_open_at_once(demo_store: Store) -> None:
    app = GentleApp(lambda: demo_store)
    type_ahead(app, "g")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        assert app.is_loaded


async def test_a_file_that_cannot_be_opened_ends_the_app_with_return_code_1() -> None:
    refusal = StoreError("/x/gentle.json: not a Gentle Flow data file. It was left untouched.")

    def open_store() -> Store:
        raise refusal

    app = GentleApp(open_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.load_error is refusal


def test_gentle_on_a_file_that_is_not_hers_says_so_in_one_line_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.json"
    db.write_text('{"shopping": ["milk"]}')

    def run_headless(self: GentleApp, **kwargs: Any) -> Any:
        return App.run(self, headless=True, size=(80, 24))

    monkeypatch.setattr(GentleApp, "run", run_headless)
    assert cli.main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("gentle: ") and str(db) in err and "Traceback" not in err
    assert db.read_text() == '{"shopping": ["milk"]}'
