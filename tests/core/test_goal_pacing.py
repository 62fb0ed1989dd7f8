"""Pacing: a step up is offered after a run of met weeks, applied only when she accepts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from msgspec.structs import replace

from tui.core.earlier import Earlier, NotHeld
from tui.core.goals import (
    accept_step_up,
    decline_step_up,
    goal_history,
    met_weeks_in_a_row,
    step_down,
    step_up_offer,
    week_progress,
)
from tui.core.models import Checkin, Goal, Journal, Session, Step

START = date(2025, 10, 27)  # a Monday: the goal begins with this week


def monday(week: int) -> date:
    """The Monday `week` weeks after START."""
    return START + timedelta(weeks=week)


def walks_goal(target: int = 2, ramp_to: int = 4, every: int = 3) -> Goal:
    return Goal.create(
        name="Walks", per_week=target, ramp_to=ramp_to, ramp_every=every, created=START
    )


def walks(
    weeks: list[int], per_week: int = 2, flares: tuple[date, ...] | list[date] = ()
) -> Journal:
    """A journal with `per_week` walks (Tuesday onwards) in each of the given weeks."""
    sessions = [
        Session(date=monday(w) + timedelta(days=1 + i), kind="walk", minutes=20)
        for w in weeks
        for i in range(per_week)
    ]
    return Journal(
        checkins={d: Checkin(date=d, flare=True) for d in flares},
        sessions=sorted(sessions, key=lambda s: s.date),
    )


def test_a_step_up_is_offered_after_ramp_every_met_weeks_in_a_row() -> None:
    goal = walks_goal()
    journal = walks([0, 1, 2])
    assert met_weeks_in_a_row(goal, journal, monday(3)) == 3
    assert step_up_offer(goal, journal, monday(3)) == 3


def test_no_step_up_is_offered_before_enough_met_weeks() -> None:
    assert step_up_offer(walks_goal(), walks([0, 1]), monday(2)) is None


def test_a_quieter_week_starts_the_run_of_met_weeks_again() -> None:
    journal = walks([0, 2, 3])
    assert met_weeks_in_a_row(walks_goal(), journal, monday(4)) == 2
    assert step_up_offer(walks_goal(), journal, monday(4)) is None


def test_the_current_unfinished_week_does_not_count_toward_the_run() -> None:
    assert step_up_offer(walks_goal(), walks([0, 1, 2]), monday(2) + timedelta(days=6)) is None


def test_a_whole_week_of_rest_neither_counts_nor_interrupts_the_run() -> None:
    rest_week = [monday(1) + timedelta(days=i) for i in range(7)]
    journal = walks([0, 2, 3], flares=rest_week)
    assert met_weeks_in_a_row(walks_goal(), journal, monday(4)) == 3
    assert step_up_offer(walks_goal(), journal, monday(4)) == 3


def test_an_offer_counts_only_the_met_weeks_it_needs() -> None:
    journal = walks(list(range(10)))
    assert met_weeks_in_a_row(walks_goal(), journal, monday(10)) == 10
    assert met_weeks_in_a_row(walks_goal(), journal, monday(10), enough=3) == 3
    assert step_up_offer(walks_goal(), journal, monday(10)) == 3


def test_with_only_her_recent_weeks_an_offer_that_would_look_further_back_says_so() -> None:
    """A journal of the weeks from `since` on (`Store.recent`): a week before them is never
    judged as if empty, the offer raises `NotHeld` instead (the caller reads the whole journal)."""
    rest_week = [monday(6) + timedelta(days=i) for i in range(7)]
    whole = walks([0, 1, 2, 3, 4, 5, 7, 8], flares=rest_week)
    recent = Earlier(since=monday(5))
    held = replace(whole, sessions=[s for s in whole.sessions if s.date >= monday(5)])
    assert step_up_offer(walks_goal(every=3), held, monday(9), recent) == 3  # 8, 7, (6), 5
    with pytest.raises(NotHeld) as caught:
        step_up_offer(walks_goal(every=4), held, monday(9), recent)
    assert caught.value.day == monday(4)
    assert step_up_offer(walks_goal(every=4), whole, monday(9)) == 3


def test_an_offer_is_not_applied_until_she_accepts() -> None:
    goal = walks_goal()
    journal = walks([0, 1, 2, 3])
    assert step_up_offer(goal, journal, monday(3)) == 3
    assert goal.target == 2
    assert len(goal.steps) == 1
    assert week_progress(goal, journal, monday(3)).base_target == 2


def test_accepting_a_step_up_adds_one_session_and_records_the_step() -> None:
    goal = accept_step_up(walks_goal(), walks([0, 1, 2]), monday(3))
    assert goal.target == 3
    assert goal.steps[-1] == Step(monday(3), 3, "up")
    assert step_up_offer(goal, walks([0, 1, 2]), monday(3)) is None


def test_accepting_a_step_up_on_minutes_adds_a_tenth() -> None:
    goal = Goal.create(name="Moving", minutes_per_week=60, ramp_to=120, ramp_every=3, created=START)
    journal = walks([0, 1, 2], per_week=3)  # 60 minutes a week
    assert step_up_offer(goal, journal, monday(3)) == 66
    assert accept_step_up(goal, journal, monday(3)).target == 66


def test_a_step_up_never_goes_past_ramp_to() -> None:
    goal = Goal.create(name="Moving", minutes_per_week=95, ramp_to=100, ramp_every=3, created=START)
    journal = walks([0, 1, 2], per_week=5)  # 100 minutes a week
    assert accept_step_up(goal, journal, monday(3)).target == 100


def test_no_step_up_is_offered_once_the_goal_reaches_ramp_to() -> None:
    goal = accept_step_up(walks_goal(target=3, ramp_to=4), walks([0, 1, 2], 3), monday(3))
    assert goal.target == 4
    assert step_up_offer(goal, walks([0, 1, 2, 3, 4, 5, 6], 4), monday(7)) is None


def test_accepting_without_an_offer_changes_nothing() -> None:
    goal = walks_goal()
    assert accept_step_up(goal, walks([0]), monday(1)) == goal


def test_a_goal_without_pacing_is_never_offered_a_step_up() -> None:
    goal = Goal.create(name="Walks", per_week=2, created=START)
    assert step_up_offer(goal, walks([0, 1, 2, 3, 4, 5]), monday(6)) is None


def test_declining_keeps_the_target_and_quiets_the_offer_until_another_run() -> None:
    journal = walks(list(range(9)))
    goal = decline_step_up(walks_goal(), monday(3))
    assert goal.target == 2
    assert goal.declined == monday(3)
    assert step_up_offer(goal, journal, monday(3)) is None
    assert step_up_offer(goal, journal, monday(5)) is None
    assert step_up_offer(goal, journal, monday(6)) == 3


def test_she_can_step_down_any_time_and_it_is_recorded() -> None:
    goal = step_down(walks_goal(target=3), monday(1) + timedelta(days=2))
    assert goal.target == 2
    assert goal.steps[-1] == Step(monday(1) + timedelta(days=2), 2, "down")


def test_a_minutes_goal_steps_down_by_a_tenth() -> None:
    goal = Goal.create(name="Moving", minutes_per_week=100, created=START)
    assert step_down(goal, monday(1)).target == 90


def test_stepping_down_never_goes_below_one() -> None:
    one = Goal.create(name="Walks", per_week=1, created=START)
    assert step_down(one, monday(1)).target == 1
    assert step_down(one, monday(1)).steps == one.steps
    one_minute = Goal.create(name="Moving", minutes_per_week=1, created=START)
    assert step_down(one_minute, monday(1)).target == 1


def test_past_weeks_are_judged_by_the_target_in_force_then() -> None:
    journal = walks([0, 1, 2, 3])
    goal = accept_step_up(walks_goal(), journal, monday(3))
    history = goal_history(goal, journal, monday(3), weeks=4)
    assert [w.base_target for w in history] == [2, 2, 2, 3]
    assert [w.met for w in history] == [True, True, True, False]


def test_a_step_up_restarts_the_count_of_met_weeks() -> None:
    goal = accept_step_up(walks_goal(), walks([0, 1, 2]), monday(3))
    journal = walks([0, 1, 2, 3, 4, 5], per_week=3)
    assert met_weeks_in_a_row(goal, journal, monday(5)) == 2
    assert step_up_offer(goal, journal, monday(6)) == 4


def test_weeks_before_the_goal_existed_do_not_count_toward_a_step_up() -> None:
    goal = replace(walks_goal(), steps=(Step(monday(2), 2, "created"),))
    assert step_up_offer(goal, walks([0, 1, 2]), monday(3)) is None
