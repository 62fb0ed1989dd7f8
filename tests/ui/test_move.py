"""Logging movement through the real app: repeating a recent session, milestones, validation."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from textual.widgets import Input
from ui_host import Host

from tui.app import GentleApp
from tui.core.models import CustomMilestone, Session
from tui.core.recent import recent_sessions
from tui.screens.move import MoveScreen
from tui.store import Store
from widgets.forms import ChoiceBar, Field

VIDEO = "Lower Body Strength"


def session(day: date, **fields: Any) -> Session:
    values: dict[str, Any] = {"kind": "strength", "minutes": 10, "routine": VIDEO}
    values.update(fields)
    return Session.create(date=day, **values)


class Toasts:
    """The notifications the app showed (title and message), in order."""

    def __init__(self, app: GentleApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        notify = app.notify

        def record(message: str, *, title: str = "", **kwargs: Any) -> None:
            self.shown.append((title, message))
            notify(message, title=title, **kwargs)

        monkeypatch.setattr(app, "notify", record)

    def about(self, word: str) -> list[tuple[str, str]]:
        return [t for t in self.shown if word in t[0] or word in t[1]]


async def test_repeating_yesterdays_video_with_her_mother_in_law_takes_four_keys_at_most(
    demo_store: Store, fixed_today: date
) -> None:
    recent = recent_sessions(demo_store.journal())
    number = next(
        i for i, s in enumerate(recent, 1) if s.routine == VIDEO and s.companion is not None
    )
    wanted = recent[number - 1]
    keys = ["m", str(number), "enter"]
    assert len(keys) <= 4
    before = len(demo_store.journal().sessions)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert not isinstance(app.screen, MoveScreen)
    sessions = demo_store.journal().sessions
    assert len(sessions) == before + 1
    new = sessions[-1]
    assert new.date == fixed_today
    assert (new.routine, new.companion, new.kind, new.place, new.minutes) == (
        wanted.routine,
        wanted.companion,
        wanted.kind,
        wanted.place,
        wanted.minutes,
    )


def test_recent_sessions_are_distinct_and_most_recent_first(fixed_today: date) -> None:
    from tui.core.models import Journal

    old = fixed_today - timedelta(days=3)
    journal = Journal(
        sessions=[
            session(old, companion="Ann"),
            session(old, kind="walk", routine=None, minutes=30, place="Bellhouse Park"),
            session(fixed_today - timedelta(days=1), companion="ann", minutes=12),
            session(fixed_today - timedelta(days=1)),  # alone: a different session
        ]
    )
    recent = recent_sessions(journal)
    assert [(s.companion, s.kind, s.minutes) for s in recent] == [
        (None, "strength", 10),
        ("ann", "strength", 12),
        (None, "walk", 30),
    ]


async def test_the_form_opens_on_the_kind_and_quick_keys_pick_it(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        kind = app.screen.query_one("#kind", ChoiceBar)
        assert app.screen.focused is kind
        for key, value in (("w", "walk"), ("s", "strength"), ("t", "stretch"), ("n", "snack")):
            await pilot.press(key)
            assert kind.value == value


async def test_a_walk_typed_in_full_is_saved(empty_store: Store, fixed_today: date) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "w", "tab", "2", "5", "tab", "tab", *"Bellhouse Park")
        await pilot.press("tab", *"Ann", "tab", "5", "tab", "4", "enter")
        await pilot.pause()
    [walk] = empty_store.journal().sessions
    assert (walk.date, walk.kind, walk.minutes, walk.place, walk.companion) == (
        fixed_today,
        "walk",
        25,
        "Bellhouse Park",
        "Ann",
    )
    assert (walk.pain_before, walk.pain_after) == (5, 4)


async def test_minutes_out_of_range_are_explained_and_nothing_is_saved(
    empty_store: Store,
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "n", "tab", "7", "0", "0", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MoveScreen)
        field = screen.query_one("#field-minutes", Field)
        assert field.has_class("-has-message")
        assert "1 to 600" in field.message
    assert empty_store.journal().sessions == []


async def test_escape_saves_nothing(demo_store: Store) -> None:
    before = len(demo_store.journal().sessions)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "1", "escape")
        await pilot.pause()
    assert len(demo_store.journal().sessions) == before


async def test_the_routine_completes_from_her_past_routines(
    empty_store: Store, fixed_today: date
) -> None:
    empty_store.add_session(session(fixed_today - timedelta(days=1)))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "s", "tab", "1", "0", "tab", *"low")
        await pilot.pause()
        await pilot.press("right")
        assert app.screen.query_one("#routine", Input).value == VIDEO


async def test_left_bracket_dates_the_session_yesterday(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "left_square_bracket", "n", "tab", "3", "enter")
        await pilot.pause()
    [snack] = empty_store.journal().sessions
    assert snack.date == fixed_today - timedelta(days=1)


async def test_a_milestone_is_celebrated_once_with_her_reward(
    empty_store: Store, fixed_today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = fixed_today - timedelta(days=20)
    empty_store.add_sessions(session(start + timedelta(days=i)) for i in range(9))
    empty_store.add_milestone(CustomMilestone(VIDEO, 10, "a day trip to the sea"))
    app = GentleApp(empty_store)
    toasts = Toasts(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "1", "enter")  # the 10th time
        await pilot.pause()
        await pilot.press("m", "1", "enter")  # the 11th time
        await pilot.pause()
    assert len(empty_store.journal().sessions) == 11
    celebrations = toasts.about("10 times")
    assert len(celebrations) == 1
    title, message = celebrations[0]
    assert VIDEO in title
    assert "a day trip to the sea" in message
    assert (VIDEO.casefold(), 10) in empty_store.journal().celebrated


async def test_a_routine_named_like_markup_is_shown_as_typed(
    empty_store: Store, fixed_today: date
) -> None:
    name = "[b]Lower[/b] Body [/]"
    empty_store.add_session(session(fixed_today, routine=name, companion="[i]Ann[/i]"))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        lines = [str(s.render()) for s in app.screen.query(".recent-line")]
        assert any(name in line and "[i]Ann[/i]" in line for line in lines)
        await pilot.press("1")
        assert app.screen.query_one("#routine", Input).value == name
        await pilot.press("enter")
        await pilot.pause()
    assert empty_store.journal().sessions[-1].routine == name


def test_movement_form_at_80x24(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(MoveScreen(demo_store)), terminal_size=(80, 24))


def test_movement_form_filled_from_a_recent_session_at_120x40(
    snap_compare, demo_store: Store
) -> None:
    assert snap_compare(Host(MoveScreen(demo_store)), press=["4"], terminal_size=(120, 40))


def test_movement_form_explaining_minutes_at_80x24(snap_compare, demo_store: Store) -> None:
    keys = ["w", "tab", "9", "9", "9", "enter"]
    assert snap_compare(Host(MoveScreen(demo_store)), press=keys, terminal_size=(80, 24))
