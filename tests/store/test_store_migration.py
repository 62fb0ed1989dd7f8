"""A file written by an older Gentle Flow is brought forward on open, with the old one kept."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import orjson

from tui.core.models import Session, Step
from tui.store import SCHEMA_VERSION, Store
from tui.store.backups import backup_dir

VERSION_1 = orjson.dumps(
    {
        "_meta": {"1": {"app": "gentle-flow", "schema": 1, "week_start": 0}},
        "sessions": {
            "1": {
                "date": "2024-05-01",
                "kind": "walk",
                "duration": 25,
                "routine": None,
                "place": "Park",
                "companion": "Sam",
                "pain_before": 4,
                "pain_after": 3,
                "note": None,
            },
            "2": {"date": "2024-05-02", "kind": "strength", "duration": 12, "routine": "Chair"},
        },
        "checkins": {
            "1": {"date": "2024-05-01", "pain": 4, "mood": 3, "sleep": 7.5, "flare": False},
        },
        "goals": {
            "1": {
                "name": "Walks",
                "unit": "sessions",
                "target": 3,
                "kinds": ["walk"],
                "created": "2024-04-01",
            }
        },
    }
)


def test_a_file_from_the_first_version_opens_with_her_data_under_todays_names(db: Path) -> None:
    db.write_bytes(VERSION_1)
    journal = Store.open(db).journal()

    walk, strength = journal.sessions
    assert (walk.minutes, walk.companion, walk.place, walk.pain_before) == (25, "Sam", "Park", 4)
    assert (strength.minutes, strength.routine) == (12, "Chair")
    checkin = journal.checkins[date(2024, 5, 1)]
    assert (checkin.sleep_hours, checkin.pain, checkin.mood) == (7.5, 4, 3)
    (goal,) = journal.goals
    assert goal.steps == (Step(date(2024, 4, 1), 3, "created"),)

    on_disk = orjson.loads(db.read_bytes())
    assert on_disk["_meta"]["1"]["schema"] == SCHEMA_VERSION
    session, checkin_doc = on_disk["sessions"]["1"], on_disk["checkins"]["1"]
    assert (session["minutes"], session["with"]) == (25, "Sam")
    assert "duration" not in session and "companion" not in session
    assert checkin_doc["sleep_hours"] == 7.5 and "sleep" not in checkin_doc


def test_the_old_file_is_kept_byte_for_byte_before_it_is_migrated(db: Path) -> None:
    db.write_bytes(VERSION_1)
    Store.open(db)
    kept = [p for p in backup_dir(db).iterdir() if p.read_bytes() == VERSION_1]
    assert kept, "no copy of the version 1 file was kept"
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)


def test_a_migrated_file_is_not_migrated_again_and_takes_new_entries(db: Path) -> None:
    db.write_bytes(VERSION_1)
    Store.open(db)
    migrated = db.read_bytes()
    copies = {p.name: p.read_bytes() for p in backup_dir(db).iterdir()}

    store = Store.open(db)
    assert db.read_bytes() == migrated
    assert {p.name: p.read_bytes() for p in backup_dir(db).iterdir()} == copies
    store.add_session(Session(date=date(2024, 5, 3), kind="walk", minutes=30, companion="Ana"))
    sessions = Store.open(db).journal().sessions
    assert [(s.minutes, s.companion) for s in sessions] == [(25, "Sam"), (12, None), (30, "Ana")]


VERSION_2 = {
    "_meta": {"1": {"app": "gentle-flow", "schema": 2, "week_start": 0}},
    "checkins": {
        "1": {"date": "2024-05-01", "pain": 4, "mood": 3, "sleep_hours": 7.5,
              "sleep_quality": 2, "flare": False, "note": "slept [b]ok[/b]"},
    },
    "sessions": {
        "1": {"date": "2024-05-01", "kind": "walk", "minutes": 25, "routine": None,
              "place": "Park", "with": "Sam", "pain_before": 4, "pain_after": 3, "note": None},
        "2": {"date": "2024-05-02", "kind": "strength", "minutes": 12, "routine": "Chair",
              "place": None, "with": None, "pain_before": None, "pain_after": None, "note": None},
    },
    "goals": {"1": {"name": "Walks", "unit": "sessions", "target": 3, "kinds": ["walk"],
                    "steps": [{"date": "2024-04-01", "target": 3, "reason": "created"}]}},
    "celebrated": {"1": {"routine": "chair", "count": 10, "date": "2024-05-02"}},
}  # fmt: skip


def test_a_version_2_file_gets_an_id_on_every_entry_and_nothing_else_changes(db: Path) -> None:
    original = orjson.dumps(VERSION_2)
    db.write_bytes(original)
    journal = Store.open(db).journal()

    migrated = orjson.loads(db.read_bytes())
    ids = [doc.pop("id") for t in ("checkins", "sessions") for doc in migrated[t].values()]
    assert len(set(ids)) == 3 and all(len(i) == 16 for i in ids)
    assert migrated["_meta"]["1"]["schema"] == SCHEMA_VERSION
    migrated["_meta"]["1"]["schema"] = 2
    assert migrated == VERSION_2  # ids added, nothing else
    assert sorted(ids) == sorted([*(c.id for c in journal.checkins.values()),
                                  *(s.id for s in journal.sessions)])  # fmt: skip
    kept = {p.name: p.read_bytes() for p in backup_dir(db).iterdir()}
    assert any("schema2" in name for name in kept)
    assert set(kept.values()) == {original}  # backed up before anything was written
    assert Store.open(db).changes() == []  # a migration is not one of her changes
