"""The goals screen never acts on a stale goal: a change made meanwhile elsewhere is kept."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from textual.widgets import Static

from tui.app import GentleApp
from tui.core.models import Goal
from tui.screens.goals import GoalsScreen
from tui.store import Store


def gentle(db: Path, *args: str) -> None:
    """The real CLI in another process, as from a second terminal."""
    subprocess.run([sys.executable, "-m", "tui", "--db", str(db), *args], check=True)


def screen_text(app: GentleApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_a_step_up_from_the_cli_is_not_erased_by_minus(
    empty_store: Store, db_path: Path, fixed_today: date
) -> None:
    empty_store.add_goal(Goal.create(name="Walks", per_week=3, created=fixed_today))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        gentle(db_path, "goal", "step-up", "Walks")  # 3 -> 4, from another terminal
        await pilot.press("minus")
        await pilot.pause()
        assert "Walks was changed meanwhile" in screen_text(app)
    goal = Store.open(db_path).goal("Walks")
    assert goal.target == 4
    assert [s.reason for s in goal.steps] == ["created", "up"]


async def test_minus_never_brings_back_a_goal_removed_meanwhile(
    empty_store: Store, db_path: Path, fixed_today: date
) -> None:
    empty_store.add_goal(Goal.create(name="Walks", per_week=3, created=fixed_today))
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        gentle(db_path, "goal", "remove", "Walks")
        await pilot.press("minus")
        await pilot.pause()
        assert "Walks was removed meanwhile" in screen_text(app)
    assert Store.open(db_path).journal().goals == []
