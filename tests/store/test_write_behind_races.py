"""Races around the write behind the screen: a failure settled before it is told, another
program's replace right after ours, an error that is not an OSError in the writer thread."""

from __future__ import annotations

import errno
import time
from concurrent.futures import Future
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.store import Store, storage

DAY = date(2024, 6, 1)
OTHER_DAY = date(2024, 6, 2)


def test_a_failure_is_kept_once_settle_returns(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`settle()` returns once the future is done; its done-callbacks run in the writer thread
    *after* that (Future.set_result notifies waiters, then invokes callbacks). `gentle` reads
    `write_failure` right after `settle()` (tui/cli/__init__.py): if the writer thread is
    preempted between the two, the failure of her last save is never said. The delay below
    stands in for that preemption."""
    real = Future._invoke_callbacks

    def preempted(self: Future[object]) -> None:
        time.sleep(0.2)
        real(self)

    monkeypatch.setattr(Future, "_invoke_callbacks", preempted)
    store = Store.open(db)
    store.log_checkin(DAY, {"pain": "2"})
    store.write_behind(lambda _: None)

    def full(path: Path, payload: bytes) -> None:
        time.sleep(0.05)  # a write takes a moment: the done-callback is added before it ends
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write", full)
    store.log_checkin(DAY, {"pain": "6"})
    store.settle()
    assert store.write_failure is not None, "the failed write was not recorded by settle()"


def test_another_write_right_after_ours_is_not_lost(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`_write` stats the file *after* its rename (and the folder's fsync): a replace by
    another program in between gives us its stamp, while the marker names our bytes. The fast
    path of `forget_if_changed` then trusts memory, and the next save overwrites that write.
    (Before 6dbbaf3 the bytes were compared and the other write was kept.)"""
    store = Store.open(db)
    store.log_checkin(DAY, {"pain": "2"})
    real = storage.atomic_write
    foreign: list[bytes] = []

    def ours_then_theirs(path: Path, payload: bytes) -> object:
        done = real(path, payload)
        if path == store.path and not foreign:
            data = orjson.loads(payload)
            doc = dict(next(iter(data["checkins"].values())), date=OTHER_DAY.isoformat(), id="x1")
            data["checkins"]["99"] = doc
            foreign.append(orjson.dumps(data))
            tmp = store.path.with_name("foreign.tmp")
            tmp.write_bytes(foreign[0])
            tmp.replace(store.path)  # e.g. a sync tool putting its version in place
        return done

    monkeypatch.setattr(storage, "atomic_write", ours_then_theirs)
    store.log_checkin(DAY, {"mood": "4"})
    monkeypatch.setattr(storage, "atomic_write", real)
    store.log_checkin(DAY, {"sleep_hours": "7"})  # the next save, under the lock
    dates = {c["date"] for c in orjson.loads(db.read_bytes())["checkins"].values()}
    assert OTHER_DAY.isoformat() in dates, "the other program's write was overwritten"


def test_an_unexpected_error_in_the_writer_thread_is_a_failed_write(db: Path) -> None:
    """The day's backup now runs in the writer thread (and serializing too): an error that is
    not an OSError there was neither told nor settled (memory kept a change the file lacks,
    and the next read raised it)."""
    told: list[str] = []
    store = Store.open(db)
    store.log_checkin(DAY, {"pain": "2"})
    store.write_behind(told.append)

    def boom() -> None:
        raise RuntimeError("a bug in the backup")

    store._storage.before_replace = boom
    store.log_checkin(DAY, {"pain": "6"})
    store.settle()
    assert store.journal().checkins[DAY].pain == 2  # what the file holds
    assert store.write_failure is not None and "a bug in the backup" in store.write_failure
