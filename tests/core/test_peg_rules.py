"""The weekly PEG-3 check: each item 0-10, the score their mean, one answer per calendar week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.dates import week_start as first_day
from tui.core.errors import InputError
from tui.core.models import Checkin, Journal
from tui.core.peg import Peg, by_week, invite_peg, peg_change, peg_for_week, with_answer

MONDAY = date(2026, 11, 16)
SUNDAY = MONDAY + timedelta(days=6)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENTLE_TODAY", "2026-11-23")


def peg(day: date, pain: int, enjoyment: int, activity: int) -> Peg:
    return Peg(day, pain, enjoyment, activity)


def test_the_score_is_the_mean_of_the_three_items() -> None:
    answer = Peg.create(date="2026-11-16", pain="5", enjoyment=4, activity=6)
    assert (answer.pain, answer.enjoyment, answer.activity) == (5, 4, 6)
    assert answer.score == 5.0
    assert peg(MONDAY, 4, 4, 5).score == pytest.approx(13 / 3)


@pytest.mark.parametrize("item", ["pain", "enjoyment", "activity"])
@pytest.mark.parametrize("value", [-1, 11, "7.5", "lots", True, None])
def test_each_item_is_a_whole_number_from_0_to_10(item: str, value: object) -> None:
    values: dict[str, object] = {"pain": 5, "enjoyment": 5, "activity": 5, item: value}
    with pytest.raises(InputError) as err:
        Peg.create(date=MONDAY, **values)
    assert err.value.field == item
    assert "from 0 to 10" in err.value.message


def test_the_ends_of_the_scale_are_accepted() -> None:
    assert Peg.create(date=MONDAY, pain=0, enjoyment=10, activity=0).total == 10


def test_a_day_after_today_is_refused() -> None:
    with pytest.raises(InputError) as err:
        Peg.create(date="2026-11-24", pain=1, enjoyment=1, activity=1)
    assert err.value.field == "date"


def test_a_second_answer_in_the_same_week_replaces_the_first() -> None:
    first = peg(MONDAY, 6, 6, 6)
    later = peg(SUNDAY, 3, 3, 3)
    next_week = peg(SUNDAY + timedelta(days=1), 5, 5, 5)
    answers = with_answer([first, next_week], later, 0)
    assert answers == [later, next_week]


def test_weeks_follow_her_week_start() -> None:
    # With weeks starting on Sunday, Sunday the 22nd begins a new week.
    answers = [peg(MONDAY, 6, 6, 6), peg(SUNDAY, 3, 3, 3)]
    assert list(by_week(answers, 0)) == [MONDAY]
    assert list(by_week(answers, 6)) == [date(2026, 11, 15), SUNDAY]


def test_of_two_stored_answers_in_one_week_the_later_counts() -> None:
    answers = [peg(SUNDAY, 3, 3, 3), peg(MONDAY, 6, 6, 6)]
    assert by_week(answers, 0)[MONDAY].pain == 3


def test_the_week_holding_a_day_finds_its_answer() -> None:
    journal = Journal(pegs=[peg(MONDAY + timedelta(days=2), 4, 5, 6)])
    assert peg_for_week(journal, SUNDAY) == journal.pegs[0]
    assert peg_for_week(journal, SUNDAY + timedelta(days=1)) is None


def test_the_dashboard_invites_every_day_of_a_week_without_an_answer() -> None:
    journal = Journal()
    assert all(invite_peg(journal, MONDAY + timedelta(days=i)) for i in range(7))


def test_the_invitation_goes_away_once_answered_and_comes_back_the_next_week() -> None:
    journal = Journal(pegs=[peg(MONDAY + timedelta(days=1), 4, 4, 4)])
    assert invite_peg(Journal(), MONDAY + timedelta(days=1))
    assert not invite_peg(journal, MONDAY + timedelta(days=1))
    assert not invite_peg(journal, SUNDAY)
    assert invite_peg(journal, SUNDAY + timedelta(days=1))


def test_a_flare_day_asks_nothing_of_her() -> None:
    journal = Journal(checkins={MONDAY: Checkin(MONDAY, flare=True)})
    assert not invite_peg(journal, MONDAY)
    assert invite_peg(journal, MONDAY + timedelta(days=1))


def test_the_change_is_counted_from_the_first_answered_week() -> None:
    weeks = by_week(
        [peg(MONDAY - timedelta(weeks=2), 6, 6, 6), peg(MONDAY, 4, 4, 4)], 0
    )  # 18 -> 12: a third lower
    assert peg_change(weeks, MONDAY - timedelta(weeks=2)) is None
    change = peg_change(weeks, MONDAY)
    assert change is not None
    assert change.points == pytest.approx(-2.0)
    assert change.share == pytest.approx(-1 / 3)
    assert change.meaningful


def test_exactly_thirty_percent_counts_as_meaningful_and_less_does_not() -> None:
    first = peg(MONDAY, 4, 3, 3)  # total 10
    weeks = by_week([first, peg(SUNDAY + timedelta(days=1), 3, 2, 2)], 0)  # total 7: -30%
    change = peg_change(weeks, SUNDAY + timedelta(days=1))
    assert change is not None and change.meaningful and change.percent == 30
    weeks = by_week([first, peg(SUNDAY + timedelta(days=1), 3, 2, 3)], 0)  # total 8: -20%
    change = peg_change(weeks, SUNDAY + timedelta(days=1))
    assert change is not None and not change.meaningful and change.percent == 20


def test_a_change_just_under_thirty_percent_is_never_shown_as_thirty() -> None:
    weeks = by_week([peg(MONDAY, 9, 9, 9), peg(SUNDAY + timedelta(days=1), 6, 7, 6)], 0)
    change = peg_change(weeks, SUNDAY + timedelta(days=1))  # 27 -> 19: 29.6%
    assert change is not None and change.percent == 29 and not change.meaningful


def test_a_first_score_of_zero_gives_no_percentage() -> None:
    weeks = by_week([peg(MONDAY, 0, 0, 0), peg(SUNDAY + timedelta(days=1), 3, 3, 3)], 0)
    change = peg_change(weeks, SUNDAY + timedelta(days=1))
    assert change is not None
    assert change.share is None and not change.meaningful and change.points == 3.0


def test_an_answer_round_trips_through_its_stored_form() -> None:
    answer = peg(MONDAY, 2, 7, 9)
    assert Peg.from_dict(answer.to_dict()) == answer
    with pytest.raises(InputError):
        Peg.from_dict({**answer.to_dict(), "activity": 12})


def test_status_carries_this_weeks_answer_or_null() -> None:
    from tui.core.summary import status

    journal = Journal(pegs=[peg(MONDAY + timedelta(days=2), 4, 5, 5)])
    assert status(journal, SUNDAY)["peg"] == {
        "week": "2026-11-16",
        "date": "2026-11-18",
        "pain": 4,
        "enjoyment": 5,
        "activity": 5,
        "score": 4.67,
    }
    assert status(journal, SUNDAY + timedelta(days=1))["peg"] is None


def test_the_demo_answers_ease_slowly_and_flare_weeks_weigh_a_little_more() -> None:
    from statistics import mean

    from tui.core.demo import generate

    journal = generate(730, 2, date(2026, 11, 23))
    answers = journal.pegs
    assert len(answers) > 80  # most of about 104 weeks
    assert mean(p.score for p in answers[:20]) > mean(p.score for p in answers[-20:]) + 0.5
    flare_days = {d for d, c in journal.checkins.items() if c.flare}

    def had_flare(p: Peg) -> bool:
        return any(p.date - timedelta(days=i) in flare_days for i in range(1, 8))

    with_flare = [p.score for p in answers if had_flare(p)]
    without = [p.score for p in answers if not had_flare(p)]
    assert 0.3 < mean(with_flare) - mean(without) < 2.0


@given(
    offsets=st.lists(st.integers(min_value=0, max_value=60), max_size=12),
    asked=st.integers(min_value=0, max_value=60),
    week_start=st.integers(min_value=0, max_value=6),
)
def test_the_answer_of_a_week_is_the_one_by_week_keeps(
    offsets: list[int], asked: int, week_start: int
) -> None:
    """`peg_for_week` looks at one week only; it must pick as `by_week` does over them all
    (the latest of the week; of one day, the last given)."""
    start = date(2024, 1, 1)
    pegs = [peg(start + timedelta(days=o), i % 11, 0, 0) for i, o in enumerate(offsets)]
    journal = Journal(pegs=pegs, week_start=week_start)
    day = start + timedelta(days=asked)
    expected = by_week(pegs, week_start).get(first_day(day, week_start))
    assert peg_for_week(journal, day) is expected
