"""Write-behind (the app's saves): the change shows at once, the file follows under the lock.

The writer thread is held back (its `atomic_write` waits for an event) to look at the moment in
between: the change is in memory, not yet in the file, and no other writer can get in.
"""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.store import Store, storage
from tui.store.lock import LockTimeout, ProcessLock

DAY = date(2024, 6, 1)


class HeldWrite:
    """Stands in for `storage.atomic_write`: waits for `go`, then writes (or raises `error`)."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.started = threading.Event()
        self.error: OSError | None = None
        self.real = storage.atomic_write

    def __call__(self, path: Path, payload: bytes) -> storage.Stamp:
        self.started.set()
        assert self.go.wait(20), "the test never let the write go"
        if self.error is not None:
            raise self.error
        return self.real(path, payload)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWrite]:
    write = HeldWrite()
    monkeypatch.setattr(storage, "atomic_write", write)
    yield write
    write.go.set()


def pains_on_disk(db: Path) -> list[Any]:
    return [c["pain"] for c in orjson.loads(db.read_bytes())["checkins"].values()]


def behind(db: Path, failures: list[str]) -> Store:
    store = Store.open(db)
    store.log_checkin(DAY, {"pain": "2"})  # written in line: the file exists
    store.write_behind(failures.append)
    return store


def test_the_change_shows_at_once_and_is_on_disk_once_written(db: Path, held: HeldWrite) -> None:
    held.go.set()
    failures: list[str] = []
    store = behind(db, failures)
    store.log_checkin(DAY, {"pain": "6"})
    assert store.journal().checkins[DAY].pain == 6
    store.settle()
    assert pains_on_disk(db) == [6]
    assert Store.open(db).journal().checkins[DAY].pain == 6
    assert failures == []


def test_no_other_writer_gets_in_before_the_file_is_written(db: Path, held: HeldWrite) -> None:
    held.go.set()
    store = behind(db, [])
    held.go.clear()
    store.log_checkin(DAY, {"pain": "6"})
    assert held.started.wait(20)
    assert store.journal().checkins[DAY].pain == 6  # in memory: the truth for this process
    assert pains_on_disk(db) == [2]  # not written yet
    other = ProcessLock(f"{db}.lock", timeout=0.1)
    with pytest.raises(LockTimeout):
        other.acquire()  # another process's `gentle log` waits
    held.go.set()
    store.settle()
    other.acquire()
    other.release()
    assert pains_on_disk(db) == [6]


def test_a_failed_write_is_told_and_memory_goes_back_to_the_file(db: Path, held: HeldWrite) -> None:
    held.go.set()
    failures: list[str] = []
    store = behind(db, failures)
    held.error = OSError(errno.ENOSPC, "No space left on device")
    store.log_checkin(DAY, {"pain": "6"})
    store.settle()
    assert failures == [f"cannot write {db}: No space left on device"]
    assert store.journal().checkins[DAY].pain == 2  # what the file holds
    held.error = None
    store.log_checkin(DAY, {"mood": "4"})  # the lock was let go: the next change goes through
    store.settle()
    assert pains_on_disk(db) == [2]
    assert Store.open(db).journal().checkins[DAY].mood == 4


def test_the_next_change_waits_for_the_write_before_it(db: Path, held: HeldWrite) -> None:
    held.go.set()
    store = behind(db, [])
    held.go.clear()
    store.log_checkin(DAY, {"pain": "6"})
    assert held.started.wait(20)
    timer = threading.Timer(0.2, held.go.set)
    timer.start()
    store.log_checkin(DAY, {"mood": "3"})  # waits for the first write, then writes its own
    store.settle()
    timer.join()
    stored = Store.open(db).journal().checkins[DAY]
    assert (stored.pain, stored.mood) == (6, 3)


def test_a_write_told_to_wait_starts_when_told(
    db: Path, held: HeldWrite, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app's way: serializing twenty years holds the interpreter ~5 ms, so the write waits
    # until the change is on screen (`start_writing`).
    monkeypatch.setattr(storage, "START_AT_MOST", 60.0)
    held.go.set()
    store = behind(db, [])
    store.write_behind([].append, start_when_told=True)
    held.started.clear()  # (the first check-in was written in line)
    store.log_checkin(DAY, {"pain": "6"})
    assert store.journal().checkins[DAY].pain == 6
    assert not held.started.wait(0.3)  # not started: nobody told it to
    assert pains_on_disk(db) == [2]
    store.start_writing()
    assert held.started.wait(20)
    store.settle()
    assert pains_on_disk(db) == [6]


def test_a_write_told_to_wait_is_not_waited_for_by_settle_or_the_next_change(
    db: Path, held: HeldWrite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "START_AT_MOST", 600.0)  # never told: only settle starts it
    held.go.set()
    store = behind(db, [])
    store.write_behind([].append, start_when_told=True)
    store.log_checkin(DAY, {"pain": "6"})
    done = threading.Thread(target=lambda: (store.log_checkin(DAY, {"mood": "3"}), store.settle()))
    done.start()
    done.join(60)
    assert not done.is_alive(), "the next change waited for a write nobody started"
    stored = Store.open(db).journal().checkins[DAY]
    assert (stored.pain, stored.mood) == (6, 3)


def test_data_json_cannot_hold_is_a_write_that_fails_and_the_file_stays(
    db: Path, held: HeldWrite
) -> None:
    held.go.set()
    failures: list[str] = []
    store = behind(db, failures)
    with store.transaction():
        store.log_checkin(DAY, {"pain": "6"})
        store._read()["checkins"]["1"]["note"] = {1, 2}  # a set: no JSON for it
    store.settle()
    assert failures and "cannot store this data" in failures[0]
    assert pains_on_disk(db) == [2]
    assert store.journal().checkins[DAY].pain == 2


def test_the_day_s_backup_is_made_behind_the_screen_from_the_file_before_the_change(
    db: Path, held: HeldWrite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Her morning check-in is the day's first change: copying twenty years (and checking the
    oldest copies) took ~30 ms before the dashboard could show it."""
    from tui.store.backups import backup_dir

    monkeypatch.setattr(storage, "START_AT_MOST", 60.0)
    held.go.set()
    store = behind(db, [])  # (the file was new: nothing to copy yet)
    store._backed_up = None  # type: ignore[attr-defined]  # as on a new day

    def copies() -> list[Path]:
        return sorted(backup_dir(db).glob("*.json"))

    store.write_behind([].append, start_when_told=True)
    store.log_checkin(DAY, {"pain": "6"})
    assert store.journal().checkins[DAY].pain == 6
    assert copies() == []  # not on the way to the screen
    store.start_writing()
    store.settle()
    (copy,) = copies()
    assert [c["pain"] for c in orjson.loads(copy.read_bytes())["checkins"].values()] == [2]
    assert pains_on_disk(db) == [6]


def test_whoever_is_told_of_a_failed_write_reads_the_file_s_version(
    db: Path, held: HeldWrite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app, told, shows her data at once: it must get what the file holds, even while the
    writer thread is still letting go of the lock (made slow here)."""
    held.go.set()
    told = threading.Event()
    store = behind(db, [])
    store.write_behind(lambda _: told.set())
    real_release = ProcessLock.release

    def slow_release(self: ProcessLock) -> None:
        time.sleep(0.3)
        real_release(self)

    monkeypatch.setattr(ProcessLock, "release", slow_release)
    held.error = OSError(errno.ENOSPC, "No space left on device")
    store.log_checkin(DAY, {"pain": "6"})
    assert told.wait(20)
    assert store.journal().checkins[DAY].pain == 2
