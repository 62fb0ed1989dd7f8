"""Rolling backups beside the data file: the file as it was before each day's first write."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

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
    temp = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(path, temp)
    os.chmod(temp, 0o600)
    os.replace(temp, target)
    prune(folder, path)
    return target


def prune(folder: Path, path: Path) -> None:
    """Remove all but the newest `KEEP` daily backups (names sort by date)."""
    daily = sorted(folder.glob(f"{path.stem}-????-??-??{path.suffix}"))
    for old in daily[:-KEEP]:
        old.unlink(missing_ok=True)


def keep_copy(path: Path, label: str) -> Path:
    """A named copy kept before a risky change (a schema migration)."""
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{path.stem}-{label}{path.suffix}"
    shutil.copyfile(path, target)
    os.chmod(target, 0o600)
    return target
