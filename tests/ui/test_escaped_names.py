"""Names stored before control characters were refused reach the screen escaped, never raw."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tui.app import GentleApp
from tui.core.models import Goal, Session
from tui.store import Store

ESC = "\x1b"


async def test_a_stored_escape_sequence_is_shown_as_text(db_path: Path, fixed_today: date) -> None:
    store = Store.open(db_path)
    store.add_goal(Goal.create(name="Walks", per_week=2, created=fixed_today))
    store.add_session(Session.create(date=fixed_today, kind="walk", minutes=20, routine="Park"))
    data = json.loads(db_path.read_bytes())
    data["goals"]["1"]["name"] = f"Walks{ESC}]0;owned\a"
    data["sessions"]["1"]["routine"] = f"Park{ESC}[2J"
    db_path.write_text(json.dumps(data))
    app = GentleApp(Store.open(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dashboard = app.export_screenshot()
        await pilot.press("g")
        await pilot.pause()
        goals = app.export_screenshot()
    for svg in (dashboard, goals):
        assert ESC not in svg and "\a" not in svg
    assert "Walks\\x1b]0;owned\\x07" in goals
    assert "\\x1b[2J" in dashboard
