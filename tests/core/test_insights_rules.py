"""Insights from her own record, withheld until both sides have five days, sample sizes shown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.insights import Insight, insights, pain_change
from tui.core.models import Checkin, Journal, Session

TODAY = date(2025, 11, 20)
AFTER_MOVING = TODAY - timedelta(days=80)  # days three apart from here on
AFTER_RESTING = TODAY - timedelta(days=40)


def spaced(start: date, n: int) -> list[date]:
    """`n` days three apart, so neighbouring groups never touch."""
    return [start + timedelta(days=3 * i) for i in range(n)]


def build(
    moved: int, still: int, session_shift: int, values: dict[str, tuple[int, int]]
) -> Journal:
    """`moved` check-ins on the movement side, `still` on the other; a session `session_shift`
    days from each movement-side check-in; `values` gives each field's (movement, other) value."""
    checkins: dict[date, Checkin] = {}
    sessions: list[Session] = []
    for side, start, n in ((0, AFTER_MOVING, moved), (1, AFTER_RESTING, still)):
        for d in spaced(start, n):
            checkins[d] = Checkin(date=d).merged({k: v[side] for k, v in values.items()})
            if side == 0:
                sessions.append(
                    Session(date=d + timedelta(days=session_shift), kind="walk", minutes=15)
                )
    return Journal(checkins=checkins, sessions=sorted(sessions, key=lambda s: s.date))


def found(journal: Journal, key: str) -> Insight | None:
    return next((i for i in insights(journal, TODAY) if i.key == key), None)


def pain_after(moved: int, still: int) -> Journal:
    return build(moved, still, session_shift=-1, values={"pain": (3, 6)})


def sleep_after(moved: int, still: int) -> Journal:
    return build(moved, still, session_shift=-1, values={"sleep_quality": (4, 2)})


def mood_on(moved: int, still: int) -> Journal:
    return build(moved, still, session_shift=0, values={"mood": (4, 2)})


def test_pain_the_day_after_movement_is_shown_with_five_days_on_each_side() -> None:
    insight = found(pain_after(5, 5), "pain_after_movement")
    assert insight is not None
    assert (insight.a_mean, insight.a_n) == (3.0, 5)
    assert (insight.b_mean, insight.b_n) == (6.0, 5)


def test_pain_the_day_after_movement_is_withheld_with_four_days_after_movement() -> None:
    assert found(pain_after(4, 9), "pain_after_movement") is None


def test_pain_the_day_after_movement_is_withheld_with_four_days_after_none() -> None:
    assert found(pain_after(9, 4), "pain_after_movement") is None


def test_sleep_quality_the_night_after_movement_is_shown_with_five_days_on_each_side() -> None:
    # The check-in the morning after a movement day tells how that night went.
    insight = found(sleep_after(5, 5), "sleep_after_movement")
    assert insight is not None
    assert (insight.a_mean, insight.a_n) == (4.0, 5)
    assert (insight.b_mean, insight.b_n) == (2.0, 5)


def test_sleep_quality_the_night_after_movement_is_withheld_with_four_days_on_a_side() -> None:
    assert found(sleep_after(4, 9), "sleep_after_movement") is None
    assert found(sleep_after(9, 4), "sleep_after_movement") is None


def test_mood_on_movement_days_is_shown_with_five_days_on_each_side() -> None:
    insight = found(mood_on(5, 5), "mood_on_movement_days")
    assert insight is not None
    assert (insight.a_mean, insight.a_n) == (4.0, 5)
    assert (insight.b_mean, insight.b_n) == (2.0, 5)


def test_mood_on_movement_days_is_withheld_with_four_days_on_a_side() -> None:
    assert found(mood_on(4, 9), "mood_on_movement_days") is None
    assert found(mood_on(9, 4), "mood_on_movement_days") is None


def test_an_insight_says_how_many_days_each_side_rests_on() -> None:
    insight = found(mood_on(6, 5), "mood_on_movement_days")
    assert insight is not None
    assert "(6 days)" in insight.text
    assert "(5 days)" in insight.text


def test_days_without_that_measure_logged_are_left_out() -> None:
    journal = mood_on(5, 5)
    extra = AFTER_RESTING + timedelta(days=1)
    journal.checkins[extra] = Checkin(date=extra, pain=4)  # no mood that day
    insight = found(journal, "mood_on_movement_days")
    assert insight is not None
    assert insight.b_n == 5


def test_no_insights_from_an_empty_journal() -> None:
    assert insights(Journal(), TODAY) == []


def session_with_pain(day: date, before: int | None, after: int | None) -> Session:
    return Session(date=day, kind="stretch", minutes=10, pain_before=before, pain_after=after)


def test_mean_pain_change_across_sessions_with_before_and_after() -> None:
    days = spaced(AFTER_MOVING, 6)
    sessions = [session_with_pain(d, 6, 4) for d in days[:4]]
    sessions.append(session_with_pain(days[4], 5, 5))
    sessions.append(session_with_pain(days[5], 5, None))  # no after: not counted
    change = pain_change(Journal(sessions=sessions), TODAY)
    assert change is not None
    assert change.sessions == 5
    assert change.mean_change == pytest.approx(-1.6)
    assert "5 sessions" in change.text


def test_mean_pain_change_is_withheld_under_five_sessions() -> None:
    sessions = [session_with_pain(d, 6, 4) for d in spaced(AFTER_MOVING, 4)]
    sessions.append(session_with_pain(TODAY, None, 3))
    assert pain_change(Journal(sessions=sessions), TODAY) is None
