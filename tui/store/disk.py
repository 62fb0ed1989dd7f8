"""Her file on disk: a version's stamp and fingerprint, the marker of the last version that
passed every check, and the atomic write that never leaves half a file (temp file, fsync,
rename, fsync of the folder).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

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
    """The fingerprint of one version of the file that the `.checked` marker holds (sha1)."""
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


def atomic_write(path: Path, payload: bytes) -> Stamp:
    """Replace `path` with `payload`: a crash leaves the old or the new file, never half.
    Returns the new file's stamp, taken before the rename (a stat after it could see a file
    another program put there in between)."""
    # os.urandom, not secrets: `secrets` pulls in hmac, hashlib and random (~5 ms per CLI call).
    temp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            st = os.fstat(handle.fileno())
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
    return (st.st_ino, st.st_mtime_ns, st.st_size)
