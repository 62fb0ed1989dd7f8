"""Shared pieces of the store tests: a data file in a temp folder, writer processes, a fixed day."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.core.models import Checkin, Journal, Session

WRITER = Path(__file__).with_name("store_writer.py")
TODAY = "2024-06-01"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on one known day, in this process and in the writers it starts."""
    monkeypatch.setenv("GENTLE_TODAY", TODAY)
    monkeypatch.delenv("GENTLE_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where her data file goes (not created yet)."""
    return tmp_path / "gentle.json"


Writer = Callable[..., subprocess.Popen[str]]


@pytest.fixture
def reads_of(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], list[Path]]:
    """`reads_of(path)`: a list that grows by one each time `path` is read whole from then on."""

    def spy_on(path: Path) -> list[Path]:
        reads: list[Path] = []
        real = Path.read_bytes

        def counted(self: Path) -> bytes:
            if self == path:
                reads.append(self)
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", counted)
        return reads

    return spy_on


@pytest.fixture
def writer() -> Iterator[Writer]:
    """Start `store_writer.py` with the given arguments; every process is reaped at the end."""
    started: list[subprocess.Popen[str]] = []

    def start(*args: object) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def _sample_journal(days: int, end: date = date(2024, 5, 31)) -> Journal:
    journal = Journal()
    for offset in range(days):
        day = end - timedelta(days=offset)
        journal.checkins[day] = Checkin(date=day, pain=offset % 11, mood=1 + offset % 5)
        journal.sessions.append(Session(date=day, kind="walk", minutes=10 + offset % 30))
    journal.checkins = dict(sorted(journal.checkins.items()))
    journal.sessions.sort(key=lambda s: s.date)
    return journal


@pytest.fixture
def sample_journal() -> Callable[..., Journal]:
    """Builds a plain journal of N days ending 2024-05-31: a check-in and a session each day."""
    return _sample_journal
