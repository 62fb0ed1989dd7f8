"""The goal card's words: one vocabulary, and no change shown where there is none."""

from __future__ import annotations

from datetime import date

from tui.core.goals import WeekProgress
from tui.core.models import Goal
from tui.screens.goal_card import about_line

MONDAY = date(2026, 11, 23)


def _week(goal: Goal, target: int, rest_days: int) -> WeekProgress:
    return WeekProgress(goal, MONDAY, 0, target, goal.target, rest_days)


def test_a_rest_day_that_keeps_the_target_says_no_arrow() -> None:
    goal = Goal.create(name="Walks", per_week=2, created=MONDAY)
    line = about_line(goal, _week(goal, 2, 1)).plain
    assert "1 rest day" in line
    assert "→" not in line


def test_rest_days_that_lower_the_target_say_from_what_to_what() -> None:
    goal = Goal.create(name="Walks", per_week=3, created=MONDAY)
    assert "2 rest days: target 3 → 2" in about_line(goal, _week(goal, 2, 2)).plain


def test_pacing_is_said_in_sessions_and_weeks() -> None:
    goal = Goal.create(name="Walks", per_week=2, ramp_to=4, ramp_every=1, created=MONDAY)
    line = about_line(goal, _week(goal, 2, 0)).plain
    assert "working up to 4 sessions a week, a step after 1 week met" in line
