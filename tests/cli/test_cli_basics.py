"""`gentle --version`, and which data file a command uses (--db, GENTLE_DB, the default)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from gentle_cli import TODAY, Gentle

from tui import __version__


def test_version_prints_the_app_name_and_version(gentle: Gentle) -> None:
    out = gentle.ok("--version")
    assert out.strip() == f"gentle-flow {__version__}"


def test_db_option_selects_the_data_file(gentle: Gentle, tmp_path: Path) -> None:
    mine = tmp_path / "elsewhere" / "mine.json"
    gentle.ok("log", "checkin", "--pain", "3", db=mine)
    assert gentle.data(mine)["checkins"]
    assert not gentle.db.exists()


def test_gentle_db_variable_selects_the_data_file(gentle: Gentle, tmp_path: Path) -> None:
    from_env = tmp_path / "from-env.json"
    gentle.ok("log", "checkin", "--mood", "4", db=None, gentle_db=from_env)
    assert gentle.status(db=None, gentle_db=from_env)["checkin"]["mood"] == 4


def test_db_option_wins_over_gentle_db(gentle: Gentle, tmp_path: Path) -> None:
    from_env = tmp_path / "from-env.json"
    gentle.ok("log", "checkin", "--pain", "6", gentle_db=from_env)
    assert gentle.data()["checkins"]
    assert not from_env.exists()


def test_without_db_or_gentle_db_the_file_lives_in_the_user_data_folder(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "2", db=None)
    found = list(gentle.home.rglob("gentle.json"))
    assert len(found) == 1
    assert "gentle-flow" in found[0].parts
    assert not gentle.db.exists()
    if sys.platform != "win32":  # health data: only she may read it
        assert stat.S_IMODE(found[0].stat().st_mode) == 0o600
        assert stat.S_IMODE(found[0].parent.stat().st_mode) == 0o700


def test_status_on_a_new_file_invites_a_check_in_and_writes_nothing(gentle: Gentle) -> None:
    out = gentle.ok("status")
    assert TODAY in out
    assert "not logged yet" in out
    assert not gentle.db.exists()


def test_status_text_shows_goals_flares_and_routines(seeded: Gentle) -> None:
    out = seeded.ok("status")
    assert f"Gentle Flow, {TODAY}" in out
    assert "Walks:" in out
    assert "Flares:" in out
    assert "Lower Body Strength" in out


@pytest.mark.parametrize("args", [["log"], ["goal"], ["log", "move", "walk"], ["nonsense"]])
def test_an_incomplete_command_is_one_usage_line(gentle: Gentle, args: list[str]) -> None:
    line = gentle.refused(*args)
    assert "gentle" in line
    assert not gentle.db.exists()


def test_help_lists_every_command_even_though_a_bare_start_builds_none(gentle: Gentle) -> None:
    from tui.cli import opens_the_app

    assert opens_the_app([]) and opens_the_app(["--db", "x.json"])
    assert not opens_the_app(["--he"]) and not opens_the_app(["--db", "x.json", "status"])
    out = gentle.ok("--he")
    assert all(command in out for command in ("log", "goal", "status", "screenshot", "export"))


def test_screenshot_writes_the_screen_and_ends_at_once(gentle: Gentle, tmp_path: Path) -> None:
    # The command ends its process as soon as the picture is written (no tearing down):
    # what it says, its exit status and the file must all be there.
    assert gentle("demo", "--days", "60").returncode == 0
    out = tmp_path / "shot.svg"
    proc = gentle("screenshot", "dashboard", "--output", out, "--size", "80x24")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"Saved {out}\n"
    svg = out.read_text("utf-8")
    assert svg.rstrip().endswith("</svg>") and "Gentle" in svg and "This" in svg
