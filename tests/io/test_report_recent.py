"""A report built from its weeks and the years before in brief (`Store.recent`) is the report built
from her whole journal, byte for byte: the routine counts and flare figures stay whole-history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from io_cli import Gentle

from tui.core.demo import generate
from tui.io.report import period_between, period_for, render_period, render_report
from tui.io.report_period import Period
from tui.store import Store

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture(scope="module", params=[0, 3], ids=["weeks from monday", "weeks from thursday"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Three years of demo data, so most of her routine sessions and flares predate a report."""
    journal = generate(1100, 5, TODAY)
    journal.week_start = request.param
    store = Store.open(tmp_path_factory.mktemp("recent") / "g.json")
    store.replace_journal(journal)
    return store


def _both(store: Store, period: Period, weeks: int | None) -> tuple[str, str]:
    whole = render_period(store.journal(), period, TODAY, weeks)
    journal, earlier = store.recent(period.week_starts[0])
    return whole, render_period(journal, period, TODAY, weeks, earlier)


@pytest.mark.parametrize("weeks", [1, 4, 12, 60])
def test_a_report_of_the_last_weeks_from_its_weeks_alone_is_the_whole_report(
    store: Store, weeks: int
) -> None:
    whole, recent = _both(store, period_for(TODAY, weeks, store.week_start()), weeks)
    assert "Times in all" in whole and "Last flare day" in whole
    assert recent == whole


@pytest.mark.parametrize(
    ("first", "last"), [(date(2025, 3, 6), date(2025, 4, 2)), (date(2024, 1, 3), date(2026, 1, 1))]
)
def test_a_report_between_two_dates_from_its_weeks_alone_is_the_whole_report(
    store: Store, first: date, last: date
) -> None:
    whole, recent = _both(store, period_between(first, last, store.week_start()), None)
    assert recent == whole


def test_the_years_before_are_read_in_brief(store: Store) -> None:
    cut = date(2026, 9, 1)
    journal, earlier = store.recent(cut)
    whole = store.journal()
    assert min(journal.checkins) >= cut and journal.sessions[0].date >= cut
    before = [s for s in whole.sessions if s.date < cut]
    assert earlier.routine_sessions == [(s.date, s.routine) for s in before if s.routine]
    assert earlier.flare_days == [d for d, c in whole.checkins.items() if c.flare and d < cut]
    assert earlier.flare_days and len(earlier.routine_sessions) > 100
    assert journal.goals == whole.goals


def test_the_report_command_writes_the_whole_report(seeded: Gentle, tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    seeded.ok("report", "--weeks", "6", "--output", out_file)
    assert out_file.read_text() == render_report(Store.open(seeded.db).journal(), TODAY, 6)
