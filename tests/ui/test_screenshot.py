"""`gentle screenshot`: an SVG of a screen over her data, charts drawn."""

from __future__ import annotations

import html
import re
from datetime import date
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


def svg_text(svg: str) -> str:
    """The text an SVG screenshot shows, line by line as drawn (tags and entities undone)."""
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]* y="([0-9.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(y), []).append(text)
    lines = ("".join(row) for _, row in sorted(rows.items()))
    return html.unescape("\n".join(lines)).replace("\xa0", " ")


WHAT_EACH_SHOWS = {
    "checkin": "Check-in for today",
    "move": "Movement for today",
    "goals": "Goals · this week began",
    "help": "In a form",
    "peg": "Weekly check (PEG)",
    "history": "entries on 120 days, newest first",
}


@pytest.mark.parametrize("screen", [s for s in SCREENS if s != "dashboard"])
def test_every_screen_can_be_captured(demo_store: Store, tmp_path: Path, screen: str) -> None:
    out = screenshot(demo_store, screen, tmp_path / f"{screen}.svg", size=(80, 24))
    text = svg_text(out.read_text())
    assert WHAT_EACH_SHOWS[screen] in text
    others = set(WHAT_EACH_SHOWS.values()) - {WHAT_EACH_SHOWS[screen]}
    assert not any(other in text for other in others)


def test_an_unknown_screen_is_refused_naming_the_choices(demo_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        screenshot(demo_store, "settings", tmp_path / "x.svg")
    assert caught.value.field == "screen"
    assert "dashboard, checkin, move, goals, help, peg" in caught.value.message
    assert not (tmp_path / "x.svg").exists()


def test_a_key_moved_in_her_config_shows_in_the_help_screenshot(
    demo_store: Store, tmp_path: Path, own_config: Path
) -> None:
    own_config.parent.mkdir(parents=True)
    own_config.write_text('[keys]\ncheckin = "c"\n')
    out = screenshot(demo_store, "help", tmp_path / "help.svg", size=(120, 40))
    lines = svg_text(out.read_text()).splitlines()
    check_in = next(line for line in lines if "Check-in: pain, mood" in line)
    assert check_in.split()[0] == "c"
    assert not any(line.split()[:1] == ["l"] for line in lines)


def test_a_screenshot_on_a_flare_day_offers_nothing_and_leaves_her_settings_alone(
    demo_store: Store, tmp_path: Path, own_config: Path, fixed_today: date
) -> None:
    """The quiet theme is offered once a day, to her in the app: a picture of the dashboard
    neither shows the offer nor spends it."""
    demo_store.log_checkin(fixed_today, {"flare": True, "pain": 7})
    text = svg_text(screenshot(demo_store, "dashboard", tmp_path / "d.svg").read_text())
    assert "A rest day today" in text
    assert "quiet theme" not in text
    assert not own_config.exists()
