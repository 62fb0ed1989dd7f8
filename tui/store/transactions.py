"""How every change reaches her file: under the inter-process lock, as one atomic write.

`Store` takes `transaction` from `Transactions`, with `write_behind` (the app's choice: the file is
written in a thread of its own right after the change is in memory, see tui/store/storage.py) and
`settle` (wait for that write).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.errors import FileProblem
from tui.store.disk import temp_files
from tui.store.lock import LockTimeout, ProcessLock
from tui.store.storage import AtomicStorage

if TYPE_CHECKING:
    from tinydb import TinyDB

    from tui.core.models import Journal

LOCK_TIMEOUT = 15.0


class StoreError(FileProblem):
    """The data file cannot be used (not ours, unreadable, locked too long): one line, exit 1."""


class Transactions:
    """The lock and the one write of each change, for `Store` (which has the file and TinyDB)."""

    if TYPE_CHECKING:
        path: Path
        _storage: AtomicStorage
        _lock: ProcessLock
        _tinydb: TinyDB | None
        _db_loads: int
        _depth: int
        _journal: Journal | None

        def _read(self) -> dict[str, Any]: ...

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock; everything inside is written once, atomically, or not at all."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._storage.settle()  # a write still in the writer thread holds the lock
        try:
            self._lock.acquire()
        except LockTimeout:
            raise StoreError(
                f"{self.path} is busy: another Gentle Flow process held it for "
                f"{LOCK_TIMEOUT:.0f} s; try again"
            ) from None
        self._depth = 1
        handed = False  # the lock goes with the commit's write (released when it is done)
        try:
            for stale in temp_files(self.path):  # under the lock, any temp file is a dead writer's
                stale.unlink(missing_ok=True)
            self._storage.forget_if_changed()  # stat alone can miss another process's write
            self._read()
            self._storage.begin()
            if self._storage.loads != self._db_loads:
                # Another process wrote the file: TinyDB's cached id counters are stale.
                self._tinydb = None
                self._db_loads = self._storage.loads
            try:
                yield
            except BaseException:
                self._storage.rollback()
                raise
            try:
                self._storage.commit(then=self._lock.release)
                handed = True
            except OSError as exc:
                self._storage.rollback()
                raise StoreError(f"cannot write {self.path}: {exc.strerror}") from None
            except BaseException:  # ctrl+c mid-commit: memory must not keep what the file lacks
                self._storage.rollback()
                raise
        finally:
            self._depth = 0
            if not handed:
                self._lock.release()

    #: Why the last write behind the screen failed (None: none failed). `gentle` says it again as
    #: it ends: a failure in the app's last moments would otherwise go unseen.
    write_failure: str | None = None

    def write_behind(
        self, on_failure: Callable[[str], None], *, start_when_told: bool = False
    ) -> None:
        """Write each change's file in a thread of its own, after the change is in memory, so a
        screen shows it at once (tui/store/storage.py). `on_failure(message)` is called, in that
        thread, if a write fails: the change is then gone from memory as from the file (the next
        read reads the file again), and `write_failure` keeps the message. With
        `start_when_told`, each write waits for `start_writing()` (or `START_AT_MOST`)."""

        def failed(exc: OSError) -> None:
            self.write_failure = self._failure_message(exc)
            on_failure(self.write_failure)

        self._storage.on_write_failed = failed
        self._storage.write_behind(start_when_told=start_when_told)

    def start_writing(self) -> None:
        """Let the write behind the last change begin (it is on screen now)."""
        self._storage.start_writing()

    def settle(self) -> None:
        """Wait until the last change is on disk (before the process ends). A failure is in
        `write_failure` once this returns (whether or not `on_failure` has been called yet)."""
        failure = self._storage.settle()
        if failure is not None:
            self.write_failure = self._failure_message(failure)

    def _failure_message(self, exc: OSError) -> str:
        return f"cannot write {self.path}: {exc.strerror}"
