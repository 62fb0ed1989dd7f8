"""The goals screen through the real app: progress, pacing offers she answers, add and remove."""

from __future__ import annotations

import re
from datetime import date, timedelta

from textual.widgets import Static
from ui_host import Host

from tui.app import GentleApp
from tui.core.models import Goal, Session
from tui.screens.goal_card import GoalCard
from tui.screens.goal_form import GoalFormScreen
from tui.screens.goals import GoalsScreen
from tui.store import Store
from widgets.forms import ConfirmScreen

UNKIND = re.compile(r"missed|failed|broken|streak", re.IGNORECASE)


def three_good_weeks(store: Store, today: date, name: str = "Strength videos") -> None:
    """A 2-a-week goal (working up to 4, a step every 3 weeks) met the last three weeks."""
    start = today - timedelta(weeks=3)
    store.add_goal(
        Goal.create(
            name=name, per_week=2, kinds=("strength",), ramp_to=4, ramp_every=3, created=start
        )
    )
    store.add_sessions(
        Session.create(date=start + timedelta(weeks=w, days=d), kind="strength", minutes=10)
        for w in range(3)
        for d in (0, 3)
    )


def screen_text(app: GentleApp) -> str:
    """Every Static's text on the current screen, one per line."""
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


def the_goal(store: Store, name: str) -> Goal:
    return next(g for g in store.journal().goals if g.name == name)


async def test_g_shows_each_goal_this_week_and_the_last_eight_weeks(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        cards = list(app.screen.query(GoalCard))
        assert [c.goal.name for c in cards] == [g.name for g in demo_store.journal().goals]
        text = screen_text(app)
        assert "last 8 weeks" in text
        assert not UNKIND.search(text)


async def test_a_step_up_is_offered_and_accepting_raises_the_target(
    empty_store: Store, fixed_today: date
) -> None:
    three_good_weeks(empty_store, fixed_today)
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert (
            "You've met this 3 weeks running. Step up to 3 sessions a week? a accept · n not now"
            in screen_text(app)
        )
        await pilot.press("a")
        await pilot.pause()
        assert "Step up to" not in screen_text(app)
    goal = the_goal(empty_store, "Strength videos")
    assert goal.target == 3
    assert (goal.steps[-1].reason, goal.steps[-1].date) == ("up", fixed_today)


async def test_not_now_keeps_the_target_and_puts_the_offer_away(
    empty_store: Store, fixed_today: date
) -> None:
    three_good_weeks(empty_store, fixed_today)
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "n")
        await pilot.pause()
        assert "Step up to" not in screen_text(app)
    goal = the_goal(empty_store, "Strength videos")
    assert goal.target == 2
    assert goal.declined == fixed_today


async def test_a_without_an_offer_changes_nothing(empty_store: Store, fixed_today: date) -> None:
    empty_store.add_goal(Goal.create(name="Walks", per_week=2, created=fixed_today))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "a")
        await pilot.pause()
    assert the_goal(empty_store, "Walks").target == 2


async def test_minus_steps_down_any_time(empty_store: Store, fixed_today: date) -> None:
    empty_store.add_goal(Goal.create(name="Walks", per_week=3, created=fixed_today))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "minus")
        await pilot.pause()
        assert "now 2 sessions a week" in screen_text(app)
    goal = the_goal(empty_store, "Walks")
    assert goal.target == 2
    assert goal.steps[-1].reason == "down"


async def test_the_second_goal_is_chosen_with_down(empty_store: Store, fixed_today: date) -> None:
    empty_store.add_goal(Goal.create(name="Walks", per_week=3, created=fixed_today))
    empty_store.add_goal(Goal.create(name="Videos", per_week=3, created=fixed_today))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "down", "minus")
        await pilot.pause()
    assert the_goal(empty_store, "Walks").target == 3
    assert the_goal(empty_store, "Videos").target == 2


async def test_adding_a_goal_from_the_keyboard(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "plus")
        assert isinstance(app.screen, GoalFormScreen)
        await pilot.press(*"Morning walks", "tab", "tab", "3", "tab", "w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert app.screen.focused is not None
        assert getattr(app.screen.focused, "goal", None) is not None
    goal = the_goal(empty_store, "Morning walks")
    assert (goal.unit, goal.target, goal.kinds) == ("sessions", 3, ("walk",))


async def test_a_goal_form_explains_a_target_out_of_range(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "plus", *"Walks", "tab", "tab", "9", "9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalFormScreen)
        assert "1 to 50" in screen_text(app)
    assert empty_store.journal().goals == []


async def test_editing_a_goal_keeps_its_history(empty_store: Store, fixed_today: date) -> None:
    created = fixed_today - timedelta(weeks=4)
    empty_store.add_goal(Goal.create(name="Walks", per_week=2, created=created))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "e", "tab", "tab", "3", "enter")
        await pilot.pause()
    goal = the_goal(empty_store, "Walks")
    assert goal.target == 3
    assert [s.reason for s in goal.steps] == ["created", "edited"]
    assert goal.target_on(created) == 2


async def test_removing_a_goal_asks_first(empty_store: Store, fixed_today: date) -> None:
    empty_store.add_goal(Goal.create(name="Walks", per_week=2, created=fixed_today))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert [g.name for g in empty_store.journal().goals] == ["Walks"]
        await pilot.press("x", "y")
        await pilot.pause()
        assert "No goals yet" in screen_text(app)
    assert empty_store.journal().goals == []


async def test_a_goal_named_like_markup_is_shown_as_typed(
    empty_store: Store, fixed_today: date
) -> None:
    name = "[b]Lower[/b] Body [/]"
    empty_store.add_goal(
        Goal.create(name=name, per_week=2, routine="[i]Video[/i]", created=fixed_today)
    )
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        bar = app.screen.query_one(GoalCard).query_one("GoalBars")
        assert name in str(bar.render())
        assert "[i]Video[/i]" in screen_text(app)


async def test_movement_logged_from_the_goals_screen_shows_at_once(
    empty_store: Store, fixed_today: date
) -> None:
    empty_store.add_goal(
        Goal.create(name="Walks", per_week=3, kinds=("walk",), created=fixed_today)
    )
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert "0 of 3" in str(app.screen.query_one("GoalBars").render())
        await pilot.press("m", "w", "tab", "2", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert "1 of 3" in str(app.screen.query_one("GoalBars").render())


def test_goals_screen_at_80x24(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(GoalsScreen(demo_store)), terminal_size=(80, 24))


def test_goals_screen_at_120x40(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(GoalsScreen(demo_store)), terminal_size=(120, 40))


def test_goals_screen_with_a_step_up_offer_at_80x24(
    snap_compare, empty_store: Store, fixed_today: date
) -> None:
    three_good_weeks(empty_store, fixed_today, "[b]Lower[/b] Body [/]")
    assert snap_compare(Host(GoalsScreen(empty_store)), terminal_size=(80, 24))


def test_goal_form_at_80x24(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(GoalsScreen(demo_store)), press=["e"], terminal_size=(80, 24))


def test_goal_form_at_120x40(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(GoalsScreen(demo_store)), press=["plus"], terminal_size=(120, 40))
