"""Goals, imported check-ins and sessions change in place without disturbing anything else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest
from msgspec.structs import replace

from tui.core.errors import InputError
from tui.core.models import Checkin, Goal, Session
from tui.store import Store

CREATED = date(2024, 5, 1)


def walks(per_week: int = 3, name: str = "Walks") -> Goal:
    return Goal.create(name=name, per_week=per_week, kinds=["walk"], created=CREATED)


def test_goals_can_be_added_changed_renamed_and_removed_without_touching_her_sessions(
    db: Path,
) -> None:
    store = Store.open(db)
    store.add_sessions(Session(date=CREATED, kind="walk", minutes=m) for m in (10, 20, 30))
    store.add_goal(walks())
    store.add_goal(walks(name="Stretching"))
    with pytest.raises(InputError):
        store.add_goal(walks(name="walks"))  # the same name, whatever the case

    store.save_goal(walks(per_week=4))
    store.save_goal(replace(walks(per_week=4), name="Gentle walks"), old_name="Walks")
    assert store.remove_goal("stretching")
    assert not store.remove_goal("Stretching")

    journal = Store.open(db).journal()
    assert [(g.name, g.target) for g in journal.goals] == [("Gentle walks", 4)]
    assert [s.minutes for s in journal.sessions] == [10, 20, 30]


def test_imported_checkins_replace_those_of_the_same_date_and_add_the_others(db: Path) -> None:
    store = Store.open(db)
    store.log_checkin(date(2024, 5, 1), {"pain": 6, "note": "before the import"})
    store.log_checkin(date(2024, 5, 2), {"pain": 5})
    store.put_checkins(
        [Checkin(date=date(2024, 5, 2), mood=4), Checkin(date=date(2024, 5, 3), mood=2)]
    )

    checkins = Store.open(db).journal().checkins
    assert sorted(checkins) == [date(2024, 5, 1), date(2024, 5, 2), date(2024, 5, 3)]
    assert (checkins[date(2024, 5, 1)].pain, checkins[date(2024, 5, 1)].note) == (
        6,
        "before the import",
    )
    assert (checkins[date(2024, 5, 2)].pain, checkins[date(2024, 5, 2)].mood) == (None, 4)


def test_every_entry_keeps_its_own_id_on_disk_after_removals(db: Path) -> None:
    store = Store.open(db)
    store.add_goal(walks(name="One"))
    store.add_goal(walks(name="Two"))
    store.remove_goal("One")
    store.add_goal(walks(name="Three"))

    goals = orjson.loads(db.read_bytes())["goals"]
    assert all(isinstance(key, str) and key.isdigit() for key in goals)
    assert sorted(doc["name"] for doc in goals.values()) == ["Three", "Two"]
    assert goals["2"]["name"] == "Two"


def test_a_changed_goal_keeps_its_place_in_her_list(db: Path) -> None:
    store = Store.open(db)
    for name in ("Strength videos", "Walks", "Moving minutes"):
        store.add_goal(walks(name=name))
    store.save_goal(replace(store.goal("Strength videos"), target=4))
    names = [(g.name, g.target) for g in Store.open(db).journal().goals]
    assert names == [("Strength videos", 4), ("Walks", 3), ("Moving minutes", 3)]
