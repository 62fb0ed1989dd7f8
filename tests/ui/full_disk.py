"""`gentle` with a disk that refuses every write once the app is up (for a test in tmux)."""

from __future__ import annotations

import errno
import sys
import time
from pathlib import Path

from tui.cli import main
from tui.store import storage


def full(path: Path, payload: bytes) -> None:
    time.sleep(0.2)  # the write fails after she has already quit
    raise OSError(errno.ENOSPC, "No space left on device")


if __name__ == "__main__":
    storage.atomic_write = full  # type: ignore[assignment]
    sys.exit(main())
