"""The inter-process lock around every read-modify-write of the data file.

On POSIX this is `fcntl.flock` on a `.lock` file beside the data: the kernel drops it when a process
dies, so a killed writer never leaves the file locked. `filelock` does the same portably but costs
about 20 ms of imports on every `gentle log` call, so it is used only where fcntl is missing.
"""

from __future__ import annotations

import os
import time
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


class ProcessLock:
    """A re-entrant-free exclusive lock held by one process at a time."""

    def __init__(self, path: str, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None
        self._fallback: object | None = None

    def acquire(self) -> None:
        if fcntl is None:  # pragma: no cover - Windows
            from filelock import FileLock, Timeout

            lock = FileLock(self.path, timeout=self.timeout, mode=0o600)
            try:
                lock.acquire()
            except Timeout:
                raise LockTimeout(self.path) from None
            self._fallback = lock
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(self.path) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        self._fd = fd

    def release(self) -> None:
        if self._fallback is not None:  # pragma: no cover - Windows
            self._fallback.release()  # type: ignore[attr-defined]
            self._fallback = None
            return
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ProcessLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
