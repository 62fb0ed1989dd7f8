"""Her record corrected in a real terminal (tmux), each burst of keys sent in one go.

Three sessions logged with the command line, one of them 200 minutes by mistake; in the app she
opens the history, fixes that one to 20, deletes another, undoes the delete and quits. The export
then holds the fixed and the restored entries, with the ids they had.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tmux_terminal import Terminal, wait_for

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path, size=(80, 24))
    try:
        yield term
    finally:
        term.stop()


def sessions(terminal: Terminal) -> list[dict[str, Any]]:
    exported: list[dict[str, Any]] = json.loads(terminal.gentle("export", "--format", "json"))[
        "sessions"
    ]
    return exported


def test_she_fixes_a_walk_deletes_a_session_and_undoes_the_delete(terminal: Terminal) -> None:
    terminal.gentle("log", "move", "walk", "30", "--place", "Bellhouse Park")
    terminal.gentle("log", "move", "walk", "200", "--place", "Lion's Field")
    terminal.gentle("log", "move", "strength", "10", "--routine", "Lower Body Strength")
    logged = sessions(terminal)
    assert [s["minutes"] for s in logged] == [30, 200, 10]
    terminal.start()
    wait_for(lambda: "Moved 240 min" in terminal.screen(), "her dashboard", terminal.screen)

    terminal.keys("h", "Down", "e", "Tab", "2", "0", "Enter")  # the second one is the 200
    wait_for(
        lambda: "20 min walk, at Lion's Field" in terminal.screen(), "the fix", terminal.screen
    )
    terminal.keys("Down", "x", "y")
    wait_for(lambda: "2 entries on 1 day" in terminal.screen(), "the delete", terminal.screen)
    terminal.keys("u")
    wait_for(lambda: "3 entries on 1 day" in terminal.screen(), "the undo", terminal.screen)
    wait_for(lambda: "is back" in terminal.screen(), "the toast saying so", terminal.screen)
    assert "brings it back" not in terminal.screen()  # one toast at a time over her list
    terminal.keys("q")
    wait_for(lambda: not terminal.running(), "the app closing")

    now = sessions(terminal)
    assert [s["id"] for s in now] == [s["id"] for s in logged]
    assert now[0] == logged[0]
    assert now[1] == logged[1] | {"minutes": 20}
    assert now[2] == logged[2]


def test_the_same_fixes_typed_in_one_go_all_land(terminal: Terminal) -> None:
    """Every key in one burst: the keys after each form or question closes land beneath it."""
    terminal.gentle("log", "move", "walk", "30", "--place", "Bellhouse Park")
    terminal.gentle("log", "move", "walk", "200", "--place", "Lion's Field")
    terminal.gentle("log", "move", "strength", "10", "--routine", "Lower Body Strength")
    logged = sessions(terminal)
    terminal.start()
    terminal.keys("h", "Down", "e", "Tab", "2", "0", "Enter", "Down", "x", "y", "u", "q")
    wait_for(lambda: not terminal.running(), "the app closing after q", terminal.screen)

    now = sessions(terminal)
    assert [s["id"] for s in now] == [s["id"] for s in logged]
    assert now == [logged[0], logged[1] | {"minutes": 20}, logged[2]]
