"""A TinyDB storage that never leaves a broken file: orjson, temp file, fsync, rename.

TinyDB's own JSONStorage rewrites the file in place (a crash mid-write leaves half a file) and
re-parses it on every operation. This one keeps the parsed data, re-reads only when the file on disk
changed (another process wrote it), and inside a batch defers the write to one atomic commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from tui.gc_pacing import paused

FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"

Stamp = tuple[int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """What identifies one version of the file: a rename gives a new inode, a write a new mtime."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def digest(raw: bytes) -> bytes:
    """A fingerprint of one version of the file (sha1: under a millisecond for ten years)."""
    return hashlib.sha1(raw, usedforsecurity=False).digest()


def checked_marker(path: Path) -> Path:
    """Where the fingerprint of the last version known to pass every check is kept."""
    return path.parent / f".{path.name}.checked"


def temp_files(path: Path) -> list[Path]:
    """Temp files a writer of `path` may have left behind when it was killed mid-write."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except FileNotFoundError:
        return []
    return [path.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload`: a crash leaves the old or the new file, never half."""
    # os.urandom, not secrets: `secrets` pulls in hmac, hashlib and random (~5 ms per CLI call).
    temp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    # The rename itself must reach the disk, or a power cut could bring back the old name.
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


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
        # A digest of the bytes last read or written (what `_data` is): the bytes themselves would
        # keep a second copy of a ten-year file in memory.
        self._digest: bytes | None = None
        self._batch = False
        self._dirty = False
        self.loads = 0  # how many times the file was parsed; TinyDB's id counters go stale then
        self.generation = 0  # bumps whenever the data changes; readers key their caches on it
        self.before_write: Callable[[], None] | None = None

    @property
    def cached(self) -> dict[str, Any] | None:
        """The data as last read or written, without looking at the file (None before a read)."""
        return self._data

    def read(self) -> dict[str, Any] | None:
        if self._batch and self._data is not None:
            return self._data
        stamp = file_stamp(self.path)
        if self._data is not None and stamp == self._stamp:
            return self._data
        self._load(stamp)
        return self._data

    def _load(self, stamp: Stamp | None) -> None:
        raw = self.path.read_bytes() if stamp is not None else b""
        data: dict[str, Any] | None = None
        fingerprint = digest(raw)
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
        self._stamp = stamp
        self._digest = fingerprint
        self.generation += 1
        self.loads += 1

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
        share inode, mtime and size. Reading the bytes back and hashing them costs about 1 ms.
        """
        if self._data is None:
            return
        try:
            same = digest(self.path.read_bytes()) == self._digest
        except FileNotFoundError:
            same = self._digest == digest(b"")
        except OSError:
            same = False  # let the reload report it
        if not same:
            self._data = None
            self._stamp = None

    def release(self) -> None:
        """Let go of the parsed data (a reader keeps what it built from it): the next read
        parses the file again. `generation` stays, so what was built stays current while
        `unchanged()` says the file is the version last read or written."""
        if not self._batch and not self._dirty:
            self._data = None

    def unchanged(self) -> bool:
        """Whether the data last read or written is still what the file holds (by its stamp,
        as `read` judges it; a write under the lock checks the bytes too)."""
        return self._batch or (self._digest is not None and file_stamp(self.path) == self._stamp)

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.generation += 1
        if self._batch:
            self._dirty = True
        else:
            self._flush()

    def _flush(self) -> None:
        assert self._data is not None
        if self.before_write is not None:
            self.before_write()
        payload = orjson.dumps(self._data)
        atomic_write(self.path, payload)
        self._stamp = file_stamp(self.path)
        self._digest = digest(payload)
        self._mark(self._digest)  # what we write was checked on its way in

    def begin(self) -> None:
        """Start a batch: reads come from memory, writes wait for `commit`."""
        self.read()
        self._batch = True
        self._dirty = False

    def commit(self) -> None:
        """End a batch, writing once if anything changed."""
        self._batch = False
        if self._dirty:
            self._dirty = False
            self._flush()

    def rollback(self) -> None:
        """End a batch without writing; forget what TinyDB changed in memory."""
        self._batch = False
        self._dirty = False
        self._data = None
        self._stamp = None
        self.generation += 1

    def close(self) -> None:
        pass
