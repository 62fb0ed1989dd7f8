"""`gentle log checkin` and `gentle log move`: what she logs is what is stored."""

from __future__ import annotations

import re
from typing import Any

from gentle_cli import TODAY, Gentle

from tui.core.models import Session
from tui.store import Store


def fields(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored entry's fields; every entry has its random id (tested in test_cli_history)."""
    assert re.fullmatch(r"[0-9a-f]{16}", doc["id"]), doc
    return {k: v for k, v in doc.items() if k != "id"}


def checkins(gentle: Gentle) -> dict[str, dict[str, Any]]:
    return {doc["date"]: fields(doc) for doc in gentle.data()["checkins"].values()}


def sessions(gentle: Gentle) -> list[dict[str, Any]]:
    return [fields(doc) for doc in gentle.data()["sessions"].values()]


def test_a_check_in_with_every_field_is_stored_as_given(gentle: Gentle) -> None:
    out = gentle.ok(
        "log", "checkin", "--pain", "4", "--mood", "3", "--sleep-hours", "7.25",
        "--sleep-quality", "2", "--flare", "--note", "slept badly [b]not bold[/b]",
    )  # fmt: skip
    assert TODAY in out
    assert checkins(gentle) == {
        TODAY: {
            "date": TODAY,
            "pain": 4,
            "mood": 3,
            "sleep_hours": 7.25,
            "sleep_quality": 2,
            "flare": True,
            "note": "slept badly [b]not bold[/b]",
        }
    }


def test_a_second_check_in_of_the_same_date_updates_only_the_given_fields(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "6", "--mood", "2", "--note", "morning")
    gentle.ok("log", "checkin", "--mood", "4", "--sleep-hours", "8")
    assert checkins(gentle)[TODAY] == {
        "date": TODAY,
        "pain": 6,
        "mood": 4,
        "sleep_hours": 8.0,
        "sleep_quality": None,
        "flare": False,
        "note": "morning",
    }


def test_flare_marks_a_rest_day_and_no_flare_takes_it_back(gentle: Gentle) -> None:
    out = gentle.ok("log", "checkin", "--pain", "8", "--flare")
    assert "rest" in out.lower()
    assert checkins(gentle)[TODAY]["flare"] is True
    assert gentle.status()["days_since_flare"] == 0
    gentle.ok("log", "checkin", "--no-flare")
    assert checkins(gentle)[TODAY]["flare"] is False
    assert checkins(gentle)[TODAY]["pain"] == 8
    assert gentle.status()["days_since_flare"] is None


def test_no_flare_alone_on_a_new_day_is_not_called_a_flare_day(gentle: Gentle) -> None:
    out = gentle.ok("log", "checkin", "--no-flare")
    assert re.search(r"(?<!not a )flare day", out) is None, out
    assert "rest day" not in out
    assert checkins(gentle)[TODAY]["flare"] is False


def test_a_back_filled_check_in_lands_on_its_date_not_today(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--date", "2026-11-20", "--pain", "5", "--flare")
    gentle.ok("log", "checkin", "--pain", "2")
    stored = checkins(gentle)
    assert stored["2026-11-20"]["pain"] == 5
    assert stored["2026-11-20"]["flare"] is True
    assert stored[TODAY]["pain"] == 2
    assert stored[TODAY]["flare"] is False
    assert gentle.status()["days_since_flare"] == 3


def test_a_session_with_every_option_is_stored_as_given(gentle: Gentle) -> None:
    out = gentle.ok(
        "log", "move", "strength", "25", "--date", "2026-11-21",
        "--routine", "Lower Body Strength", "--place", "living room", "--with", "Sam",
        "--pain-before", "5", "--pain-after", "3", "--note", "knees ok",
    )  # fmt: skip
    assert "25 min strength on 2026-11-21" in out
    assert "Lower Body Strength, the 1st time" in out
    assert sessions(gentle) == [
        {
            "date": "2026-11-21",
            "kind": "strength",
            "minutes": 25,
            "routine": "Lower Body Strength",
            "place": "living room",
            "with": "Sam",
            "pain_before": 5,
            "pain_after": 3,
            "note": "knees ok",
        }
    ]


def test_a_bare_session_is_today_with_nothing_else_filled_in(gentle: Gentle) -> None:
    gentle.ok("log", "move", "snack", "2")
    (only,) = sessions(gentle)
    assert only["date"] == TODAY
    assert (only["kind"], only["minutes"]) == ("snack", 2)
    assert only["routine"] is only["with"] is only["pain_after"] is None


def test_many_sessions_a_day_are_all_kept(gentle: Gentle) -> None:
    gentle.ok("log", "move", "walk", "600")
    gentle.ok("log", "move", "walk", "1")
    assert sorted(s["minutes"] for s in sessions(gentle)) == [1, 600]


def test_the_tenth_time_of_a_routine_is_celebrated_once(gentle: Gentle) -> None:
    eight = Session.create(
        date="2026-11-01", kind="strength", minutes=20, routine="Lower Body Strength",
        check_future=False,
    )  # fmt: skip
    Store.open(gentle.db).add_sessions([eight] * 8)

    ninth = gentle.ok("log", "move", "strength", "20", "--routine", "Lower Body Strength")
    tenth = gentle.ok("log", "move", "strength", "20", "--routine", "lower body  STRENGTH")
    eleventh = gentle.ok("log", "move", "strength", "20", "--routine", "Lower Body Strength")

    assert "the 9th time" in ninth and len(ninth.splitlines()) == 1
    assert "the 10th time" in tenth
    assert len(tenth.splitlines()) == 2
    assert tenth.count("10 times") == 1
    assert "the 11th time" in eleventh and len(eleventh.splitlines()) == 1
    routine = gentle.status()["routines"][0]
    assert (routine["count"], routine["next_milestone"]) == (11, 25)


def test_a_routine_count_shows_in_status_with_its_next_milestone(gentle: Gentle) -> None:
    gentle.ok("log", "move", "walk", "30", "--routine", "Park loop")
    (routine,) = gentle.status()["routines"]
    assert (routine["routine"], routine["count"], routine["next_milestone"]) == ("Park loop", 1, 10)


def test_sleep_hours_take_minutes_or_a_comma_as_the_form_does(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--sleep-hours", "7:30")
    assert checkins(gentle)[TODAY]["sleep_hours"] == 7.5
    gentle.ok("log", "checkin", "--sleep-hours", "6,75")
    assert checkins(gentle)[TODAY]["sleep_hours"] == 6.75
