"""The real app in a real terminal (tmux), typed at as fast as tmux can send keys."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import Terminal, wait_for

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

# Ten years: the form then takes a moment to appear, as on her own file after a few years.
DEMO_DAYS = "3650"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    term.gentle("demo", "--days", DEMO_DAYS, "--seed", "7")
    term.start()
    try:
        yield term
    finally:
        term.stop()


def test_a_check_in_typed_in_one_go_saves_every_value(terminal: Terminal) -> None:
    wait_for(lambda: " of 2 sessions" in terminal.screen(), "her dashboard", terminal.screen)
    terminal.keys("l", "4", "Tab", "3", "Tab", "5", "Enter")

    def saved() -> dict[str, object] | None:
        checkin: dict[str, object] | None = json.loads(terminal.gentle("status", "--json"))[
            "checkin"
        ]
        return checkin if checkin and checkin.get("pain") == 4 else None

    wait_for(lambda: saved() is not None, "the check-in saved")
    checkin = saved()
    assert checkin is not None
    assert (checkin["pain"], checkin["mood"], checkin["sleep_hours"]) == (4, 3, 5)
    wait_for(lambda: "Pain 4" in terminal.screen(), "the dashboard showing it")
    terminal.keys("q")


def test_a_check_in_a_repeated_session_and_history_typed_in_one_go(terminal: Terminal) -> None:
    """Keys typed after the Enter that saves wait for the save: none lands in the form."""
    wait_for(lambda: " of 2 sessions" in terminal.screen(), "her dashboard", terminal.screen)
    before = json.loads(terminal.gentle("history", "--json"))["entries"]
    latest = next(e for e in before if e["type"] == "session")
    terminal.keys("l", "4", "Tab", "3", "Tab", "7", "Enter", "m", "1", "Enter", "h")
    wait_for(lambda: "newest first" in terminal.screen(), "the history", terminal.screen)
    terminal.keys("q")
    wait_for(lambda: not terminal.running(), "the app closing", terminal.screen)
    entries = json.loads(terminal.gentle("history", "--json"))["entries"]
    checkin = next(e for e in entries if e["type"] == "checkin")
    assert (checkin["pain"], checkin["mood"], checkin["sleep_hours"]) == (4, 3, 7)
    sessions = [e for e in entries if e["type"] == "session"]
    assert len(sessions) == len([e for e in before if e["type"] == "session"]) + 1
    assert (sessions[0]["kind"], sessions[0]["minutes"]) == (latest["kind"], latest["minutes"])


def test_a_check_in_typed_while_the_app_starts_saves_and_every_panel_fills(tmp_path: Path) -> None:
    # Typed the moment `gentle` is started: before Python has even loaded Textual, while the
    # terminal is still in line mode (its Enter then arrives as a line feed).
    term = Terminal(tmp_path)
    term.gentle("demo", "--days", DEMO_DAYS, "--seed", "7")
    term.start()
    try:
        term.keys("l", "6", "Tab", "2", "Tab", "7.5", "Enter")

        def pain() -> object:
            checkin = json.loads(term.gentle("status", "--json"))["checkin"]
            return checkin and (checkin["pain"], checkin["mood"], checkin["sleep_hours"])

        wait_for(lambda: pain() == (6, 2, 7.5), "the check-in saved", lambda: f" {pain()}")
        wait_for(lambda: "Pain 6" in term.screen(), "the dashboard showing it", term.screen)
        wait_for(lambda: " of 2 sessions" in term.screen(), "this week's goals", term.screen)
        # No panel still waits for her data (a waiting panel shows a lone "…").
        assert re.search(r"│ … +│", term.screen()) is None, term.screen()
        term.keys("q")
    finally:
        term.stop()


def test_the_terminal_gets_its_own_settings_back_after_the_app(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    term.gentle("demo", "--days", "30")
    after = tmp_path / "stty.txt"
    term.start(f"{term.command()}; stty -a > {shlex.quote(str(after))}; sleep 30")
    try:
        wait_for(lambda: "This week" in term.screen(), "the dashboard", term.screen)
        term.keys("q")
        wait_for(after.exists, "the app to end")
        wait_for(lambda: "icanon" in after.read_text(), "stty's report")
        settings = after.read_text().split()
        assert {"icanon", "echo", "icrnl"} <= set(settings)
    finally:
        term.stop()


def test_a_save_the_disk_refuses_as_she_quits_is_said_after_the_app(tmp_path: Path) -> None:
    """The write fails after `q` (the disk is made to refuse it, slowly): `gentle` says so in one
    line once the terminal is hers again, and exits 1; the file keeps what it had."""
    term = Terminal(tmp_path, size=(80, 24))
    term.gentle("demo", "--days", "30")
    script = shlex.quote(str(Path(__file__).with_name("full_disk.py")))
    term.start(f"{term.command().replace(' -m tui', ' ' + script)}; echo exit $?; sleep 30")
    try:
        wait_for(lambda: "This week" in term.screen(), "the dashboard", term.screen)
        term.keys("l", "9", "Enter", "q")
        wait_for(lambda: "exit " in term.screen(), "the app to end", term.screen)
        lines = [line for line in term.screen().splitlines() if line.strip()]
        assert lines[-1] == "exit 1"
        said = "".join(lines[:-1])  # one line, wrapped by the terminal when the path is long
        assert said.endswith(f"gentle: not saved: cannot write {term.db}: No space left on device")
    finally:
        term.stop()
    checkin = json.loads(term.gentle("status", "--json"))["checkin"]
    assert not checkin or checkin.get("pain") != 9
