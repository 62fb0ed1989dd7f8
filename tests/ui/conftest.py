"""Shared fixtures of the UI tests: a data file in a temp folder, a fixed today, demo data.

Every UI test runs on one known Monday (`GENTLE_TODAY`) against a data file in its own temp folder
(`GENTLE_DB`), so a developer's own data never leaks into a test or a snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from demo_life import DEMO_DAYS, DEMO_SEED, TODAY

from tui.core.demo import generate
from tui.core.models import Journal
from tui.store import Store


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[date]:
    """Pin today and point GENTLE_DB at the test's own folder."""
    monkeypatch.setenv("GENTLE_TODAY", TODAY.isoformat())
    monkeypatch.setenv("GENTLE_DB", str(tmp_path / "gentle.json"))
    monkeypatch.delenv("GENTLE_QUIET", raising=False)
    yield TODAY


@pytest.fixture(scope="session")
def demo_journal() -> Journal:
    """The demo life (120 days, seed 7, ending on TODAY), generated once per test run.

    Treat it as read-only: tests that need changes write them through a store.
    """
    return generate(DEMO_DAYS, DEMO_SEED, TODAY)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's data file lives (the same path as GENTLE_DB)."""
    return tmp_path / "gentle.json"


@pytest.fixture
def empty_store(db_path: Path) -> Store:
    """A first run: no data file yet."""
    return Store.open(db_path)


@pytest.fixture
def demo_store(db_path: Path, demo_journal: Journal) -> Store:
    """A data file holding the demo life."""
    store = Store.open(db_path)
    store.replace_journal(demo_journal)
    return store
