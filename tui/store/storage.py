"""A TinyDB storage that never leaves a broken file: orjson, temp file, fsync, rename.

TinyDB's own JSONStorage rewrites the file in place (a crash mid-write leaves half a file) and
re-parses it on every operation. This one keeps the parsed data, re-reads only when the file on disk
changed (another process wrote it), and inside a batch defers the write to one atomic commit.

Write-behind (`write_behind()`, the app's choice; the command line always writes in line): a
commit leaves the data in memory and a thread of its own serializes, writes, fsyncs and renames
it, so the screen shows the change while the disk catches up (over twenty years of data the write
is most of a save: ~5 ms of serializing 3.7 MB, which holds the interpreter, then ~10-30 ms of
disk). With `start_when_told`, the thread starts only at `start_writing()` (the app calls it
once the change is on screen) or after `START_AT_MOST` seconds, so serializing never delays the
frame that shows the change. Until that write is done the data in memory is the truth
(`read` and `unchanged` say so) and the process lock stays held (the thread releases it), so no
other process reads or writes the file in between; the next batch waits for it (`settle`). A
write that fails drops the data in memory, so everything is read again from the file, which holds
the last version written, and `on_write_failed` is told (the app says so on screen).
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson

from tui.gc_pacing import paused
from tui.store.disk import FILE_MODE, Stamp, atomic_write, checked_marker, digest, file_stamp

#: The longest a write behind waits for `start_writing()` (a change that no screen shows).
START_AT_MOST = 0.25


def serialized(data: dict[str, Any]) -> bytes:
    """The file's bytes for `data` (compact JSON); data that JSON cannot hold is refused as a
    write that fails, before the file is touched."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError as exc:
        raise OSError(errno.EINVAL, f"cannot store this data ({exc})") from None


