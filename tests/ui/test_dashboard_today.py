"""The Today panel: like sessions grouped, the movement line never hidden by a long note."""

from __future__ import annotations

import pytest
from demo_life import TODAY
from rich.cells import cell_len

from tui.app import GentleApp
from tui.core.models import Session
from tui.screenshot import wait_until_drawn
from tui.store import Store

NOTE = (
    "A long day: the physio moved my appointment, the bus was late, and I rested most of the "
    "afternoon with a warm blanket and tea. Then my sister called and we talked for an hour "
    "about the garden, the new neighbours and the holidays, which helped a lot."
)


WEEKLY = "p weekly check"  # the PEG invitation, the panel's last line while the week is open


def above_weekly(lines: list[str]) -> list[str]:
    """The panel's lines above the weekly check's one line (which is kept, however full)."""
    while lines and not lines[-1]:
        lines = lines[:-1]
    assert lines[-1].startswith(WEEKLY)
    return lines[:-1]


async def today_panel(store: Store, size: tuple[int, int]) -> list[str]:
    app = GentleApp(store)
    async with app.run_test(size=size) as pilot:
        await wait_until_drawn(pilot)
        panel = app.screen.query_one("#today")
        return [panel.render_line(y).text.rstrip() for y in range(panel.content_size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_day_of_snacks_is_one_line_under_a_long_note(
    empty_store: Store, size: tuple[int, int]
) -> None:
    empty_store.log_checkin(TODAY, {"pain": 4, "mood": 3, "note": NOTE})
    for minutes in (4, 5, 3, 5):
        empty_store.add_session(Session(date=TODAY, kind="snack", minutes=minutes))

    lines = above_weekly(await today_panel(empty_store, size))
    text = " ".join(lines)

    assert "Moved 17 min: 4 snacks" in text
    assert "Snack 4 min" not in text
    assert lines[-1].startswith("Moved")  # the last line, however long the note
    assert "helped a lot" not in text  # the note, cut, with a sign:
    assert any(line.endswith("…") for line in lines)


async def test_what_does_not_fit_ends_with_how_many_more(empty_store: Store) -> None:
    empty_store.log_checkin(TODAY, {"pain": 4, "mood": 3, "sleep_hours": 7})
    routines = [f"Video number {i} from the long playlist" for i in range(1, 9)]
    for name in routines:
        empty_store.add_session(Session(date=TODAY, kind="stretch", minutes=10, routine=name))

    lines = above_weekly(await today_panel(empty_store, (80, 24)))
    text = " ".join(lines)

    assert text.startswith("Pain 4")
    assert "Moved 80 min: Video number 1 from the long playlist 10 min" in text
    shown = sum(1 for name in routines if name in text)
    assert 0 < shown < len(routines)
    assert text.endswith(f"… {len(routines) - shown} more")


async def test_names_in_any_script_fit_the_panel_by_their_width_on_screen(
    empty_store: Store,
) -> None:
    empty_store.log_checkin(TODAY, {"pain": 3})
    names = ["朝のストレッチ 🌅", "Cafe\u0301 walk 🚶", "夕方のヨガとストレッチ", "散歩 🌳🌳"]
    for name in names * 2:
        empty_store.add_session(Session(date=TODAY, kind="stretch", minutes=5, routine=name))
    for kind in ("walk", "snack", "strength"):
        empty_store.add_session(Session(date=TODAY, kind=kind, minutes=5))

    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_drawn(pilot)
        panel = app.screen.query_one("#today")
        width, height = panel.content_size
        lines = [panel.render_line(y).text.rstrip() for y in range(height)]

    assert all(cell_len(line) <= width for line in lines)
    text = " ".join(above_weekly(lines))
    assert "朝のストレッチ 🌅 2 times, 10 min" in text
    assert text.rstrip().endswith("more")  # seven groups do not fit in five lines here


def test_the_week_of_sleep_is_said_in_quarter_hours_like_every_other_hour() -> None:
    from datetime import date, timedelta

    from tui.core.models import Checkin, Journal
    from tui.screens.dashboard_data import sleep_hours_note

    day = date(2026, 11, 23)
    night = day - timedelta(days=1)
    journal = Journal(checkins={night: Checkin(date=night, sleep_hours=7.25)})
    assert sleep_hours_note(journal, day) == "7.25 h a night, last 7 days"
