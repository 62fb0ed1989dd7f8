"""The dashboard built from her recent weeks and the years before in brief (`Store.recent`, as
`gentle screenshot dashboard` builds it) is the dashboard built from her whole journal, panel for
panel, over many histories and days: routine counts and milestones, flare figures, goals and
their step-up offers, insights, charts and the first-run welcome stay whole-history."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from tui.app import GentleApp
from tui.core.demo import generate
from tui.core.earlier import NotHeld
from tui.core.models import Checkin, Goal, Journal, Session, Step
from tui.screens.dashboard_data import DashboardData, build, reads_from
from tui.screenshot import wait_until_drawn
from tui.store import Store

TODAY = date(2026, 11, 23)
LONG_AGO = TODAY - timedelta(days=1100)
REST_WEEK = date(2025, 6, 2)  # a Monday


def _pacing_goals(start: date) -> list[Goal]:
    """Goals whose step-up offers look far back: a year of met weeks, a declined offer, a step."""
    year = Goal.create(name="Any movement", per_week=1, ramp_to=9, ramp_every=52, created=start)
    walks = Goal.create(
        name="Walks", per_week=2, kinds=("walk",), ramp_to=5, ramp_every=6, created=start
    )
    strength = Goal.create(
        name="Strength",
        per_week=1,
        routine="lower body STRENGTH",
        ramp_to=4,
        ramp_every=3,
        created=start,
    )
    stepped = Goal.create(
        name="Minutes", minutes_per_week=60, ramp_to=300, ramp_every=4, created=start
    )
    return [
        year,
        replace(walks, declined=TODAY - timedelta(weeks=30)),
        strength,
        replace(
            stepped, target=66, steps=(*stepped.steps, Step(TODAY - timedelta(weeks=9), 66, "up"))
        ),
    ]


def _met_weeks_with_a_rest_week(rest: date) -> Journal:
    """A walk every day for two and a half years but the week from `rest` on, all flare days:
    a step-up offer after a year of met weeks passes over that week and looks further back."""
    first = TODAY - timedelta(days=900)
    days = [first + timedelta(days=i) for i in range(901)]
    resting = {rest + timedelta(days=i) for i in range(7)}
    return Journal(
        checkins={d: Checkin(date=d, pain=8, flare=True) for d in sorted(resting)},
        sessions=[Session(date=d, kind="walk", minutes=20) for d in days if d not in resting],
        goals=[Goal.create(name="Walks", per_week=1, ramp_to=9, ramp_every=52, created=first)],
    )


def _plain(journal: Journal) -> Journal:
    """Check-ins and sessions only: no flare, no routine, no goal (nothing in `Earlier`'s lists)."""
    return Journal(
        checkins={d: replace(c, flare=False) for d, c in journal.checkins.items()},
        sessions=[replace(s, routine=None) for s in journal.sessions],
    )


def _histories() -> dict[str, Journal]:
    five_years = generate(1830, 11, TODAY)  # the twenty-year demo, scaled down
    thursdays = generate(700, 4, TODAY)
    thursdays.week_start = 3
    paced = generate(900, 2, TODAY)
    paced.goals = _pacing_goals(TODAY - timedelta(days=890))
    return {
        "screenshots' demo": generate(120, 7, TODAY),
        "five years": five_years,
        "weeks from thursday": thursdays,
        "goals paced over a year": paced,
        "a rest week between met ones": _met_weeks_with_a_rest_week(REST_WEEK),
        "only old entries": generate(300, 5, LONG_AGO),
        "only old plain entries": _plain(generate(200, 6, LONG_AGO)),
        "empty": Journal(),
    }


HISTORIES = _histories()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Store]:
    out = {}
    for name, journal in HISTORIES.items():
        store = Store.open(tmp_path_factory.mktemp("recent") / "gentle.json")
        store.replace_journal(journal)
        out[name] = store
    # Old sessions imported after the rest: out of date order in the file, the routine typed
    # another way on a day that already had it (the name shown is the one the file gives last).
    late = [
        Session(date=d, kind="strength", minutes=10, routine="Lower Body strength", id=f"late{i}")
        for i, d in enumerate(sorted({s.date for s in HISTORIES["five years"].sessions})[::97])
    ]
    out["five years"].add_sessions(late)
    return out


def both(store: Store, day: date) -> tuple[DashboardData, DashboardData | None]:
    """The dashboard of `day` from her whole journal, and from her recent weeks (None when a
    figure needed more of her history: the dashboard then reads the whole journal)."""
    whole = build(store.journal(), day)
    recent = store.recent(reads_from(day))
    try:
        return whole, build(recent.journal, day, earlier=recent.earlier)
    except NotHeld:
        return whole, None


