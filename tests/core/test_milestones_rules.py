"""Routine milestones: counted, celebrated once, with her own rewards and a projected date."""

from __future__ import annotations

from datetime import date, timedelta

from tui.core.milestones import (
    is_default_milestone,
    next_default_milestone,
    next_milestone,
    pending_celebrations,
    routine_counts,
)
from tui.core.models import CustomMilestone, Journal, Session, routine_key

TODAY = date(2025, 11, 20)
STRENGTH = "Lower Body Strength"


def done(times: int, routine: str = STRENGTH, every: int = 1, last: date = TODAY) -> list[Session]:
    """`times` sessions of a routine, one every `every` days, the last on `last`."""
    return [
        Session(date=last - timedelta(days=every * i), kind="strength", minutes=10, routine=routine)
        for i in range(times - 1, -1, -1)
    ]


def journal(*groups: list[Session], milestones: list[CustomMilestone] | None = None) -> Journal:
    """A journal with these sessions, sorted by date as the store keeps them."""
    sessions = sorted((s for g in groups for s in g), key=lambda s: s.date)
    return Journal(sessions=sessions, milestones=milestones or [])


def test_default_milestones_are_10_25_50_100_150_200_and_every_50_after() -> None:
    reached = [n for n in range(1, 501) if is_default_milestone(n)]
    assert reached == [10, 25, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500]


def test_the_next_milestone_after_her_169th_time_is_the_200th() -> None:
    assert next_default_milestone(169) == 200
    assert next_default_milestone(0) == 10
    assert next_default_milestone(10) == 25
    assert next_default_milestone(200) == 250
    assert next_default_milestone(251) == 300


def test_every_routine_counts_its_sessions_whatever_the_case_or_spacing() -> None:
    sessions = done(3) + done(2, routine=" lower  body STRENGTH") + done(4, routine="Cooldown")
    counts = {routine_key(r.routine): r.count for r in routine_counts(journal(sessions), TODAY)}
    assert counts == {"lower body strength": 5, "cooldown": 4}


def test_sessions_without_a_routine_are_not_a_routine() -> None:
    walk = Session(date=TODAY, kind="walk", minutes=20)
    assert routine_counts(journal([walk]), TODAY) == []


def test_reaching_a_milestone_is_celebrated() -> None:
    found = pending_celebrations(journal(done(10)))
    assert [(c.routine, c.count) for c in found] == [(STRENGTH, 10)]
    assert "10 times" in found[0].message()


def test_a_milestone_is_celebrated_once() -> None:
    j = journal(done(10))
    assert len(pending_celebrations(j)) == 1
    assert len(pending_celebrations(j)) == 1  # still waiting until it is marked
    j.celebrated.add((routine_key(STRENGTH), 10))
    assert pending_celebrations(j) == []


def test_no_celebration_between_milestones() -> None:
    assert pending_celebrations(journal(done(9))) == []
    assert pending_celebrations(journal(done(11))) == []


def test_a_custom_milestone_is_celebrated_with_its_reward_note() -> None:
    custom = [CustomMilestone(STRENGTH, 169, "a new book")]
    found = pending_celebrations(journal(done(169), milestones=custom))
    assert [(c.count, c.reward) for c in found] == [(169, "a new book")]
    assert "a new book" in found[0].message()


def test_a_reward_note_can_ride_on_a_default_milestone() -> None:
    custom = [CustomMilestone("lower body strength", 150, "ice cream")]
    found = pending_celebrations(journal(done(150), milestones=custom))
    assert [(c.count, c.reward) for c in found] == [(150, "ice cream")]


def test_a_custom_milestone_belongs_to_its_own_routine() -> None:
    custom = [CustomMilestone("Cooldown", 12, "tea")]
    assert pending_celebrations(journal(done(12), milestones=custom)) == []
    assert next_milestone(STRENGTH, 11, custom) == (25, None)
    assert next_milestone("cooldown", 11, custom) == (12, "tea")


def test_the_next_milestone_shows_her_reward_for_it() -> None:
    custom = [CustomMilestone(STRENGTH, 200, "something bigger")]
    (row,) = routine_counts(journal(done(169), milestones=custom), TODAY)
    assert row.next_milestone == 200
    assert row.reward == "something bigger"
    assert row.to_go == 31


def test_the_next_milestone_is_projected_at_the_recent_pace() -> None:
    # One every other day for months: 28 in the last eight weeks, half a session a day.
    (row,) = routine_counts(journal(done(60, every=2)), TODAY)
    assert row.count == 60
    assert row.next_milestone == 100
    assert row.projected == TODAY + timedelta(days=80)


def test_there_is_no_projection_without_recent_sessions() -> None:
    old = done(12, last=TODAY - timedelta(days=200))
    (row,) = routine_counts(journal(old), TODAY)
    assert row.count == 12
    assert row.projected is None


def test_routines_list_the_most_recently_done_first_under_her_latest_spelling() -> None:
    sessions = done(3, routine="Cooldown", last=TODAY - timedelta(days=1)) + done(
        2, routine="lower body strength"
    )
    rows = routine_counts(journal(sessions), TODAY)
    assert [r.routine for r in rows] == ["lower body strength", "Cooldown"]
    assert rows[0].last_done == TODAY


def test_after_one_session_the_next_milestone_has_no_date() -> None:
    (row,) = routine_counts(journal(done(1)), TODAY)
    assert row.next_milestone == 10
    assert row.projected is None


def test_three_weeks_of_history_are_too_few_for_a_date() -> None:
    # Every day for 28 days: the first session 27 days ago, less than four weeks of history.
    (row,) = routine_counts(journal(done(28)), TODAY)
    assert row.projected is None


def test_four_weeks_of_history_give_a_date_at_their_own_pace() -> None:
    # One every other day, the first 28 days ago: 15 sessions in 29 days.
    (row,) = routine_counts(journal(done(15, every=2)), TODAY)
    assert row.next_milestone == 25
    assert row.projected == TODAY + timedelta(days=round(10 * 29 / 15))


def test_a_routine_is_counted_as_it_stood_on_the_day_asked_about() -> None:
    # The clinician report of an earlier period counts up to its last day.
    (row,) = routine_counts(journal(done(12)), TODAY - timedelta(days=3))
    assert row.count == 9
    assert row.last_done == TODAY - timedelta(days=3)
