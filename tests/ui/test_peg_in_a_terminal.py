"""The weekly PEG check in a real terminal (tmux): the whole answer typed in one go."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import Terminal, wait_for

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    term.gentle("demo", "--days", "120", "--seed", "7")  # its current week is left unanswered
    term.start()
    try:
        yield term
    finally:
        term.stop()


def test_a_peg_answer_typed_in_one_go_is_saved_and_shown(terminal: Terminal) -> None:
    wait_for(
        lambda: "weekly check: how was the week?" in terminal.screen(),
        "the dashboard's invitation",
        terminal.screen,
    )
    terminal.keys("p", "4", "Tab", "5", "Tab", "6", "Enter")

    def peg() -> dict[str, object] | None:
        answer: dict[str, object] | None = json.loads(terminal.gentle("status", "--json"))["peg"]
        return answer

    wait_for(lambda: peg() is not None, "the answer saved")
    assert peg() == {
        "week": "2026-11-23",
        "date": "2026-11-23",
        "pain": 4,
        "enjoyment": 5,
        "activity": 6,
        "score": 5.0,
    }
    wait_for(lambda: "PEG this week 5.0 of 10" in terminal.screen(), "the dashboard showing it")
    assert "weekly check: how was the week?" not in terminal.screen()
    terminal.keys("q")
