"""`gentle status --json`: the check-in, this week's goals, flares and routines in one object."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tui.core.models import Checkin, Goal, Journal, Session
from tui.core.summary import status

TODAY = date(2025, 11, 20)  # a Thursday
MONDAY = date(2025, 11, 17)


def her_week() -> Journal:
    sessions = [
        Session(date=MONDAY, kind="strength", minutes=10, routine="Lower Body Strength"),
        Session(date=MONDAY, kind="snack", minutes=3),
        Session(date=TODAY, kind="strength", minutes=10, routine="lower body strength"),
    ]
    return Journal(
        checkins={
            MONDAY + timedelta(days=1): Checkin(date=MONDAY + timedelta(days=1), flare=True),
            TODAY: Checkin(date=TODAY, pain=4, mood=3),
        },
        sessions=sessions,
        goals=[
            Goal.create(name="Strength", per_week=3, kinds=["strength"], created=MONDAY),
            Goal.create(name="Moving", minutes_per_week=70, created=MONDAY),
        ],
    )


def test_status_has_the_keys_of_the_contract() -> None:
    result = status(her_week(), TODAY)
    assert {"date", "checkin", "goals", "days_since_flare", "routines"} <= result.keys()
    assert {"name", "done", "target", "rest_days"} <= result["goals"][0].keys()
    assert {"routine", "count", "next_milestone"} <= result["routines"][0].keys()
    json.dumps(result)  # plain JSON all the way down


def test_status_shows_todays_checkin_and_the_date() -> None:
    result = status(her_week(), TODAY)
    assert result["date"] == "2025-11-20"
    assert result["checkin"]["pain"] == 4
    assert result["checkin"]["mood"] == 3


def test_status_has_no_checkin_before_she_logs_one() -> None:
    assert status(her_week(), TODAY + timedelta(days=1))["checkin"] is None


def test_status_counts_goals_in_their_own_unit_after_rest_days() -> None:
    strength, moving = status(her_week(), TODAY)["goals"]
    assert (strength["name"], strength["done"], strength["target"]) == ("Strength", 2, 3)
    assert (moving["name"], moving["done"], moving["target"]) == ("Moving", 23, 60)
    assert strength["rest_days"] == moving["rest_days"] == 1


def test_status_gives_days_since_the_last_flare() -> None:
    assert status(her_week(), TODAY)["days_since_flare"] == 2
    assert status(Journal(), TODAY)["days_since_flare"] is None


def test_status_lists_routines_with_count_and_next_milestone() -> None:
    (routine,) = status(her_week(), TODAY)["routines"]
    assert routine["routine"] == "lower body strength"
    assert routine["count"] == 2
    assert routine["next_milestone"] == 10


def test_status_gives_no_milestone_date_from_a_few_days_of_a_routine() -> None:
    (routine,) = status(her_week(), TODAY)["routines"]
    assert routine["next_milestone"] == 10
    assert routine["projected"] is None
