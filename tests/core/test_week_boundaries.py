"""Calendar weeks: Monday first, unless she chose another first day."""

from __future__ import annotations

from datetime import date

from tui.core.dates import parse_weekday, week_start
from tui.core.goals import week_progress
from tui.core.models import Goal, Journal, Session

MONDAY = date(2025, 11, 17)
SUNDAY = date(2025, 11, 23)
NEXT_MONDAY = date(2025, 11, 24)


def walks_goal() -> Goal:
    return Goal.create(name="Walks", per_week=3, created=date(2025, 1, 6))


def walk(day: date) -> Session:
    return Session(date=day, kind="walk", minutes=20)


def test_a_sunday_counts_in_the_week_that_began_the_monday_before() -> None:
    assert week_start(SUNDAY) == MONDAY
    journal = Journal(sessions=[walk(SUNDAY)], goals=[walks_goal()])
    progress = week_progress(walks_goal(), journal, SUNDAY)
    assert progress.start == MONDAY
    assert progress.done == 1
    assert week_progress(walks_goal(), journal, MONDAY).done == 1


def test_a_monday_session_starts_a_new_week() -> None:
    assert week_start(NEXT_MONDAY) == NEXT_MONDAY
    journal = Journal(sessions=[walk(SUNDAY), walk(NEXT_MONDAY)])
    this_week = week_progress(walks_goal(), journal, NEXT_MONDAY)
    assert this_week.start == NEXT_MONDAY
    assert this_week.done == 1
    assert week_progress(walks_goal(), journal, SUNDAY).done == 1


def test_a_sunday_week_start_moves_the_boundary() -> None:
    sunday_first = 6
    assert week_start(SUNDAY, sunday_first) == SUNDAY
    assert week_start(date(2025, 11, 22), sunday_first) == date(2025, 11, 16)
    journal = Journal(sessions=[walk(date(2025, 11, 22)), walk(SUNDAY)], week_start=sunday_first)
    progress = week_progress(walks_goal(), journal, SUNDAY)
    assert progress.start == SUNDAY
    assert progress.done == 1


def test_the_first_weekday_can_be_named_in_words() -> None:
    assert parse_weekday("Sunday") == 6
    assert parse_weekday("mon") == 0
