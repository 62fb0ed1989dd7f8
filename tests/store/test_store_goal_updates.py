"""Goal changes apply to the goal as it is in the file now, under the lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from msgspec.structs import replace

from tui.core import goals as rules
from tui.core.errors import InputError, StaleGoal
from tui.core.models import Goal
from tui.store import Store

DAY = date(2024, 6, 1)


def two_windows(db: Path) -> tuple[Store, Store]:
    first = Store.open(db)
    first.add_goal(Goal.create(name="Walks", per_week=3, created=DAY))
    return first, Store.open(db)


def test_a_change_made_elsewhere_is_never_overwritten(db: Path) -> None:
    app, cli = two_windows(db)
    shown = app.goal("Walks")
    cli.update_goal("Walks", lambda g: rules.step_up_now(g, DAY))
    with pytest.raises(StaleGoal, match="changed meanwhile"):
        app.update_goal("Walks", lambda g: rules.step_down(shown, DAY), expected=shown)
    assert Store.open(db).goal("Walks").target == 4


def test_a_goal_removed_elsewhere_is_never_brought_back(db: Path) -> None:
    app, cli = two_windows(db)
    shown = app.goal("Walks")
    cli.remove_goal("Walks")
    with pytest.raises(StaleGoal, match="removed meanwhile"):
        app.update_goal("Walks", lambda g: rules.decline_step_up(shown, DAY), expected=shown)
    assert Store.open(db).journal().goals == []


def test_without_expected_the_change_applies_to_what_is_there_now(db: Path) -> None:
    app, cli = two_windows(db)
    cli.update_goal("Walks", lambda g: rules.step_up_now(g, DAY))
    saved = app.update_goal("Walks", lambda g: rules.step_down(g, DAY))
    assert saved.target == 3
    assert [s.reason for s in Store.open(db).goal("Walks").steps] == ["created", "up", "down"]


def test_an_unknown_goal_names_the_goals_there_are(db: Path) -> None:
    app, _ = two_windows(db)
    with pytest.raises(InputError, match="Walks"):
        app.update_goal("Runs", lambda g: g)


def test_a_rename_onto_another_goal_is_refused(db: Path) -> None:
    app, _ = two_windows(db)
    app.add_goal(Goal.create(name="Videos", per_week=2, created=DAY))
    with pytest.raises(InputError, match="exists already"):
        app.update_goal("Walks", lambda g: replace(g, name="videos"))


def test_the_checked_marker_never_covers_a_file_changed_since(db: Path) -> None:
    import json
    import stat

    from tui.store import StoreError
    from tui.store.disk import checked_marker

    store = Store.open(db)
    store.log_checkin(DAY, {"pain": 3})
    marker = checked_marker(db)
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    data = json.loads(db.read_bytes())
    data["checkins"]["1"]["pain"] = "x"  # the same length, another fingerprint
    db.write_text(json.dumps(data))
    with pytest.raises(StoreError, match=r"checkins #1: pain"):
        Store.open(db).journal()
