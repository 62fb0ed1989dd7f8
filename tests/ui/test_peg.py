"""The weekly PEG check in the app: `p`, three numbers, enter; and its one line on the dashboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from demo_life import TODAY
from textual.widgets import Input
from type_ahead import type_ahead, until
from ui_host import Host

from tui.app import GentleApp
from tui.core.peg import Peg
from tui.screens.dashboard import DashboardScreen
from tui.screens.peg import PegScreen
from tui.screenshot import wait_until_drawn
from tui.store import Store
from widgets.forms import Field

ANSWER = ["p", "4", "tab", "5", "tab", "6", "enter"]
INVITATION = "weekly check: how was the week?"
WEDNESDAY_BEFORE = date(2026, 11, 18)  # the week before TODAY (a Monday)


def answers(store: Store) -> list[tuple[date, int, int, int]]:
    return [(p.date, p.pain, p.enjoyment, p.activity) for p in store.journal().pegs]


def today_text(app: GentleApp) -> str:
    """The Today panel as shown, its lines joined."""
    panel = app.screen.query_one("#today")
    return " ".join(
        panel.render_line(y).text.strip() for y in range(panel.content_size.height)
    ).strip()


def message_under(screen: PegScreen, field: str) -> str:
    return screen.query_one(f"#field-{field}", Field).message


async def test_p_then_three_numbers_saves_this_weeks_answer_and_the_dashboard_shows_it(
    demo_store: Store,
) -> None:
    before = answers(demo_store)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_drawn(pilot)
        assert INVITATION in today_text(app)
        await pilot.press(*ANSWER)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await until(pilot, lambda: "PEG this week" in today_text(app))
        text = today_text(app)
    assert answers(demo_store) == [*before, (TODAY, 4, 5, 6)]
    assert "PEG this week 5.0 of 10" in text
    assert INVITATION not in text


async def test_an_answer_typed_before_the_form_appears_lands_in_it(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        type_ahead(app, *ANSWER)
        await until(pilot, lambda: any(p.date == TODAY for p in demo_store.journal().pegs))
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await until(pilot, lambda: "PEG this week 5.0" in today_text(app))
    assert answers(demo_store)[-1] == (TODAY, 4, 5, 6)


async def test_the_form_opens_on_pain_and_asks_the_three_questions(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, PegScreen)
        assert screen.focused is screen.query_one("#pain", Input)
        shown = " ".join(str(q.render()) for q in screen.query(".peg-question"))
    assert "your pain on average in the past week" in shown
    assert "interfered with your enjoyment of life" in shown
    assert "interfered with your general activity" in shown


async def test_escape_closes_without_saving(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "4", "tab", "5", "escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    assert empty_store.journal().pegs == []


async def test_eleven_is_explained_at_the_field_and_the_form_stays_open(
    empty_store: Store,
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "1", "1", "tab", "5", "tab", "6", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PegScreen)
        message = message_under(screen, "pain")
        assert "0 to 10" in message and "11" in message
        assert screen.focused is screen.query_one("#pain", Input)
    assert empty_store.journal().pegs == []


async def test_enter_with_an_item_left_empty_names_it_at_its_field(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "4", "tab", "tab", "6", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PegScreen)
        assert message_under(screen, "enjoyment") == "Enjoyment needs a number from 0 to 10"
        assert message_under(screen, "pain") == message_under(screen, "activity") == ""
        assert screen.focused is screen.query_one("#enjoyment", Input)
        await pilot.press("3", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    assert answers(empty_store) == [(TODAY, 4, 3, 6)]


async def test_an_answered_week_opens_filled_in_and_saving_replaces_the_answer(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_store.log_peg(Peg.create(date=TODAY, pain=7, enjoyment=6, activity=8))
    before = len(demo_store.journal().pegs)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, PegScreen)
        assert screen.values() == {"pain": "7", "enjoyment": "6", "activity": "8"}
        await pilot.press("3", "enter")  # a digit replaces the pain shown
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await until(pilot, lambda: "PEG this week 5.7" in today_text(app))
    assert len(demo_store.journal().pegs) == before  # replaced, not added
    assert answers(demo_store)[-1] == (TODAY, 3, 6, 8)


async def test_saving_an_answered_week_unchanged_writes_nothing(empty_store: Store) -> None:
    empty_store.log_peg(Peg.create(date=TODAY, pain=7, enjoyment=6, activity=8))
    changes = len(empty_store.changes())
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    assert len(empty_store.changes()) == changes


# -- the dashboard's line ------------------------------------------------------------------------


async def dashboard_today(store: Store) -> str:
    app = GentleApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_drawn(pilot)
        return today_text(app)


async def test_an_open_week_is_invited_in_one_line(demo_store: Store) -> None:
    text = await dashboard_today(demo_store)
    assert text.count("weekly check") == 1
    assert f"p {INVITATION}" in text


async def test_last_weeks_answer_does_not_answer_this_week(demo_store: Store) -> None:
    demo_store.log_peg(Peg.create(date=WEDNESDAY_BEFORE, pain=4, enjoyment=4, activity=4))
    assert INVITATION in await dashboard_today(demo_store)


async def test_an_answered_week_shows_its_score_quietly_instead(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_store.log_peg(Peg.create(date=WEDNESDAY_BEFORE, pain=4, enjoyment=5, activity=5))
    monkeypatch.setenv("GENTLE_TODAY", "2026-11-22")  # the Sunday of the week answered
    text = await dashboard_today(demo_store)
    assert "PEG this week 4.7 of 10" in text
    assert INVITATION not in text


async def test_a_rest_day_asks_nothing(demo_store: Store) -> None:
    demo_store.log_checkin(TODAY, {"flare": True})
    text = await dashboard_today(demo_store)
    assert "weekly check" not in text and "PEG" not in text


async def test_a_first_run_is_only_welcomed(empty_store: Store) -> None:
    text = await dashboard_today(empty_store)
    assert "Welcome" in text and "weekly check" not in text


async def test_her_key_for_the_check_opens_it_and_is_named_in_the_line(
    demo_store: Store, own_config: Path
) -> None:
    own_config.parent.mkdir(parents=True)
    own_config.write_text('[keys]\npeg = "w"\n')
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_drawn(pilot)
        assert f"w {INVITATION}" in today_text(app)
        assert app.key_for("peg") == "w"
        await pilot.press("p")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("w")
        assert isinstance(app.screen, PegScreen)


async def test_help_and_the_palette_name_the_weekly_check(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Weekly check" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        shown = app.screen.query_one("#help-text")
        lines = [shown.render_line(y).text for y in range(shown.content_size.height)]
    assert any(
        line.split()[:1] == ["p"] and "Weekly check: how pain went over the past week" in line
        for line in lines
    )


def test_the_form_at_80x24(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(PegScreen(demo_store)), terminal_size=(80, 24))


def test_the_form_with_a_message_at_80x24(snap_compare, demo_store: Store) -> None:
    assert snap_compare(
        Host(PegScreen(demo_store)), press=["1", "2", "tab", "5", "enter"], terminal_size=(80, 24)
    )
