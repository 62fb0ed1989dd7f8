"""The demo journal: her life as the app would see it, the same for the same seed."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from statistics import mean

import pytest

from tui.core.demo import COMPANION, COOLDOWN, PLACES, STRENGTH, generate
from tui.core.models import Checkin, CustomMilestone, Journal, Session, routine_key

END = date(2025, 11, 23)  # a Sunday


@cache
def ten_years() -> Journal:
    return generate(3650, seed=0, end=END)


def num(value: int | float | None) -> float:
    """A check-in or session value the demo always fills in."""
    assert value is not None
    return value


def moving_days(journal: Journal) -> set[date]:
    return {s.date for s in journal.sessions}


def flare_episodes(journal: Journal) -> list[date]:
    """The first day of each run of consecutive flare days."""
    flares = sorted(d for d, c in journal.checkins.items() if c.flare)
    return [
        d
        for d in flares
        if d - timedelta(days=1) not in journal.checkins
        or not journal.checkins[d - timedelta(days=1)].flare
    ]


def dump(journal: Journal) -> tuple[object, ...]:
    return (
        [c.to_dict() for c in journal.checkins.values()],
        [s.to_dict() for s in journal.sessions],
        [g.to_dict() for g in journal.goals],
        journal.milestones,
        sorted(journal.celebrated),
    )


def test_the_same_seed_gives_the_same_journal() -> None:
    assert dump(generate(365, seed=7, end=END)) == dump(generate(365, seed=7, end=END))


def test_different_seeds_give_different_journals() -> None:
    assert dump(generate(365, seed=1, end=END)) != dump(generate(365, seed=2, end=END))


def test_the_end_day_defaults_to_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENTLE_TODAY", "2024-03-10")
    journal = generate(60)
    assert dump(journal) == dump(generate(60, end=date(2024, 3, 10)))
    assert max(journal.checkins) <= date(2024, 3, 10)


def test_nothing_is_dated_after_the_end_or_before_the_first_day() -> None:
    journal = generate(120, seed=3, end=END)
    first = END - timedelta(days=119)
    dates = [*journal.checkins, *(s.date for s in journal.sessions)]
    assert max(dates) <= END
    assert min(dates) >= first
    assert all(day == c.date for day, c in journal.checkins.items())


def test_she_checks_in_on_most_days() -> None:
    journal = generate(365, seed=4, end=END)
    assert 0.8 * 365 <= len(journal.checkins) <= 0.95 * 365
    assert len(moving_days(journal)) >= 0.75 * 365


def test_ten_years_give_at_least_8000_entries_and_the_video_passes_its_200th_time() -> None:
    journal = ten_years()
    assert len(journal.checkins) + len(journal.sessions) >= 8000
    strength = [s for s in journal.sessions if s.routine == STRENGTH]
    assert len(strength) > 200
    assert 2 <= len(strength) / (3650 / 7) <= 3  # two or three times a week
    assert (routine_key(STRENGTH), 150) in journal.celebrated
    assert (routine_key(STRENGTH), 200) in journal.celebrated


def test_the_strength_video_with_her_mother_in_law_falls_mostly_on_mondays_and_thursdays() -> None:
    together = [s for s in ten_years().sessions if s.companion == COMPANION]
    assert all(s.routine == STRENGTH and s.kind == "strength" for s in together)
    on_their_days = [s for s in together if s.date.weekday() in (0, 3)]
    assert len(on_their_days) >= 0.85 * len(together)
    assert len(together) >= 1.5 * (3650 / 7)  # most Mondays and Thursdays


def test_most_strength_videos_are_followed_by_the_mindful_cooldown() -> None:
    journal = ten_years()
    cooldown_days = {s.date for s in journal.sessions if s.routine == COOLDOWN}
    strength_days = {s.date for s in journal.sessions if s.routine == STRENGTH}
    assert len(strength_days & cooldown_days) >= 0.65 * len(strength_days)
    assert cooldown_days - strength_days  # and some other days too


def test_flares_come_14_to_21_days_apart_and_last_1_to_3_days() -> None:
    journal = ten_years()
    onsets = flare_episodes(journal)
    assert len(onsets) >= 3650 // 21
    gaps = [(b - a).days for a, b in pairwise(onsets)]
    assert min(gaps) >= 14
    assert max(gaps) <= 21
    for onset in onsets:
        length = 0
        while (c := journal.checkins.get(onset + timedelta(days=length))) and c.flare:
            length += 1
        assert 1 <= length <= 3


def test_no_flare_day_has_movement_and_pain_is_high_and_mood_low() -> None:
    journal = ten_years()
    flare_days = {d for d, c in journal.checkins.items() if c.flare}
    assert flare_days
    assert not flare_days & moving_days(journal)
    assert all(7 <= num(journal.checkins[d].pain) <= 9 for d in flare_days)
    assert all(num(journal.checkins[d].mood) <= 2 for d in flare_days)


def test_the_day_after_a_flare_is_lighter() -> None:
    journal = ten_years()
    flare_days = {d for d, c in journal.checkins.items() if c.flare}
    after = {d + timedelta(days=1) for d in flare_days} - flare_days
    light = [s for s in journal.sessions if s.date in after]
    assert light
    assert all(s.kind in ("snack", "stretch") for s in light)


def test_every_value_is_within_the_model_ranges() -> None:
    journal = ten_years()
    for checkin in journal.checkins.values():
        assert Checkin.from_dict(checkin.to_dict()) == checkin
        assert None not in (checkin.pain, checkin.mood, checkin.sleep_hours, checkin.sleep_quality)
    for session in journal.sessions:
        assert Session.from_dict(session.to_dict()) == session
        if session.kind == "snack":
            assert 2 <= session.minutes <= 5
        if session.kind == "walk":
            assert 15 <= session.minutes <= 45
            assert session.place in PLACES
        if session.kind == "stretch":
            assert session.routine == COOLDOWN and 8 <= session.minutes <= 12
        if session.pain_before is not None and session.pain_after is not None:
            assert session.pain_after - session.pain_before in (-1, 0, 1)


def test_pain_after_a_session_is_usually_the_same_or_one_lower() -> None:
    logged = [s for s in ten_years().sessions if s.pain_before is not None]
    assert len(logged) >= 500
    eased = [s for s in logged if num(s.pain_after) <= num(s.pain_before)]
    assert len(eased) >= 0.9 * len(logged)
    assert mean(num(s.pain_before) - num(s.pain_after) for s in logged) > 0.3


def test_the_day_after_movement_has_lower_pain_than_the_day_after_rest() -> None:
    for days in (120, 3650):
        journal = ten_years() if days == 3650 else generate(days, seed=0, end=END)
        moved = moving_days(journal)
        after_move: list[int] = []
        after_rest: list[int] = []
        for day, c in journal.checkins.items():
            if not c.flare and c.pain is not None:
                yesterday = day - timedelta(days=1)
                (after_move if yesterday in moved else after_rest).append(c.pain)
        assert len(after_rest) >= 5 and len(after_move) >= 5
        assert mean(after_move) < mean(after_rest) - 0.3


def test_she_sleeps_better_the_night_after_moving_and_her_mood_is_higher_on_moving_days() -> None:
    journal = ten_years()
    moved = moving_days(journal)
    days = [c for c in journal.checkins.values() if not c.flare]
    after_move = [num(c.sleep_quality) for c in days if c.date - timedelta(days=1) in moved]
    after_rest = [num(c.sleep_quality) for c in days if c.date - timedelta(days=1) not in moved]
    assert mean(after_move) > mean(after_rest)
    mood_move = [num(c.mood) for c in days if c.date in moved]
    mood_rest = [num(c.mood) for c in days if c.date not in moved]
    assert mean(mood_move) > mean(mood_rest)


def test_pain_eases_slowly_over_the_years() -> None:
    journal = ten_years()
    years: dict[int, list[int]] = {}
    for c in journal.checkins.values():
        if not c.flare and c.pain is not None:
            years.setdefault((END - c.date).days // 365, []).append(c.pain)
    assert mean(years[0]) < mean(years[9]) - 0.5


def test_a_busy_december_leaves_a_quiet_fortnight_and_then_she_picks_it_back_up() -> None:
    journal = ten_years()
    december = [date(2024, 12, 1) + timedelta(days=i) for i in range(31)]
    quietest = min(sum(1 for d in december[i : i + 14] if d in journal.checkins) for i in range(18))
    assert quietest <= 7
    january = [date(2025, 1, 6) + timedelta(days=i) for i in range(14)]
    assert sum(1 for d in january if d in journal.checkins) >= 10


def test_her_goals_and_rewards_are_set_up_from_the_first_day() -> None:
    journal = generate(120, seed=0, end=END)
    first = END - timedelta(days=119)
    goals = {g.name: g for g in journal.goals}
    assert goals["Strength videos"].kinds == ("strength",)
    assert (goals["Strength videos"].target, goals["Strength videos"].ramp_to) == (2, 3)
    assert (goals["Walks"].target, goals["Walks"].ramp_every) == (2, 4)
    assert (goals["Moving minutes"].unit, goals["Moving minutes"].target) == ("minutes", 90)
    assert all(g.created == first for g in journal.goals)
    assert CustomMilestone(STRENGTH, 150, "ice cream") in journal.milestones
    assert CustomMilestone(STRENGTH, 200, "a day trip to the sea") in journal.milestones


def test_only_milestones_reached_more_than_a_day_ago_count_as_celebrated() -> None:
    left_for_the_app_to_celebrate = 0
    for days in range(20, 80):  # each length is a different stretch of her life
        journal = generate(days, seed=5, end=END)
        reached: dict[str, list[date]] = {}
        for s in journal.sessions:
            if s.routine:
                reached.setdefault(routine_key(s.routine), []).append(s.date)
        for key, dates in reached.items():
            for count in (10, 25, 50):
                if count <= len(dates):
                    old = (END - dates[count - 1]).days > 1
                    assert ((key, count) in journal.celebrated) == old
                    left_for_the_app_to_celebrate += not old
                else:
                    assert (key, count) not in journal.celebrated
    assert left_for_the_app_to_celebrate > 0


def test_fewer_than_one_day_is_refused() -> None:
    with pytest.raises(ValueError, match="days"):
        generate(0, end=END)
