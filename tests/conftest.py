"""Shared by every test: her settings file is the test's own (a developer's never leaks in)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point GENTLE_CONFIG at a file in the test's folder (absent until a test writes it)."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("GENTLE_CONFIG", str(path))
    monkeypatch.delenv("GENTLE_THEME", raising=False)
    return path
