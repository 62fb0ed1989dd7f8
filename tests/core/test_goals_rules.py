"""Weekly goals: what counts toward them, and rest days that lower the target."""

from __future__ import annotations

from datetime import date, timedelta

from tui.core.goals import goal_history, rest_day_target, week_progress
from tui.core.models import Checkin, Goal, Journal, Session

MONDAY = date(2025, 11, 17)
CREATED = date(2025, 1, 6)


def day(n: int) -> date:
    """The n-th day of the week beginning MONDAY (0 = Monday)."""
    return MONDAY + timedelta(days=n)


def journal(sessions: list[Session], flares: tuple[date, ...] | list[date] = ()) -> Journal:
    """A journal with these sessions (kept sorted, as the store keeps them) and flare days."""
    return Journal(
        checkins={d: Checkin(date=d, flare=True) for d in flares},
        sessions=sorted(sessions, key=lambda s: s.date),
    )


def three_a_week() -> Goal:
    return Goal.create(name="Strength", per_week=3, created=CREATED)


def test_two_rest_days_lower_a_three_a_week_goal_to_two() -> None:
    progress = week_progress(three_a_week(), journal([], flares=[day(1), day(2)]), day(3))
    assert progress.rest_days == 2
    assert progress.base_target == 3
    assert progress.target == 2
    assert progress.target == round(3 * (7 - 2) / 7)


def test_two_sessions_meet_a_three_a_week_goal_in_a_week_with_two_rest_days() -> None:
    sessions = [Session(date=day(0), kind="strength", minutes=10)] * 2
    progress = week_progress(three_a_week(), journal(sessions, flares=[day(1), day(2)]), day(6))
    assert progress.done == 2
    assert progress.met


def test_one_rest_day_keeps_a_three_a_week_goal_at_three() -> None:
    progress = week_progress(three_a_week(), journal([], flares=[day(4)]), day(4))
    assert progress.target == 3


def test_a_whole_week_of_rest_lowers_the_target_to_zero_and_counts_as_met() -> None:
    progress = week_progress(three_a_week(), journal([], flares=[day(i) for i in range(7)]), day(6))
    assert progress.rest_days == 7
    assert progress.target == 0
    assert progress.done == 0
    assert progress.met
    assert progress.fraction == 1.0


def test_rest_days_only_count_in_their_own_week() -> None:
    flares = [day(-1), day(7)]  # the Sunday before and the Monday after
    progress = week_progress(three_a_week(), journal([], flares=flares), day(3))
    assert progress.rest_days == 0
    assert progress.target == 3


def test_the_rest_day_formula_rounds_to_the_nearest_session() -> None:
    assert [rest_day_target(3, r) for r in range(8)] == [3, 3, 2, 2, 1, 1, 0, 0]
    assert rest_day_target(70, 1) == 60


def test_five_two_minute_snacks_count_toward_a_ten_minutes_goal() -> None:
    goal = Goal.create(name="Move", minutes_per_week=10, created=CREATED)
    snacks = [Session(date=day(i), kind="snack", minutes=2) for i in range(5)]
    progress = week_progress(goal, journal(snacks), day(4))
    assert progress.done == 10
    assert progress.target == 10
    assert progress.met


def test_four_snacks_are_not_yet_ten_minutes() -> None:
    goal = Goal.create(name="Move", minutes_per_week=10, created=CREATED)
    snacks = [Session(date=day(i), kind="snack", minutes=2) for i in range(4)]
    progress = week_progress(goal, journal(snacks), day(4))
    assert progress.done == 8
    assert not progress.met


def test_a_kind_filter_counts_only_those_kinds() -> None:
    goal = Goal.create(name="Walks", per_week=3, kinds=["walk"], created=CREATED)
    sessions = [
        Session(date=day(0), kind="walk", minutes=30),
        Session(date=day(1), kind="strength", minutes=10),
        Session(date=day(2), kind="walk", minutes=20),
        Session(date=day(3), kind="snack", minutes=3),
    ]
    assert week_progress(goal, journal(sessions), day(3)).done == 2


def test_several_kinds_may_count_toward_one_goal() -> None:
    goal = Goal.create(name="Body", per_week=3, kinds=["strength", "stretch"], created=CREATED)
    sessions = [
        Session(date=day(0), kind="strength", minutes=10),
        Session(date=day(0), kind="stretch", minutes=10),
        Session(date=day(1), kind="walk", minutes=20),
    ]
    assert week_progress(goal, journal(sessions), day(1)).done == 2


def test_a_routine_filter_matches_whatever_the_case_or_spacing() -> None:
    goal = Goal.create(name="Video", per_week=3, routine="Lower Body Strength", created=CREATED)
    sessions = [
        Session(date=day(0), kind="strength", minutes=10, routine="lower body strength"),
        Session(date=day(1), kind="strength", minutes=10, routine="  Lower   Body STRENGTH "),
        Session(date=day(2), kind="strength", minutes=10, routine="Mindful Cooldown"),
        Session(date=day(3), kind="strength", minutes=10),
    ]
    assert week_progress(goal, journal(sessions), day(3)).done == 2


def test_a_minutes_goal_with_a_routine_adds_up_that_routines_minutes() -> None:
    goal = Goal.create(name="Walks", minutes_per_week=60, routine="Bellhouse Park", created=CREATED)
    sessions = [
        Session(date=day(0), kind="walk", minutes=25, routine="Bellhouse Park"),
        Session(date=day(1), kind="walk", minutes=40, routine="Lion's Field"),
        Session(date=day(2), kind="walk", minutes=35, routine="bellhouse park"),
    ]
    progress = week_progress(goal, journal(sessions), day(2))
    assert progress.done == 60
    assert progress.met


def test_sessions_from_other_weeks_do_not_count() -> None:
    sessions = [
        Session(date=day(-1), kind="strength", minutes=10),
        Session(date=day(3), kind="strength", minutes=10),
        Session(date=day(7), kind="strength", minutes=10),
    ]
    assert week_progress(three_a_week(), journal(sessions), day(3)).done == 1


def test_the_goal_history_lists_weeks_oldest_first_with_this_week_last() -> None:
    sessions = [Session(date=day(-7 * w), kind="strength", minutes=10) for w in range(3)]
    history = goal_history(three_a_week(), journal(sessions), day(2), weeks=4)
    assert [w.start for w in history] == [day(-21), day(-14), day(-7), day(0)]
    assert [w.done for w in history] == [0, 1, 1, 1]
