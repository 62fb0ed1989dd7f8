"""Her choices kept in her settings file: keys she moved, the quiet theme, the flare-day offer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from type_ahead import until

from tui.app import GentleApp
from tui.config import load
from tui.screens.checkin import CheckinScreen
from tui.store import Store
from tui.themes import CALM, QUIET


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


async def test_c_opens_the_check_in_when_her_config_moves_it_there(
    demo_store: Store, own_config: Path
) -> None:
    write(own_config, '[keys]\ncheckin = "c"\n')
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert not isinstance(app.screen, CheckinScreen)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))


async def test_a_bad_entry_is_one_warning_at_start_and_the_default_stays(
    demo_store: Store, own_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(own_config, '[keys]\ncheckin = "tab"\n')
    said: list[str] = []
    monkeypatch.setattr(GentleApp, "notify", lambda self, message, **_: said.append(message))
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CheckinScreen))
    [warning] = said
    assert "keys.checkin" in warning and "keeping l" in warning and "\n" not in warning


async def test_t_remembers_the_quiet_theme_for_the_next_start(
    demo_store: Store, own_config: Path
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert app.theme == QUIET
    assert load(own_config).theme == QUIET
    again = GentleApp(demo_store)
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.theme == QUIET
        await pilot.press("t")
        assert again.theme == CALM
    assert load(own_config).theme == CALM


async def test_the_quiet_theme_is_offered_once_per_flare_day_not_at_every_start(
    empty_store: Store, fixed_today: date, own_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_store.log_checkin(fixed_today, {"flare": True})
    offers: list[str] = []

    def notify(self: GentleApp, message: str, **kwargs: object) -> None:
        if kwargs.get("title") == "Rest day":
            offers.append(message)

    monkeypatch.setattr(GentleApp, "notify", notify)
    for _ in range(2):
        app = GentleApp(empty_store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
    assert len(offers) == 1 and "t for the quiet theme" in offers[0]
    assert load(own_config).quiet_offered == fixed_today
