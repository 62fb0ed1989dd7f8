"""Logging a day twice merges; an open app sees what another process wrote and keeps it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tui.core.models import Session
from tui.store import Store, storage

DAY = date(2024, 5, 1)


def test_a_second_checkin_of_the_same_day_updates_only_the_fields_given(db: Path) -> None:
    store = Store.open(db)
    store.log_checkin(DAY, {"pain": 6, "mood": 2, "sleep_hours": 7.5, "flare": True})
    store.log_checkin(DAY, {"pain": 4, "note": "better after lunch"})

    checkin = Store.open(db).journal().checkins[DAY]
    assert (checkin.pain, checkin.note) == (4, "better after lunch")
    assert (checkin.mood, checkin.sleep_hours, checkin.flare) == (2, 7.5, True)
    assert len(Store.open(db).journal().checkins) == 1


def test_the_open_journal_sees_a_session_logged_from_another_process(
    db: Path, writer: Callable[..., subprocess.Popen[str]]
) -> None:
    store = Store.open(db)
    store.add_session(Session(date=DAY, kind="walk", minutes=20, note="mine"))
    before = store.journal()
    assert store.journal() is before  # nothing changed: the cached journal is reused

    other = writer("session", db, "from the command line")
    assert other.wait(timeout=60) == 0, other.communicate()[1]

    after = store.journal()
    assert sorted(s.note or "" for s in after.sessions) == ["from the command line", "mine"]


@pytest.mark.parametrize("read_between", [False, True], ids=["no read between", "read between"])
def test_a_session_another_process_added_survives_this_ones_next_write(
    db: Path, writer: Callable[..., subprocess.Popen[str]], read_between: bool
) -> None:
    store = Store.open(db)
    store.add_session(Session(date=DAY, kind="walk", minutes=20, note="first"))

    other = writer("session", db, "other")
    assert other.wait(timeout=60) == 0, other.communicate()[1]
    if read_between:
        store.journal()
    store.add_session(Session(date=DAY, kind="stretch", minutes=10, note="third"))

    notes = sorted(s.note or "" for s in Store.open(db).journal().sessions)
    assert notes == ["first", "other", "third"]


def test_a_transaction_that_stops_halfway_writes_nothing(db: Path) -> None:
    store = Store.open(db)
    store.add_session(Session(date=DAY, kind="walk", minutes=20))
    before = db.read_bytes()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_session(Session(date=DAY, kind="walk", minutes=30))
        store.log_checkin(DAY, {"pain": 3})
        raise RuntimeError("the app stopped")
    assert db.read_bytes() == before
    journal = store.journal()
    assert [s.minutes for s in journal.sessions] == [20] and journal.checkins == {}


def test_a_write_from_another_process_is_kept_even_when_the_file_looks_unchanged(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On ext4 a replaced file's inode comes back within a few writes, and kernels before 6.13
    # stamp files with a clock of 1-4 ms steps: two writes of the same size can then share
    # (inode, mtime, size). Simulate such a file system: stat tells only the size.
    def coarse_stamp(path: Path) -> tuple[int, int, int] | None:
        return (1, 0, path.stat().st_size) if path.exists() else None

    monkeypatch.setattr(storage, "file_stamp", coarse_stamp)
    app = Store.open(db)
    app.log_checkin(DAY, {"pain": 3})
    Store.open(db).log_checkin(DAY, {"pain": 4})  # the command line, meanwhile: same size
    app.log_checkin(DAY, {"mood": 2})

    checkin = Store.open(db).journal().checkins[DAY]
    assert (checkin.pain, checkin.mood) == (4, 2)


def test_a_write_by_another_program_is_kept_though_the_marker_still_names_ours(
    db: Path,
) -> None:
    # A script rewrites the file (not through Gentle Flow: the `.checked` marker still names
    # the app's last version); the app's next change must start from the script's version.
    import orjson

    app = Store.open(db)
    app.log_checkin(DAY, {"pain": 3})
    data = orjson.loads(db.read_bytes())
    (doc,) = data["checkins"].values()
    doc["pain"] = 4
    storage.atomic_write(db, orjson.dumps(data))
    app.log_checkin(DAY, {"mood": 2})

    checkin = Store.open(db).journal().checkins[DAY]
    assert (checkin.pain, checkin.mood) == (4, 2)


def test_a_change_does_not_read_the_file_back_when_the_marker_and_stamp_are_its_own(
    db: Path, reads_of: Callable[[Path], list[Path]]
) -> None:
    # The check for another writer costs a stat and a marker read, not the whole file (~2 ms
    # at twenty years, on every save).
    app = Store.open(db)
    app.log_checkin(DAY, {"pain": 3})
    read_back = reads_of(db)
    app.log_checkin(DAY, {"mood": 2})
    assert read_back == []
    assert Store.open(db).journal().checkins[DAY].mood == 2


def test_a_day_stored_twice_is_updated_where_the_journal_shows_it(db: Path) -> None:
    # Two documents of one date (a file merged by hand, say): the journal shows the last; a
    # new value must land there, not in the hidden first one.
    import orjson

    store = Store.open(db)
    store.log_checkin(DAY, {"pain": 3})
    store.log_checkin(date(2024, 5, 2), {"pain": 5})
    data = orjson.loads(db.read_bytes())
    first = next(iter(data["checkins"].values()))
    data["checkins"]["9"] = {**first, "id": "c-second", "pain": 6}
    storage.atomic_write(db, orjson.dumps(data))

    app = Store.open(db)
    assert app.journal().checkins[DAY].pain == 6
    app.log_checkin(DAY, {"mood": 2})
    shown = Store.open(db).journal().checkins[DAY]
    assert (shown.pain, shown.mood) == (6, 2)
