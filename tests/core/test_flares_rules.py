"""Flare figures, shown neutrally: days since the last, how many lately, the usual gap."""

from __future__ import annotations

from datetime import date, timedelta

from tui.core.flares import episodes, flare_summary
from tui.core.models import Checkin, Journal

TODAY = date(2025, 11, 20)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def flares(*days: date, calm: tuple[date, ...] = ()) -> Journal:
    """Flare check-ins on `days`, ordinary check-ins on `calm`, in the order given."""
    checkins = {d: Checkin(date=d, pain=3) for d in calm}
    checkins.update({d: Checkin(date=d, pain=8, flare=True) for d in days})
    return Journal(checkins=checkins)


def test_days_since_the_last_flare_day() -> None:
    summary = flare_summary(flares(ago(20), ago(5), calm=(ago(1), TODAY)), TODAY)
    assert summary.days_since == 5
    assert summary.last_flare == ago(5)


def test_days_since_the_last_flare_is_zero_on_a_flare_day() -> None:
    assert flare_summary(flares(ago(3), TODAY), TODAY).days_since == 0


def test_days_since_the_last_flare_is_none_before_any_flare() -> None:
    summary = flare_summary(flares(calm=(ago(1), TODAY)), TODAY)
    assert summary.days_since is None
    assert summary.last_4_weeks == 0
    assert summary.episodes == 0
    assert summary.typical_gap is None


def test_days_since_the_last_flare_counts_from_the_latest_whatever_order_they_were_logged() -> None:
    journal = flares(ago(4), ago(30))  # a forgotten old flare logged after a recent one
    summary = flare_summary(journal, TODAY)
    assert summary.days_since == 4
    assert summary.last_flare == ago(4)


def test_flares_after_the_day_asked_about_are_not_counted() -> None:
    summary = flare_summary(flares(ago(10), TODAY), ago(1))
    assert summary.days_since == 9
    assert summary.last_4_weeks == 1


def test_flare_days_in_the_last_four_weeks_include_today() -> None:
    journal = flares(TODAY, ago(1), ago(27), ago(28), ago(60))
    assert flare_summary(journal, TODAY).last_4_weeks == 3


def test_consecutive_flare_days_are_one_episode() -> None:
    assert episodes([ago(12), ago(11), ago(10)]) == [(ago(12), ago(10))]


def test_one_ordinary_day_inside_a_flare_keeps_it_one_episode() -> None:
    assert episodes([ago(12), ago(10)]) == [(ago(12), ago(10))]


def test_two_ordinary_days_between_flare_days_make_two_episodes() -> None:
    assert episodes([ago(12), ago(9)]) == [(ago(12), ago(12)), (ago(9), ago(9))]


def test_the_typical_gap_is_the_median_between_the_starts_of_episodes() -> None:
    # Episodes starting 56, 42, 21 and 7 days ago: gaps of 14, 21 and 14 days.
    journal = flares(ago(56), ago(55), ago(42), ago(21), ago(20), ago(19), ago(7))
    summary = flare_summary(journal, TODAY)
    assert summary.episodes == 4
    assert summary.typical_gap == 14.0
    assert summary.typical_length == 1.5


def test_one_episode_has_no_typical_gap_yet() -> None:
    summary = flare_summary(flares(ago(3), ago(2)), TODAY)
    assert summary.episodes == 1
    assert summary.typical_gap is None
    assert summary.typical_length == 2.0
