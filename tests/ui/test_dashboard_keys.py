"""The dashboard from the keyboard: every panel in reach at 80x24, and one refresh per change."""

from __future__ import annotations

from datetime import date

import pytest
from textual.containers import VerticalScroll
from type_ahead import until

from tui.app import GentleApp
from tui.screens import dashboard_data
from tui.screens.dashboard import DashboardScreen
from tui.store import Store


def visible(app: GentleApp, panel: str) -> bool:
    """Whether the panel is on screen (not scrolled out of the dashboard's body)."""
    body = app.screen.query_one("#dash-body", VerticalScroll)
    widget = app.screen.query_one(panel)
    return body.region.overlaps(widget.region) and widget.region.y >= body.region.y


async def test_page_keys_arrows_home_and_end_reach_every_panel_at_80x24(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        body = app.screen.query_one("#dash-body", VerticalScroll)
        assert not visible(app, "#insights")
        await pilot.press("end")
        await until(pilot, lambda: body.scroll_y == body.max_scroll_y > 0)
        assert visible(app, "#insights") and not visible(app, "#today")
        await pilot.press("home")
        await until(pilot, lambda: body.scroll_y == 0)
        await pilot.press("pagedown")
        await until(pilot, lambda: body.scroll_y > 5)
        paged = body.scroll_y
        await pilot.press("pageup")
        await until(pilot, lambda: body.scroll_y == 0)
        await pilot.press("down", "down")
        await until(pilot, lambda: body.scroll_y == 2)
        await pilot.press("up")
        await until(pilot, lambda: body.scroll_y == 1)
    assert paged > 2


async def test_help_says_how_to_scroll_the_dashboard(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render_line(0).text)
        lines = [app.screen.query_one("#help-text").render_line(y).text for y in range(20)]
    assert text.strip().startswith("Keys")
    assert any("pgup pgdn" in line and "scroll the dashboard" in line for line in lines)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """Each time the dashboard's data is built (the costly part of a refresh)."""
    made: list[date] = []
    build = dashboard_data.build

    def counted(journal: object, day: date, **options: str) -> object:
        made.append(day)
        return build(journal, day, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_data, "build", counted)
    return made


async def test_a_save_refreshes_the_dashboard_once(
    demo_store: Store, builds: list[date], fixed_today: date
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(builds)
        await pilot.press("l", "4", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await until(pilot, lambda: len(builds) > before)
        await pilot.pause()
        assert len(builds) == before + 1
    assert demo_store.journal().checkins[fixed_today].pain == 4


async def test_escape_from_a_form_does_not_refresh_the_dashboard(
    demo_store: Store, builds: list[date]
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(builds)
        await pilot.press("l", "escape", "m", "escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.pause()
        assert len(builds) == before
