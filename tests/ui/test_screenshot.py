"""`gentle screenshot`: an SVG of a screen over her data, charts drawn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.app import GentleApp
from tui.core.errors import InputError
from tui.screenshot import SCREENS, export_svg, screenshot, wait_until_drawn
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


async def test_the_svg_is_textuals_own_screenshot_with_a_fixed_class_prefix(
    demo_store: Store,
) -> None:
    app = GentleApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_drawn(pilot)
        ours = export_svg(app, "Gentle Flow: dashboard", "gentle-dashboard")
        textuals = app.export_screenshot(title="Gentle Flow: dashboard")
    prefix = re.search(r"terminal-\d+", textuals)
    assert prefix is not None
    assert ours == textuals.replace(prefix.group(), "gentle-dashboard")
