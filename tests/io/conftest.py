"""Shared fixtures for the import/export tests: a fixed today and the fixture folder."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = "2026-11-23"


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
