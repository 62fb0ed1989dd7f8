"""A goal's pacing plan: the weekly target it foresees, week by week, beside what she chose.

A plan (`ramp_to`, `ramp_every`) starts at the goal's first target and foresees one step (one
session, or a tenth more minutes) after every `ramp_every` weeks, up to `ramp_to`. The app only
ever offers those steps: her own target may stay below the plan, by her choice.
"""

from __future__ import annotations

from datetime import date, timedelta

from msgspec import Struct
from msgspec.structs import replace

from tui.core.dates import week_start
from tui.core.goals import WeekProgress, step_size, week_progress
from tui.core.models import Goal, Journal


def has_plan(goal: Goal) -> bool:
    """Whether the goal carries a pacing plan."""
    return goal.ramp_to is not None and goal.ramp_every is not None


def planned_target(goal: Goal, week: date, first_weekday: int) -> int | None:
    """The target the plan foresees for the calendar week holding `week`.

    None for a goal without a plan and for weeks before the goal was set.
    """
    if goal.ramp_to is None or goal.ramp_every is None:
        return None
    start = week_start(week, first_weekday)
    if start < week_start(goal.created, first_weekday):
        return None
    # As for the offers: whole weeks count from the first one beginning on or after creation.
    counted = week_start(goal.created + timedelta(days=6), first_weekday)
    weeks = max(0, (start - counted).days // 7)
    level = goal.steps[0].target if goal.steps else goal.target
    for _ in range(weeks // goal.ramp_every):
        if level >= goal.ramp_to:
            break
        level = min(goal.ramp_to, level + step_size(replace(goal, target=level)))
    return level


class PacingWeek(Struct, frozen=True):
    """One week of a paced goal: what the plan foresaw, and her week as it was."""

    planned: int
    progress: WeekProgress


def pacing_weeks(goal: Goal, journal: Journal, first: date, last: date) -> list[PacingWeek]:
    """The calendar weeks from the one holding `first` to the one holding `last`, since the goal
    was set, oldest first; empty for a goal without a plan."""
    out = []
    week = max(week_start(first, journal.week_start), week_start(goal.created, journal.week_start))
    while week <= last:
        planned = planned_target(goal, week, journal.week_start)
        if planned is None:
            return []
        out.append(PacingWeek(planned, week_progress(goal, journal, week)))
        week += timedelta(weeks=1)
    return out
