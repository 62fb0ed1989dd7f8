"""Snapshots of the dashboard, help and goals over the demo life, charts drawn (fixed today)."""

from __future__ import annotations

from typing import Any

import pytest

from tui.app import GentleApp
from tui.screenshot import wait_until_drawn
from tui.store import Store
from tui.themes import QUIET

SIZES = [(80, 24), (120, 40)]


def ids(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_dashboard(snap_compare: Any, demo_store: Store, size: tuple[int, int]) -> None:
    assert snap_compare(GentleApp(demo_store), terminal_size=size, run_before=wait_until_drawn)


def test_dashboard_in_the_quiet_theme(snap_compare: Any, demo_store: Store) -> None:
    app = GentleApp(demo_store, theme=QUIET)
    assert snap_compare(app, terminal_size=(120, 40), run_before=wait_until_drawn)


def test_dashboard_on_a_first_run(snap_compare: Any, empty_store: Store) -> None:
    assert snap_compare(GentleApp(empty_store), terminal_size=(80, 24), run_before=wait_until_drawn)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_help(snap_compare: Any, demo_store: Store, size: tuple[int, int]) -> None:
    async def open_help(pilot: Any) -> None:
        await pilot.press("question_mark")
        await wait_until_drawn(pilot)

    assert snap_compare(GentleApp(demo_store), terminal_size=size, run_before=open_help)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_goals_from_the_dashboard(
    snap_compare: Any, demo_store: Store, size: tuple[int, int]
) -> None:
    async def open_goals(pilot: Any) -> None:
        await pilot.press("g")
        await wait_until_drawn(pilot)

    assert snap_compare(GentleApp(demo_store), terminal_size=size, run_before=open_goals)