@pytest.mark.parametrize("name", HISTORIES)
def test_today_s_dashboard_from_her_recent_weeks_is_the_whole_one(
    stores: dict[str, Store], name: str
) -> None:
    whole, recent = both(stores[name], TODAY)
    assert recent == whole


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.sampled_from(list(HISTORIES)), days_back=st.integers(-30, 1500))
def test_any_day_s_dashboard_from_her_recent_weeks_is_the_whole_one(
    stores: dict[str, Store], name: str, days_back: int
) -> None:
    whole, recent = both(stores[name], TODAY - timedelta(days=days_back))
    if name != "a rest week between met ones":
        assert recent is not None  # only weeks at rest make an offer look further back
    assert recent is None or recent == whole


def test_what_the_years_before_add_is_shown(stores: dict[str, Store]) -> None:
    """The histories hold what the equality is about: figures the recent weeks alone get wrong."""
    for name in ("five years", "only old entries", "only old plain entries"):
        store = stores[name]
        whole, recent = both(store, TODAY)
        alone = build(store.recent(reads_from(TODAY)).journal, TODAY)
        assert recent == whole and alone != whole, name
        assert not whole.first_run
    five = both(stores["five years"], TODAY)[0]
    assert "Lower Body strength" in five.routines.plain  # the name the file gives last
    assert "Usually" in five.flares.plain
    assert both(stores["empty"], TODAY)[0].first_run


def test_a_rest_week_between_met_ones_needs_the_whole_journal(stores: dict[str, Store]) -> None:
    store = stores["a rest week between met ones"]
    day = REST_WEEK + timedelta(weeks=50)
    whole, recent = both(store, day)
    assert recent is None  # the offer counts met weeks from before `reads_from(day)`
    assert [bar.note for bar in whole.goals] == ["step up? g"]
    whole, recent = both(store, REST_WEEK + timedelta(weeks=60))  # a year of met weeks: enough
    assert recent == whole and [bar.note for bar in whole.goals] == ["step up? g"]


def test_the_dashboard_reads_no_further_back_than_it_says(stores: dict[str, Store]) -> None:
    """Everything `build` reads one by one is in `reads_from`'s days: entries before it in the
    journal change nothing (only `Earlier` speaks for them)."""
    store = stores["five years"]
    journal = store.journal()
    cut = reads_from(TODAY)
    kept = replace(
        journal,
        checkins={d: c for d, c in journal.checkins.items() if d >= cut},
        sessions=[s for s in journal.sessions if s.date >= cut],
    )
    recent = store.recent(cut)
    assert build(kept, TODAY, earlier=recent.earlier) == build(journal, TODAY)


def test_a_store_reads_her_recent_weeks_and_lets_go_of_the_file(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "gentle.json")
    store.replace_journal(generate(400, 3, TODAY))
    recent = store.recent(reads_from(TODAY), let_go=True)
    assert recent.earlier.since == reads_from(TODAY) and recent.earlier.has_entries
    assert min(recent.journal.checkins) >= reads_from(TODAY)
    assert store.journal() == store.recent(date(2000, 1, 1)).journal  # read again from the file


async def test_the_app_given_her_recent_weeks_never_builds_her_whole_journal(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole_app = GentleApp(demo_store, make_ahead=False)
    async with whole_app.run_test(size=(120, 40)):
        whole = whole_app.dashboard.data if whole_app.dashboard else None
    recent = demo_store.recent(reads_from(TODAY), let_go=True)

    def whole_journal() -> Journal:
        raise AssertionError("the whole journal was read")

    monkeypatch.setattr(demo_store, "journal", whole_journal)
    app = GentleApp(demo_store, make_ahead=False, recent=recent)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until_drawn(pilot)
        assert app.dashboard is not None and app.dashboard.data == whole


async def test_a_figure_that_needs_more_than_her_recent_weeks_reads_the_whole_journal(
    stores: dict[str, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = REST_WEEK + timedelta(weeks=50)
    monkeypatch.setenv("GENTLE_TODAY", day.isoformat())
    store = stores["a rest week between met ones"]
    app = GentleApp(store, make_ahead=False, recent=store.recent(reads_from(day)))
    async with app.run_test(size=(120, 40)):
        assert app.dashboard is not None and app.dashboard.data == build(store.journal(), day)