class AtomicStorage:
    """Cached reads, atomic writes, and an optional batch that writes once at commit.

    A TinyDB storage by its shape (`read`, `write`, `close`, as `tinydb.storages.Storage` asks;
    a test checks it), not by subclassing: reading her file then never imports TinyDB (~5 ms),
    which only writing needs (`Store._db`).

    `check(data, known_good)` is called with freshly parsed data and raises if it is not ours (so
    a foreign file is refused before anything could overwrite it). `known_good` says these exact
    bytes were written by us or passed every check before (a marker beside the file holds their
    fingerprint and the version of the checks), so the costly checks of every entry can be
    skipped: a file changed by anything else has another fingerprint and is checked in full.
    """

    #: Change it whenever the checks of stored entries change: older markers then count for nothing.
    CHECKS = b"checks-1"

    def __init__(self, path: Path, check: Callable[[Any, bool], None]) -> None:
        self.path = path
        self._check = check
        self._data: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        # The `digest` of the bytes last read or written (what `_data` is), as the marker holds
        # it: the bytes themselves would keep a second copy of a ten-year file in memory.
        self._fingerprint: bytes | None = None
        #: The file's bytes read by `read_unparsed` and not parsed yet (they passed every check
        #: before); `_fingerprint` and `_stamp` are theirs. Never set while `_data` is.
        self._raw: bytes | None = None
        self._batch = False
        self._dirty = False
        self.loads = 0  # how many times the file was parsed; TinyDB's id counters go stale then
        self.generation = 0  # bumps whenever the data changes; readers key their caches on it
        self.before_write: Callable[[], None] | None = None  # as a commit begins to write
        #: Right before the file is replaced (in the writer thread, when writing behind): the
        #: file on disk is still the version before the change (a daily backup copies it).
        self.before_replace: Callable[[], None] | None = None
        self.on_write_failed: Callable[[OSError], None] | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._pending: Future[OSError | None] | None = None
        self._start_when_told = False
        self._may_start = threading.Event()
        self._may_start.set()

    def write_behind(self, *, start_when_told: bool = False) -> None:
        """From now on, a commit's file write runs in a thread of its own (see the module doc)."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="gentle-write")
        self._start_when_told = start_when_told

    def start_writing(self) -> None:
        """Let the write behind the last change start (see `write_behind(start_when_told=...)`)."""
        self._may_start.set()

    def _writing(self) -> bool:
        """Whether a write is still in the writer thread (one that has ended is settled here:
        called from the main thread only)."""
        pending = self._pending
        if pending is None:
            return False
        if not pending.done():
            return True
        self.settle()
        return False

    def settle(self) -> OSError | None:
        """Wait until a write handed to the writer thread is on disk, or has failed: then the
        data in memory is dropped (here, in the caller's thread), so it is read again from the
        file, which holds the last version written. Returns the failure, if any (the
        done-callback that tells `on_write_failed` may not have run yet when this returns)."""
        self._may_start.set()  # waiting for the write: it starts now
        pending, self._pending = self._pending, None
        failure = pending.result() if pending is not None else None
        if failure is not None:
            self._forget()
            self.generation += 1
        return failure

    @property
    def cached(self) -> dict[str, Any] | None:
        """The data as last read or written, without looking at the file (None before a read)."""
        return self._data

    def read(self) -> dict[str, Any] | None:
        if (self._batch or self._writing()) and self._data is not None:
            return self._data
        stamp = file_stamp(self.path)
        if self._data is not None and stamp == self._stamp:
            return self._data
        raw = self._kept(stamp)  # (None once another writer's version is there, even at our stamp)
        self._raw = None
        if raw is not None and self._fingerprint is not None:
            self._parse(raw, stamp, self._fingerprint)  # the same version: no new generation
            return self._data
        self._load(stamp)
        return self._data

    def read_unparsed(self) -> bytes | None:
        """The file's bytes, read but not parsed, when they are known to have passed every check
        (the marker names them; a one-shot reader may decode them straight into what it needs).
        They are kept, and parsed by the first `read` if the file is still that version. None
        when the data is in memory already, or the file is absent, empty or not known to be
        good: it is then read and parsed as usual (its checks run, the marker is renewed)."""
        if self._data is not None:
            return None
        stamp = file_stamp(self.path)
        kept = self._kept(stamp)
        if kept is not None:
            return kept
        raw = self.path.read_bytes() if stamp is not None else b""
        fingerprint = digest(raw)
        if not raw.strip() or not self._marked(fingerprint):
            self._parse(raw, stamp, fingerprint)
            self.generation += 1
            return None
        self._raw, self._stamp, self._fingerprint = raw, stamp, fingerprint
        self.generation += 1
        return raw

    def unparsed(self) -> bytes | None:
        """The bytes `read_unparsed` kept, while they are still unparsed and the file's version
        (by its stamp, and the marker still naming them: see `forget_if_changed`)."""
        return self._kept(file_stamp(self.path))

    def _kept(self, stamp: Stamp | None) -> bytes | None:
        fingerprint = self._fingerprint
        if self._raw is None or fingerprint is None or stamp != self._stamp:
            return None
        return self._raw if self._marked(fingerprint) else None

    def _load(self, stamp: Stamp | None) -> None:
        raw = self.path.read_bytes() if stamp is not None else b""
        self._parse(raw, stamp, digest(raw))
        self.generation += 1

    def _parse(self, raw: bytes, stamp: Stamp | None, fingerprint: bytes) -> None:
        data: dict[str, Any] | None = None
        if raw.strip():
            try:
                with paused():  # no reference cycles in parsed JSON (see tui.gc_pacing)
                    data = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise ValueError(f"not JSON ({exc.msg} at byte {exc.pos})") from None
            known_good = self._marked(fingerprint)
            self._check(data, known_good)
            if not known_good:
                self._mark(fingerprint)
        self._data = data if data is not None else {}
        self._raw = None
        self._stamp = stamp
        self._fingerprint = fingerprint
        self.loads += 1

    def _forget(self) -> None:
        """Drop what is in memory of the file: the next read reads it again."""
        self._data = None
        self._raw = None
        self._stamp = None

    def _marked(self, fingerprint: bytes) -> bool:
        try:
            return checked_marker(self.path).read_bytes() == self.CHECKS + b" " + fingerprint
        except OSError:
            return False

    def _mark(self, fingerprint: bytes) -> None:
        # Not atomic and not fsynced: a torn or lost marker only means one full check more.
        try:
            fd = os.open(
                checked_marker(self.path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE
            )
            with os.fdopen(fd, "wb") as handle:
                handle.write(self.CHECKS + b" " + fingerprint)
        except OSError:
            pass  # a read-only folder: the checks simply run each time

    def forget_if_changed(self) -> None:
        """Drop the cache if the file's bytes are not the ones last read or written.

        Call it under the process lock before a read-modify-write. The stat stamp alone can miss
        another process's write: ext4 hands a replaced file's inode out again within a few writes,
        and before Linux 6.13 mtimes move in 1-4 ms steps, so two versions of the same size can
        share inode, mtime and size. Two such writes, though, take two writers: the first
        replacement of our version always gets a new inode (ours is still in use as it is made),
        and any writer of ours renews the `.checked` marker right after its rename. So when the
        marker still names our bytes and the stamp is ours, the file is ours (~0.1 ms); otherwise
        the bytes are read back and fingerprinted (~2 ms at twenty years).
        """
        if self._data is None and self._raw is None:
            return
        ours = self._fingerprint is not None and self._marked(self._fingerprint)
        if ours and file_stamp(self.path) == self._stamp:
            return
        try:
            same = digest(self.path.read_bytes()) == self._fingerprint
        except FileNotFoundError:
            same = self._fingerprint == digest(b"")
        except OSError:
            same = False  # let the reload report it
        if not same:
            self._forget()

    def release(self) -> None:
        """Let go of the parsed data (a reader keeps what it built from it): the next read
        parses the file again. `generation` stays, so what was built stays current while
        `unchanged()` says the file is the version last read or written."""
        if not self._batch and not self._dirty and not self._writing():
            self._data = None
            self._raw = None

    def unchanged(self) -> bool:
        """Whether the data last read or written is still what the file holds (by its stamp,
        as `read` judges it; a write under the lock checks the bytes too)."""
        if self._batch or self._writing():
            return True
        return self._fingerprint is not None and file_stamp(self.path) == self._stamp

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._raw = None
        self.generation += 1
        if self._batch:
            self._dirty = True
        else:
            self._flush()

    def _flush(self) -> None:
        self._prepare()
        assert self._data is not None
        self._write(serialized(self._data))

    def _prepare(self) -> None:
        if self.before_write is not None:
            self.before_write()

    def _write(self, payload: bytes) -> None:
        if self.before_replace is not None:
            self.before_replace()
        self._stamp = atomic_write(self.path, payload)
        self._fingerprint = digest(payload)
        self._mark(self._fingerprint)  # what we write was checked on its way in

    def _write_behind(self, data: dict[str, Any], then: Callable[[], None]) -> OSError | None:
        """The writer thread's work: serialize and write `data` (the error, if it fails, for
        `settle`); then `then`. Until `settle` has seen it, the write counts as pending: `read`
        and `unchanged` keep trusting memory, and nothing changes `data` meanwhile (a change
        settles first)."""
        try:
            self._may_start.wait(START_AT_MOST)
            self._write(serialized(data))
        except OSError as exc:
            return exc
        except Exception as exc:  # (a bug, MemoryError): still a write that failed, told once
            return OSError(errno.EIO, f"{type(exc).__name__}: {exc}")
        finally:
            then()
        return None

    def _told_if_failed(self, done: Future[OSError | None]) -> None:
        """`on_write_failed`, once the write is over (so whoever is told, reading the data
        at once, finds it settled: the file's version, not the change it refused)."""
        failure = done.result()
        if failure is not None and self.on_write_failed is not None:
            self.on_write_failed(failure)

    def begin(self) -> None:
        """Start a batch: reads come from memory, writes wait for `commit`."""
        self.read()
        self._batch = True
        self._dirty = False

    def commit(self, then: Callable[[], None]) -> None:
        """End a batch, writing once if anything changed; `then` runs once the file is written
        (at once, unless the write was handed to the writer thread)."""
        self._batch = False
        if not self._dirty:
            then()
            return
        self._dirty = False
        if self._writer is None:
            try:
                self._flush()
            finally:
                then()
            return
        try:
            self._prepare()
        except BaseException:
            then()
            raise
        assert self._data is not None
        if self._start_when_told:
            self._may_start.clear()
        self._pending = self._writer.submit(self._write_behind, self._data, then)
        self._pending.add_done_callback(self._told_if_failed)

    def rollback(self) -> None:
        """End a batch without writing; forget what TinyDB changed in memory."""
        self._batch = False
        self._dirty = False
        self._forget()
        self.generation += 1

    def close(self) -> None:
        pass
