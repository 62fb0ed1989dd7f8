"""Rules the forms and the command line share: milestones, sleep hours, repeats, goal edits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.errors import InputError
from tui.core.fields import hours_from_text as hours
from tui.core.goals import edited
from tui.core.milestones import milestone_reached
from tui.core.models import CustomMilestone, Goal, Journal, Session, Step, check_sleep_hours
from tui.core.recent import distinct_names, recent_sessions

TODAY = date(2026, 11, 23)
VIDEO = "Lower Body Strength"


def never(routine: str, count: int) -> bool:
    return False


def test_the_tenth_session_of_a_routine_reaches_a_milestone_with_her_reward() -> None:
    custom = [CustomMilestone(VIDEO, 10, "a day trip to the sea")]
    reached = milestone_reached(VIDEO, 10, custom, never)
    assert reached is not None
    assert reached.title == f"10 times: {VIDEO}!"
    assert reached.message() == (
        f"10 times: {VIDEO}! Every one of them counts. Reward: a day trip to the sea."
    )


def test_a_count_that_is_no_milestone_reaches_nothing() -> None:
    assert milestone_reached(VIDEO, 11, [], never) is None


def test_her_own_milestone_counts_for_her_routine_whatever_its_spelling() -> None:
    reached = milestone_reached("lower body  STRENGTH", 169, [CustomMilestone(VIDEO, 169)], never)
    assert reached is not None and reached.reward is None
    assert reached.body == "Every one of them counts."


def test_a_milestone_already_celebrated_is_not_celebrated_again() -> None:
    assert milestone_reached(VIDEO, 150, [], lambda routine, count: count == 150) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("7.5", 7.5), ("7,5", 7.5), ("7:30", 7.5), ("7:15", 7.25), (" 8 ", 8.0), ("0:45", 0.75)],
)
def test_sleep_hours_read_a_point_a_comma_or_minutes(typed: str, expected: float) -> None:
    assert hours(typed) == expected
    assert check_sleep_hours(typed) == expected


@pytest.mark.parametrize("typed", ["7:3", "7:60", "seven", "nan", "1e1", "-1", "7:30:00", "٧"])
def test_sleep_hours_refuse_what_is_not_hours(typed: str) -> None:
    assert hours(typed) is None
    with pytest.raises(InputError) as refused:
        check_sleep_hours(typed)
    assert refused.value.field == "sleep_hours" and "0 to 24" in refused.value.message


def test_sleep_hours_in_minutes_still_go_in_quarter_hours() -> None:
    with pytest.raises(InputError) as refused:
        check_sleep_hours("7:20")
    assert refused.value.message.endswith("got 7:20")


def session(days_ago: int, routine: str | None, companion: str | None = None) -> Session:
    return Session(
        date=TODAY - timedelta(days=days_ago),
        kind="strength" if routine else "walk",
        minutes=10,
        routine=routine,
        companion=companion,
    )


def test_recent_sessions_list_each_distinct_session_once_most_recent_first() -> None:
    journal = Journal(
        sessions=[
            session(5, VIDEO, "Ann"),
            session(4, None),
            session(3, "lower body strength", "ann"),  # the same as five days ago
            session(2, VIDEO),  # alone this time: a different session
            session(1, None),
        ]
    )
    recent = recent_sessions(journal)
    assert [(s.routine, s.companion, s.date) for s in recent] == [
        (None, None, TODAY - timedelta(days=1)),
        (VIDEO, None, TODAY - timedelta(days=2)),
        ("lower body strength", "ann", TODAY - timedelta(days=3)),
    ]
    assert len(recent_sessions(journal, limit=2)) == 2


def test_names_she_typed_are_offered_once_as_she_last_spelled_them() -> None:
    assert distinct_names(["Park loop", None, "Lion's Field", "park LOOP", ""]) == [
        "park LOOP",
        "Lion's Field",
    ]


def test_editing_a_goal_records_a_changed_target_and_keeps_its_history() -> None:
    first = Step(TODAY - timedelta(days=30), 2, "created")
    old = Goal("Walks", "sessions", 2, steps=(first,), declined=TODAY - timedelta(days=3))
    new = edited(old, Goal("Walks", "sessions", 3), TODAY)
    assert new.target == 3
    assert new.steps == (first, Step(TODAY, 3, "edited"))
    assert new.declined == old.declined


def test_renaming_a_goal_adds_no_step() -> None:
    old = Goal("Walks", "sessions", 2, steps=(Step(TODAY, 2, "created"),))
    assert edited(old, Goal("Park walks", "sessions", 2), TODAY).steps == old.steps
