"""The change record in her file: every write recorded, 200 kept, undo even after a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.core.changes import KEEP
from tui.core.errors import InputError
from tui.core.models import Checkin, Goal, Journal, Session
from tui.store import Store

DAY = date(2024, 5, 30)


def walk(minutes: int = 20, day: date = DAY) -> Session:
    return Session(date=day, kind="walk", minutes=minutes, place="Bellhouse Park")


def on_disk(db: Path) -> dict[str, object]:
    data: dict[str, object] = orjson.loads(db.read_bytes())
    return data


def test_every_write_is_recorded_in_the_same_file_with_what_it_set(db: Path) -> None:
    store = Store.open(db)
    store.add_session(walk())
    store.log_checkin(DAY, {"pain": 4})
    store.log_checkin(DAY, {"mood": 3})
    store.add_goal(Goal.create(name="Walks", per_week=3, created=DAY))
    changes = Store.open(db).changes()
    assert [c.what for c in changes] == ["log move", "log checkin", "log checkin", "goal add"]
    (op,) = changes[2].ops
    assert op.before is not None and op.after is not None
    assert (op.before["mood"], op.after["mood"], op.after["pain"]) == (None, 3, 4)
    assert op.before["id"] == op.after["id"]  # by id, not by position


def test_undo_after_a_restart_takes_back_the_newest_change_then_the_one_before(db: Path) -> None:
    store = Store.open(db)
    store.add_session(walk(20))
    session = store.journal().sessions[0]
    store.edit_entry(session.id, {"minutes": 200})

    again = Store.open(db)  # a new process, the same file
    message = again.undo()
    assert message is not None and "minutes 20 again, not 200" in message
    assert [s.minutes for s in again.journal().sessions] == [20]
    assert again.journal().sessions[0].id == session.id
    assert Store.open(db).undo() is not None
    assert Store.open(db).journal().sessions == []
    assert Store.open(db).undo() is None  # nothing left to undo


def test_an_import_grouped_in_one_change_is_undone_as_one(db: Path) -> None:
    store = Store.open(db)
    store.add_session(walk(15, date(2024, 5, 1)))
    with store.change("import json backup.json"):
        store.add_sessions([walk(m) for m in (10, 11, 12)])
        store.put_checkins([Checkin(date=DAY, pain=3)])
        store.add_goal(Goal.create(name="Walks", per_week=3, created=DAY))
    assert [c.what for c in store.changes()] == ["log move", "import json backup.json"]
    message = Store.open(db).undo()
    assert message == (
        "Undone import json backup.json: taken out again: 1 check-in, 3 sessions, 1 goal."
    )
    journal = Store.open(db).journal()
    assert [s.minutes for s in journal.sessions] == [15]
    assert journal.checkins == {} and journal.goals == []


def test_a_failed_import_records_nothing_and_changes_nothing(db: Path) -> None:
    store = Store.open(db)
    store.add_session(walk())
    before = db.read_bytes()
    with pytest.raises(InputError), store.change("import"):
        store.add_sessions([walk(30)])
        store.add_goal(Goal.create(name="Walks", per_week=3, created=DAY))
        store.add_goal(Goal.create(name="walks", per_week=2, created=DAY))  # a duplicate name
    assert db.read_bytes() == before


def test_the_last_200_changes_are_kept(db: Path) -> None:
    store = Store.open(db)
    for minutes in range(1, KEEP + 6):
        store.add_session(walk(minutes))
    changes = Store.open(db).changes()
    assert len(changes) == KEEP
    first = changes[0].ops[0].after
    assert first is not None and first["minutes"] == 6  # the oldest five dropped out
    for _ in range(KEEP):
        assert store.undo() is not None
    assert store.undo() is None
    assert [s.minutes for s in store.journal().sessions] == [1, 2, 3, 4, 5]


def test_a_deleted_session_comes_back_with_its_id_and_fields(db: Path) -> None:
    store = Store.open(db)
    store.add_session(Session(date=DAY, kind="strength", minutes=10, routine="Chair", note="ok"))
    (session,) = store.journal().sessions
    store.delete_entry(session.id[:8])
    assert store.journal().sessions == []
    assert store.undo() == "Undone delete: the 10 min strength (Chair) of 2024-05-30 is back."
    (back,) = Store.open(db).journal().sessions
    assert back == session and back.id == session.id


def test_a_check_in_cannot_be_moved_onto_a_date_that_has_one(db: Path) -> None:
    store = Store.open(db)
    store.log_checkin(DAY, {"pain": 4})
    store.log_checkin(date(2024, 5, 29), {"pain": 6})
    moving = store.journal().checkins[date(2024, 5, 29)]
    before = db.read_bytes()
    with pytest.raises(InputError, match="one check-in a date"):
        store.edit_entry(moving.id, {"date": "2024-05-30"})
    assert db.read_bytes() == before


def test_a_demo_is_recorded_by_its_parameters_and_undone_to_what_it_replaced(
    db: Path, sample_journal: Callable[..., Journal]
) -> None:
    store = Store.open(db)
    store.add_session(walk())
    store.replace_journal(sample_journal(60), demo={"days": 60, "seed": 0, "end": "2024-05-31"})
    record = on_disk(db)["changes"]
    assert isinstance(record, dict)
    assert len(orjson.dumps(record)) < 2000  # the demo's entries are not copied into the record
    Store.open(db).undo()
    assert [s.minutes for s in Store.open(db).journal().sessions] == [20]


def test_a_restore_keeps_the_ids_it_is_given(
    db: Path, sample_journal: Callable[..., Journal]
) -> None:
    journal = sample_journal(3)
    for i, session in enumerate(journal.sessions):
        session.id = f"{i:016x}"
    Store.open(db).replace_journal(journal)
    assert [s.id for s in Store.open(db).journal().sessions] == [f"{i:016x}" for i in range(3)]


def test_undoing_a_demo_takes_its_celebrations_out_and_puts_hers_back(
    db: Path, sample_journal: Callable[..., Journal]
) -> None:
    store = Store.open(db)
    store.add_session(Session(date=DAY, kind="strength", minutes=10, routine="Chair"))
    store.mark_celebrated("Chair", 10)
    demo = sample_journal(20)
    demo.celebrated = {("lower body strength", 10)}
    store.replace_journal(demo, demo={"days": 20, "seed": 0, "end": "2024-05-31"})
    assert store.is_celebrated("Lower Body Strength", 10)
    Store.open(db).undo()
    again = Store.open(db)
    assert again.is_celebrated("Chair", 10)
    assert not again.is_celebrated("Lower Body Strength", 10)  # her own 10th will be celebrated


def test_an_edit_with_every_field_given_as_a_form_would_changes_only_what_differs(db: Path) -> None:
    store = Store.open(db)
    store.add_session(Session(date=DAY, kind="walk", minutes=200, place="Park", companion="Sam"))
    (walk,) = store.journal().sessions
    values = {**walk.to_dict(), "date": DAY, "minutes": "20"}  # the form's values, date and all
    old, new = store.edit_entry(walk.id, values)
    assert (old.minutes, new.minutes, new.companion, new.id) == (200, 20, "Sam", walk.id)
    (op,) = store.changes()[-1].ops
    assert op.before is not None and op.after is not None
    assert {k for k in op.after if op.after[k] != op.before[k]} == {"minutes"}
