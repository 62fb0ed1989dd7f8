"""Fixtures for the command line tests: a `gentle` runner and a demo file made once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gentle_cli import Gentle


@pytest.fixture
def gentle(tmp_path: Path) -> Gentle:
    """The command line, with its data file (not created yet) at `gentle.db`."""
    return Gentle(tmp_path)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data file (120 days, seed 0) written once by `gentle demo`; copy, never change it."""
    runner = Gentle(tmp_path_factory.mktemp("demo"))
    out = runner.ok("demo")
    assert "120 days" in out
    return runner.db


@pytest.fixture
def seeded(gentle: Gentle, demo_file: Path) -> Gentle:
    """The command line over a private copy of the demo file."""
    shutil.copyfile(demo_file, gentle.db)
    return gentle
