"""Figures the clinician report needs, defined in core: flares in a period, milestones reached
in a period, and the weekly targets a pacing plan foresees."""

from __future__ import annotations

from datetime import date, timedelta

from tui.core.flares import flares_between
from tui.core.goals import accept_step_up
from tui.core.milestones import milestones_between
from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session
from tui.core.pacing import has_plan, pacing_weeks, planned_target

MONDAY = date(2026, 9, 7)


def _flares(*days: date) -> Journal:
    return Journal(checkins={d: Checkin(d, flare=True) for d in days})


def test_flares_in_a_period_are_grouped_into_episodes_with_lengths_and_gaps() -> None:
    d = date(2026, 10, 1)
    journal = _flares(
        d - timedelta(days=3),  # before the period
        d,
        d + timedelta(days=1),
        d + timedelta(days=15),
        d + timedelta(days=17),  # one ordinary day inside: the same episode
        d + timedelta(days=40),  # after the period
    )
    period = flares_between(journal, d, d + timedelta(days=30))
    assert len(period.days) == 4
    assert period.episodes == [
        (d, d + timedelta(days=1)),
        (d + timedelta(days=15), d + timedelta(days=17)),
    ]
    assert period.lengths == [2, 3]
    assert period.gaps == [15]


def test_no_flares_give_no_episodes() -> None:
    period = flares_between(Journal(), MONDAY, MONDAY + timedelta(days=30))
    assert period.days == [] and period.lengths == [] and period.gaps == []


def test_milestones_reached_in_a_period_count_every_earlier_session() -> None:
    sessions = [
        Session(MONDAY + timedelta(days=i), "strength", 10, routine="Lower Body Strength")
        for i in range(30)
    ]
    sessions.append(Session(MONDAY, "walk", 20))  # no routine: not counted
    journal = Journal(
        sessions=sessions, milestones=[CustomMilestone("lower body strength", 20, "a new mat")]
    )
    reached = milestones_between(journal, MONDAY + timedelta(days=12), MONDAY + timedelta(days=29))
    assert [(r.count, r.reward) for r in reached] == [(20, "a new mat"), (25, None)]
    assert reached[1].date == MONDAY + timedelta(days=24)


def _strength(per_week: int = 2, ramp_to: int | None = 4, every: int | None = 3) -> Goal:
    return Goal.create(
        name="Strength",
        per_week=per_week,
        kinds=("strength",),
        ramp_to=ramp_to,
        ramp_every=every,
        created=MONDAY + timedelta(days=2),
    )


def test_the_plan_foresees_one_step_after_every_ramp_every_weeks_up_to_ramp_to() -> None:
    goal = _strength()
    planned = [planned_target(goal, MONDAY + timedelta(weeks=w), 0) for w in range(-1, 12)]
    assert planned == [None, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4]  # set on a Wednesday


def test_a_minutes_plan_steps_up_a_tenth_at_a_time() -> None:
    goal = Goal.create(
        name="Minutes", minutes_per_week=60, ramp_to=80, ramp_every=2, created=MONDAY
    )
    planned = [planned_target(goal, MONDAY + timedelta(weeks=w), 0) for w in range(0, 9, 2)]
    assert planned == [60, 66, 73, 80, 80]


def test_a_goal_without_a_plan_foresees_nothing() -> None:
    goal = _strength(ramp_to=None, every=None)
    assert not has_plan(goal)
    assert planned_target(goal, MONDAY, 0) is None
    assert pacing_weeks(goal, Journal(goals=[goal]), MONDAY, MONDAY + timedelta(weeks=4)) == []


def test_pacing_weeks_set_the_plan_beside_her_own_target_and_what_she_did() -> None:
    goal = _strength()
    sessions = [
        Session(MONDAY + timedelta(weeks=w, days=d), "strength", 10)
        for w in range(5)
        for d in (0, 3)
    ]
    journal = Journal(sessions=sessions, goals=[goal])
    # After three whole met weeks she accepts one step up, in week five.
    stepped = accept_step_up(goal, journal, MONDAY + timedelta(weeks=4))
    assert stepped.target == 3
    journal.goals = [stepped]
    weeks = pacing_weeks(
        stepped, journal, MONDAY - timedelta(weeks=2), MONDAY + timedelta(weeks=4, days=6)
    )
    assert weeks[0].progress.start == MONDAY  # from the week the goal was set
    assert [w.planned for w in weeks] == [2, 2, 2, 2, 3]
    assert [w.progress.base_target for w in weeks] == [2, 2, 2, 2, 3]
    assert [w.progress.done for w in weeks] == [2, 2, 2, 2, 2]
