"""`gentle screenshot`: an SVG of a screen over her data, charts drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.screenshot import SCREENS, screenshot
from tui.store import Store


def test_the_dashboard_screenshot_has_its_charts_drawn(demo_store: Store, tmp_path: Path) -> None:
    out = screenshot(demo_store, "dashboard", tmp_path / "dashboard.svg", size=(120, 40))
    svg = out.read_text()
    assert svg.startswith("<svg")
    assert "Pain,&#160;last&#160;12&#160;weeks" in svg
    assert "10┤" in svg  # the pain chart's axis: drawn, not waiting


@pytest.mark.parametrize("screen", [s for s in SCREENS if s != "dashboard"])
def test_every_screen_can_be_captured(demo_store: Store, tmp_path: Path, screen: str) -> None:
    out = screenshot(demo_store, screen, tmp_path / f"{screen}.svg", size=(80, 24))
    assert out.exists() and out.stat().st_size > 1000


def test_an_unknown_screen_is_refused_naming_the_choices(demo_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        screenshot(demo_store, "settings", tmp_path / "x.svg")
    assert caught.value.field == "screen"
    assert "dashboard, checkin, move, goals, help" in caught.value.message
    assert not (tmp_path / "x.svg").exists()
