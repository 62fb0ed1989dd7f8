"""Rolling backups beside the data file: the file as it was before each day's first write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson

from tui.store.disk import atomic_write
from tui.store.schema import TABLES

KEEP = 7


def backup_dir(path: Path) -> Path:
    """`gentle.json` keeps its backups in `gentle-backups/` beside it."""
    return path.parent / f"{path.stem}-backups"


def daily_backup(path: Path, day: date) -> Path | None:
    """Copy `path` to the day's backup unless it exists; keep the newest `KEEP`."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = backup_dir(path)
    target = folder / f"{path.stem}-{day.isoformat()}{path.suffix}"
    if target.exists():
        return None
    folder.mkdir(mode=0o700, exist_ok=True)
    # Through a temp file that is 0600 from its first byte and removed if the copy fails.
    atomic_write(target, path.read_bytes())
    prune(folder, path)
    return target


def holds_entries(path: Path) -> bool:
    """Whether a (backup) file holds any check-in, session, goal or milestone."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    return isinstance(data, dict) and any(data.get(t) for t in TABLES)


def newest_with_entries(path: Path) -> Path | None:
    """The newest backup of `path` (daily or named) that holds entries, if any."""
    try:
        copies = [p for p in backup_dir(path).glob(f"{path.stem}-*{path.suffix}") if p.is_file()]
    except OSError:
        return None
    copies.sort(key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    return next((p for p in copies if holds_entries(p)), None)


def prune(folder: Path, path: Path) -> None:
    """Remove all but the newest `KEEP` daily backups (names sort by date).

    The newest one that holds entries always stays: if her file was emptied a week ago, the
    backups made since hold nothing, and the last copy of her real data must outlive them.
    """
    daily = sorted(folder.glob(f"{path.stem}-????-??-??{path.suffix}"))
    old, kept = daily[:-KEEP], daily[-KEEP:]
    spare = None
    if old and not any(holds_entries(p) for p in reversed(kept)):
        spare = next((p for p in reversed(old) if holds_entries(p)), None)
    for copy in old:
        if copy != spare:
            copy.unlink(missing_ok=True)


def keep_copy(path: Path, label: str) -> Path:
    """A named copy kept before a risky change (a schema migration)."""
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{path.stem}-{label}{path.suffix}"
    # Through a temp file that is 0600 from its first byte and removed if the copy fails.
    atomic_write(target, path.read_bytes())
    return target
