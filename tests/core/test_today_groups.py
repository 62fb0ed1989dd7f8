"""The day's movement in few words: like sessions grouped, minutes said once."""

from __future__ import annotations

from datetime import date

from tui.core.models import Session
from tui.core.today import group_sessions, moved_words

DAY = date(2026, 11, 23)


def snack(minutes: int) -> Session:
    return Session(date=DAY, kind="snack", minutes=minutes)


def test_four_snacks_are_one_group_with_their_minutes_added() -> None:
    total, words = moved_words([snack(4), snack(5), snack(3), snack(5)])
    assert total == 17
    assert words == ["4 snacks"]  # the line's head already says 17 min


def test_a_single_session_never_says_its_minutes_twice() -> None:
    video = Session(DAY, "strength", 20, routine="Lower Body Strength", companion="mother-in-law")
    assert moved_words([video]) == (20, ["Lower Body Strength with mother-in-law"])


def test_several_groups_each_say_their_minutes_in_the_order_done() -> None:
    walk = Session(DAY, "walk", 25, place="Bellhouse Park")
    _, words = moved_words([snack(4), walk, snack(3)])
    assert words == ["2 snacks, 7 min", "Walk 25 min at Bellhouse Park"]


def test_a_routine_groups_by_its_name_whatever_the_case_under_her_latest_spelling() -> None:
    first = Session(DAY, "strength", 10, routine="lower body strength")
    second = Session(DAY, "strength", 12, routine="Lower Body Strength")
    (group,) = group_sessions([first, second])
    assert group.words() == "Lower Body Strength 2 times, 22 min"


def test_a_place_is_said_only_when_every_session_of_the_group_was_there() -> None:
    park = Session(DAY, "walk", 20, place="Bellhouse Park")
    field = Session(DAY, "walk", 15, place="Lion's Field")
    (group,) = group_sessions([park, field])
    assert group.words() == "2 walks, 35 min"


def test_a_control_character_stored_in_a_name_is_written_out_never_sent() -> None:
    walk = Session(DAY, "walk", 20, routine="Park\x1b]0;x\x07 loop", place="Lion\x1b[2J")
    assert moved_words([walk])[1] == ["Park\\x1b]0;x\\x07 loop at Lion\\x1b[2J"]
