"""Every field's bounds and types, refused with the field named and the allowed range said."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tui.core.errors import InputError
from tui.core.models import Checkin, Goal, Session

TODAY = date(2025, 11, 20)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENTLE_TODAY", TODAY.isoformat())


def refused(field: str, call: Any, *args: Any, **kwargs: Any) -> InputError:
    """Call and expect an `InputError` naming `field`."""
    with pytest.raises(InputError) as caught:
        call(*args, **kwargs)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    return caught.value


def move(**values: Any) -> Session:
    fields: dict[str, Any] = {"date": "2025-11-19", "kind": "walk", "minutes": 20}
    fields.update(values)
    return Session.create(**fields)


# -- check-ins ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("pain", [0, 5, 10, "7"], [-1, 11, 7.5, "seven"]),
        ("mood", [1, 3, 5], [0, 6, 2.5]),
        ("sleep_quality", [1, 5], [0, 6]),
        ("sleep_hours", [0, 7.25, 7, "6.5", 24], [-0.25, 24.25, 7.3, "long", float("nan")]),
    ],
)
def test_checkin_fields_keep_to_their_ranges(field: str, good: list[Any], bad: list[Any]) -> None:
    for value in good:
        assert Checkin.validate_fields({field: value})[field] == float(value)
    for value in bad:
        refused(field, Checkin.validate_fields, {field: value})


def test_pain_out_of_range_says_the_allowed_range() -> None:
    error = refused("pain", Checkin.validate_fields, {"pain": 11})
    assert "0 to 10" in error.message


def test_sleep_hours_say_they_go_in_quarter_hours() -> None:
    error = refused("sleep_hours", Checkin.validate_fields, {"sleep_hours": 7.1})
    assert "0.25" in error.message


@pytest.mark.parametrize("field", ["pain", "mood", "sleep_quality", "sleep_hours"])
def test_true_or_false_is_not_a_number(field: str) -> None:
    refused(field, Checkin.validate_fields, {field: True})
    refused(field, Checkin.validate_fields, {field: False})


def test_a_flare_is_yes_or_no() -> None:
    assert Checkin.validate_fields({"flare": True}) == {"flare": True}
    refused("flare", Checkin.validate_fields, {"flare": "yes"})
    refused("flare", Checkin.validate_fields, {"flare": 1})


def test_a_note_is_kept_literally_and_has_a_length_limit() -> None:
    assert Checkin.validate_fields({"note": " [b]calm[/] "}) == {"note": "[b]calm[/]"}
    refused("note", Checkin.validate_fields, {"note": "x" * 2001})
    refused("note", Checkin.validate_fields, {"note": 5})


def test_an_unknown_checkin_field_is_refused() -> None:
    refused("energy", Checkin.validate_fields, {"energy": 3})


def test_a_second_checkin_for_a_date_changes_only_the_given_fields() -> None:
    morning = Checkin(date=TODAY, pain=4, mood=3, sleep_hours=7.5, sleep_quality=4, note="ok")
    later = morning.merged(Checkin.validate_fields({"pain": "6", "flare": True}))
    assert later == Checkin(
        date=TODAY, pain=6, mood=3, sleep_hours=7.5, sleep_quality=4, flare=True, note="ok"
    )
    assert morning.pain == 4


def test_a_checkin_round_trips_through_its_stored_form() -> None:
    checkin = Checkin(date=TODAY, pain=2, sleep_hours=8.0, flare=True)
    assert Checkin.from_dict(checkin.to_dict()) == checkin


# -- movement sessions ---------------------------------------------------------------------


def test_minutes_go_from_1_to_600() -> None:
    assert move(minutes=1).minutes == 1
    assert move(minutes="600").minutes == 600
    for bad in (0, 601, -5, 2.5, True, "ten", None):
        refused("minutes", move, minutes=bad)


def test_an_unknown_kind_is_refused_with_the_kinds_listed() -> None:
    error = refused("kind", move, kind="swim")
    assert "walk, strength, stretch, snack, other" in error.message
    assert move(kind=" Walk ").kind == "walk"


def test_pain_before_and_after_a_session_go_from_0_to_10() -> None:
    assert move(pain_before=0, pain_after=10).pain_after == 10
    refused("pain_before", move, pain_before=11)
    refused("pain_after", move, pain_after=-1)
    refused("pain_after", move, pain_after=True)


def test_a_companion_is_named_with_in_errors() -> None:
    refused("with", move, companion="x" * 121)
    assert move(companion="mother-in-law").to_dict()["with"] == "mother-in-law"


def test_a_date_after_today_is_refused() -> None:
    error = refused("date", move, date="2025-11-21")
    assert "2025-11-20" in error.message
    refused("date", move, date=date(2025, 11, 21))
    assert move(date="2025-11-20").date == TODAY


@pytest.mark.parametrize(
    "bad", ["2025-13-01", "2025-02-30", "20251119", "2025-1-5", "yesterday", ""]
)
def test_a_malformed_date_is_refused(bad: str) -> None:
    error = refused("date", move, date=bad)
    assert "YYYY-MM-DD" in error.message


def test_a_date_that_is_not_text_is_refused() -> None:
    refused("date", move, date=20251119)


# -- goals ---------------------------------------------------------------------------------


def goal(**values: Any) -> Goal:
    fields: dict[str, Any] = {"name": "Walks", "created": TODAY}
    fields.update(values)
    return Goal.create(**fields)


def test_a_goal_counts_sessions_or_minutes_but_not_both() -> None:
    assert goal(per_week=3).unit == "sessions"
    assert goal(minutes_per_week=70).unit == "minutes"
    refused("per_week", goal)
    refused("per_week", goal, per_week=3, minutes_per_week=70)


def test_goal_targets_keep_to_their_ranges() -> None:
    refused("per_week", goal, per_week=0)
    refused("per_week", goal, per_week=51)
    refused("minutes_per_week", goal, minutes_per_week=0)
    refused("per_week", goal, per_week=True)


def test_pacing_needs_a_higher_ramp_to_and_a_ramp_every_together() -> None:
    refused("ramp_to", goal, per_week=3, ramp_to=3, ramp_every=2)
    refused("ramp_every", goal, per_week=3, ramp_to=5)
    refused("ramp_every", goal, per_week=3, ramp_to=5, ramp_every=0)
    assert goal(per_week=3, ramp_to=7, ramp_every=2).ramp_to == 7


def test_a_goal_needs_a_name_and_known_kinds() -> None:
    refused("name", goal, name="  ", per_week=3)
    refused("kind", goal, per_week=3, kinds=["walk", "swim"])
    assert goal(per_week=3, kinds=["Walk", "walk", "snack"]).kinds == ("walk", "snack")


def test_a_new_goal_records_its_creation_as_its_first_step() -> None:
    g = goal(per_week=3)
    assert [(s.date, s.target, s.reason) for s in g.steps] == [(TODAY, 3, "created")]
    assert g.target_on(TODAY) == 3


def test_sessions_and_checkins_are_values_that_count_in_a_multiset() -> None:
    walk = Session.from_dict({"date": "2026-11-02", "kind": "walk", "minutes": 20})
    same = Session.from_dict({"date": "2026-11-02", "kind": "walk", "minutes": 20})
    longer = Session.from_dict({"date": "2026-11-02", "kind": "walk", "minutes": 25})
    assert len({walk, same, longer}) == 2
    night = Checkin.from_dict({"date": "2026-11-02", "pain": 4, "sleep_quality": 3})
    assert night in {Checkin.from_dict({"date": "2026-11-02", "pain": 4, "sleep_quality": 3})}
