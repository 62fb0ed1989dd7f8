"""Snapshots of the history screen over the demo life (its ids come from the demo's seed)."""

from __future__ import annotations

from typing import Any

import pytest

from tui.app import GentleApp
from tui.screenshot import wait_until_drawn
from tui.store import Store

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_history(snap_compare: Any, demo_store: Store, size: tuple[int, int]) -> None:
    async def open_history(pilot: Any) -> None:
        await pilot.press("h", "down", "down")
        await wait_until_drawn(pilot)

    assert snap_compare(GentleApp(demo_store), terminal_size=size, run_before=open_history)
