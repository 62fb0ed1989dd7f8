"""What lands on disk beside her data: private modes, no leftover temp files, a week of backups."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.core.models import Session
from tui.store import Store
from tui.store.backups import backup_dir
from tui.store.disk import temp_files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def walk(minutes: int = 20) -> Session:
    return Session(date=date(2024, 5, 1), kind="walk", minutes=minutes)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most accounts have (022): without care, new files would be world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("usual_umask")
def test_her_data_file_and_its_lock_are_readable_only_by_her(db: Path) -> None:
    Store.open(db).add_session(walk())
    assert mode(db) == 0o600
    for lock in db.parent.glob(f"{db.name}.lock"):
        assert mode(lock) == 0o600


@pytest.mark.usefixtures("usual_umask")
def test_a_file_she_made_readable_to_others_is_private_again_after_the_next_write(
    db: Path,
) -> None:
    Store.open(db).add_session(walk())
    db.chmod(0o644)
    Store.open(db).add_session(walk(30))
    assert mode(db) == 0o600


@pytest.mark.usefixtures("usual_umask")
def test_folders_the_app_creates_for_her_data_are_private(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    path = tmp_path / "data" / "gentle-flow" / "gentle.json"
    Store.open(path).add_session(walk())
    assert mode(tmp_path / "data") == 0o700
    assert mode(tmp_path / "data" / "gentle-flow") == 0o700
    assert mode(tmp_path) == 0o755  # a folder that was there already is left as it was


@pytest.mark.usefixtures("usual_umask")
def test_backups_are_private_too(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db).add_session(walk())
    monkeypatch.setenv("GENTLE_TODAY", "2024-06-02")
    Store.open(db).add_session(walk(30))
    folder = backup_dir(db)
    copies = list(folder.iterdir())
    assert copies, "the day's first write kept no backup"
    assert mode(folder) == 0o700
    assert all(mode(copy) == 0o600 for copy in copies)


def test_temp_files_left_by_a_killed_writer_are_cleaned_at_the_next_write(db: Path) -> None:
    Store.open(db).add_session(walk())
    stale = [db.parent / f".{db.name}.4242.deadbeef.tmp", db.parent / f".{db.name}.7.0a1b2c3d.tmp"]
    for path in stale:
        path.write_bytes(b'{"half": ')
    someone_elses = db.parent / ".notes.json.4242.deadbeef.tmp"
    someone_elses.write_bytes(b"not ours")
    Store.open(db).add_session(walk(30))
    assert temp_files(db) == []
    assert not any(path.exists() for path in stale)
    assert someone_elses.read_bytes() == b"not ours"


def test_rolling_backups_keep_each_days_first_state_for_the_newest_seven_days(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = date(2024, 6, 1)
    before_first_write: dict[date, bytes] = {}
    for offset in range(10):
        day = first + timedelta(days=offset)
        monkeypatch.setenv("GENTLE_TODAY", day.isoformat())
        if db.exists():
            before_first_write[day] = db.read_bytes()
        Store.open(db).add_session(walk(10 + offset))  # each write as its own process would
        Store.open(db).add_session(walk(40 + offset))  # a later write that day keeps the copy

    folder = backup_dir(db)
    kept = sorted(p.name for p in folder.iterdir())
    newest = [first + timedelta(days=offset) for offset in range(3, 10)]
    assert kept == [f"gentle-{day.isoformat()}.json" for day in newest]
    for day in newest:
        assert (folder / f"gentle-{day.isoformat()}.json").read_bytes() == before_first_write[day]
