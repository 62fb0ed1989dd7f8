"""Shared fixtures for the import/export tests: a fixed today and the fixture folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from io_cli import FIXTURES, TODAY, Gentle


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on Monday 2026-11-23, as the command line tests do."""
    monkeypatch.setenv("GENTLE_TODAY", TODAY)


@pytest.fixture
def apple_dir() -> Path:
    return FIXTURES / "apple_health"


@pytest.fixture
def daylio_dir() -> Path:
    return FIXTURES / "daylio"


@pytest.fixture
def gentle(tmp_path: Path) -> Gentle:
    return Gentle(tmp_path)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data file written once by `gentle demo` (copy it before changing it)."""
    runner = Gentle(tmp_path_factory.mktemp("demo"))
    runner.ok("demo", "--days", "200", "--seed", "3")
    return runner.db


@pytest.fixture
def seeded(gentle: Gentle, demo_db: Path) -> Gentle:
    shutil.copyfile(demo_db, gentle.db)
    return gentle
