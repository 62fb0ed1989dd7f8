"""The history screen driven as she would: find a wrong entry, fix it, delete one, undo."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from demo_life import TODAY
from type_ahead import until

from tui.app import GentleApp
from tui.core.history import entries
from tui.core.models import Checkin, Session
from tui.screens.history import HistoryScreen
from tui.store import Store
from widgets.goal_bar import GoalBars


def history(app: GentleApp) -> HistoryScreen:
    screen = app.screen
    assert isinstance(screen, HistoryScreen), screen
    return screen


def goals_text(app: GentleApp) -> str:
    assert app.dashboard is not None
    return str(app.dashboard.query_one("#goals", GoalBars).render())


def minutes_done(store: Store) -> int:
    from tui.core.goals import week_progress

    journal = store.journal()
    goal = next(g for g in journal.goals if g.name == "Moving minutes")
    return int(week_progress(goal, journal, TODAY).done)


async def down_until(pilot: Any, app: GentleApp, wanted: Any) -> None:
    """Press down until the entry under the cursor is the wanted one (as she would look)."""
    for _ in range(200):
        entry = history(app).current()
        if entry is not None and wanted(entry):
            return
        await pilot.press("down")
    raise AssertionError("never reached the entry")


def is_the_long_walk(entry: Any) -> bool:
    return isinstance(entry, Session) and entry.minutes == 200


async def test_she_finds_the_200_minute_walk_and_fixes_it_to_20(demo_store: Store) -> None:
    said: list[str] = []
    wrong = Session.create(date=TODAY, kind="walk", minutes=200, place="Bellhouse Park")
    demo_store.add_session(wrong)
    before = minutes_done(demo_store)
    app = GentleApp(demo_store)
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.dashboard is not None and app.dashboard.data is not None)
        assert str(before) in goals_text(app)
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await down_until(pilot, app, is_the_long_walk)
        await pilot.press("e", "tab", "2", "0", "enter")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        fixed = demo_store.entry(wrong.id)
        assert isinstance(fixed, Session) and fixed.minutes == 20 and fixed.id == wrong.id
        assert fixed.place == "Bellhouse Park"
        assert history(app).current() == fixed  # the cursor stays on it
        await pilot.press("d")
        await until(pilot, lambda: str(before - 180) in goals_text(app))
    assert minutes_done(demo_store) == before - 180
    assert sum(1 for s in demo_store.journal().sessions if s.id == wrong.id) == 1  # not a copy
    assert "Changed the 200 min walk of 2026-11-23, minutes 200 to 20." in said


async def test_she_deletes_a_session_and_undo_brings_it_back(demo_store: Store) -> None:
    toasts: list[tuple[str, str]] = []
    app = GentleApp(demo_store)

    def notify(message: str, *, title: str = "", **_: Any) -> None:
        toasts.append((title, message))

    app.notify = notify  # type: ignore[method-assign]
    count = len(demo_store.journal().sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await down_until(pilot, app, lambda e: isinstance(e, Session))
        gone = history(app).current()
        assert isinstance(gone, Session)
        await pilot.press("x")
        question = str(app.screen.query_one("Static").render())
        assert f"{gone.minutes} min {gone.kind}" in question
        await pilot.press("y")
        await until(pilot, lambda: len(demo_store.journal().sessions) == count - 1)
        assert all(s.id != gone.id for s in demo_store.journal().sessions)
        assert history(app).current() != gone
        await pilot.press("u")
        await until(pilot, lambda: len(demo_store.journal().sessions) == count)
    assert demo_store.entry(gone.id) == gone
    title, said = toasts[-1]
    assert title == "Undone"
    assert said.startswith("Undone delete:")
    assert f"{gone.minutes} min {gone.kind}" in said and "is back" in said


async def test_any_other_key_keeps_the_entry(demo_store: Store) -> None:
    count = len(demo_store.journal().sessions) + len(demo_store.journal().checkins)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("x", "n", "x", "q", "x", "escape")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert app.is_running  # q answered the question: it did not quit
    journal = demo_store.journal()
    assert len(journal.sessions) + len(journal.checkins) == count


async def test_u_on_the_dashboard_undoes_the_last_change(demo_store: Store) -> None:
    said: list[str] = []
    app = GentleApp(demo_store)
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    demo_store.add_session(Session.create(date=TODAY, kind="snack", minutes=3))
    count = len(demo_store.journal().sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: len(demo_store.journal().sessions) == count - 1)
    assert "3 min snack" in said[-1]


async def test_a_check_in_moves_to_another_day_with_the_bracket(demo_store: Store) -> None:
    checkins = demo_store.journal().checkins
    moving = next(
        checkin
        for day, checkin in sorted(checkins.items(), reverse=True)
        if day - timedelta(days=1) not in checkins
    )
    free = moving.date - timedelta(days=1)
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await down_until(pilot, app, lambda e: isinstance(e, Checkin) and e.id == moving.id)
        await pilot.press("enter", "left_square_bracket", "enter")
        await until(pilot, lambda: demo_store.entry(moving.id).date == free)
        await until(pilot, lambda: history(app).current() == demo_store.entry(moving.id))
    checkins = demo_store.journal().checkins
    assert checkins[free].id == moving.id and checkins[free].pain == moving.pain
    assert moving.date not in checkins


async def test_history_follows_her_own_key(demo_store: Store, own_config: Path) -> None:
    own_config.parent.mkdir(parents=True, exist_ok=True)
    own_config.write_text('[keys]\nhistory = "y"\n', "utf-8")
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)
        assert app.key_for("history") == "y"  # as the key bar, help and palette name it
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("escape")
        await until(pilot, lambda: app.current_mode == "dashboard")


async def test_her_text_is_shown_literally(demo_store: Store) -> None:
    demo_store.add_session(Session.create(date=TODAY, kind="walk", minutes=5, place="[b]home[/b]"))
    app = GentleApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        shown = str(history(app).entries.render())
    assert "at [b]home[/b]" in shown


async def test_help_and_the_palette_name_history_and_undo(demo_store: Store) -> None:
    from tui.keys import shown_keys

    app = GentleApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: app.current_mode == "help")
        await pilot.pause()
        page = app.export_screenshot().replace("&#160;", " ")
        keys = {key: binding.action for key, binding in shown_keys(app.screen)}
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert keys["h"] == "history" and keys["u"] == "undo"
    assert "History" in titles and "Undo" in titles
    assert "Undo: take back the last change" in page
    assert "In the history" in page


async def test_an_empty_history_invites_her_to_log(empty_store: Store) -> None:
    said: list[str] = []
    app = GentleApp(empty_store)
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("down", "pagedown", "end", "e", "x", "u")
        await until(pilot, lambda: "Nothing to undo." in said)
        assert isinstance(app.screen, HistoryScreen) and history(app).current() is None
        title = str(app.screen.query_one("#history-title").render())
    assert "Nothing logged yet" in title


async def test_a_control_character_in_a_stored_name_is_shown_escaped(
    demo_store: Store, db_path: Path
) -> None:
    said: list[str] = []
    session = Session.create(date=TODAY, kind="walk", minutes=7, routine="Park")
    demo_store.add_session(session)
    data = json.loads(db_path.read_text("utf-8"))  # as stored before they were refused
    for doc in data["sessions"].values():
        if doc["id"] == session.id:
            doc["routine"] = "Park\x1b[2J"
    db_path.write_text(json.dumps(data), "utf-8")
    app = GentleApp(Store.open(db_path))
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await down_until(pilot, app, lambda e: getattr(e, "id", "") == session.id)
        rows = str(history(app).entries.render())
        await pilot.press("x", "y")
        await until(pilot, lambda: bool(said))
    assert "Park\\x1b[2J" in rows and "\x1b" not in rows
    assert "Park\\x1b[2J" in said[-1] and "\x1b" not in said[-1]


async def test_pagedown_and_pageup_move_a_week(demo_store: Store) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        first = history(app).current()
        assert first is not None and first.date == TODAY
        await pilot.press("pagedown")
        week_back = history(app).current()
        assert week_back is not None and week_back.date == TODAY - timedelta(days=7)
        await pilot.press("pagedown", "pagedown", "pageup")
        again = history(app).current()
        assert again is not None and again.date == TODAY - timedelta(days=14)
        await pilot.press("end")
        oldest = history(app).current()
        assert oldest is not None and oldest.date == min(
            e.date for e in entries(demo_store.journal())
        )
        await pilot.press("home")
        assert history(app).current() == first


async def test_a_check_in_moved_onto_a_logged_day_says_so_and_stays(demo_store: Store) -> None:
    checkins = demo_store.journal().checkins
    moving = next(
        checkin
        for day, checkin in sorted(checkins.items(), reverse=True)
        if day - timedelta(days=1) in checkins
    )
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await down_until(pilot, app, lambda e: e.id == moving.id)
        await pilot.press("e", "left_square_bracket", "enter")
        await pilot.pause()
        status = str(app.screen.query_one("#checkin-status").render())
        assert "has a check-in already" in status
        assert not isinstance(app.screen, HistoryScreen)  # the form stays open
        await pilot.press("escape")
    assert demo_store.entry(moving.id).date == moving.date


async def test_a_history_taken_apart_before_its_mount_is_handled_is_quiet(
    demo_store: Store,
) -> None:
    """Seen in tmux as the app closed on `q` typed right after `h`: the history had lost its list
    by the time its mount was handled. Its mount then does nothing instead of crashing."""
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await screen.query_one("#history-list").remove()
        screen.on_mount()  # as Textual would hand it the mount now
        assert not screen.query("#history-list")
