"""One vocabulary: counts agree with their numbers, hours keep their quarters, scales have words."""

from __future__ import annotations

from tui.core import words


def test_one_rest_day_and_two_rest_days() -> None:
    assert words.count(1, "rest day") == "1 rest day"
    assert words.count(2, "rest day") == "2 rest days"


def test_one_time_and_169_times() -> None:
    assert words.count(1, "time") == "1 time"
    assert words.count(169, "time") == "169 times"


def test_irregular_plurals() -> None:
    assert words.count(2, "entry") == "2 entries"
    assert words.count(1, "entry") == "1 entry"


def test_progress_takes_the_unit_of_its_target() -> None:
    assert words.progress(4, 1, "sessions") == "4 of 1 session"
    assert words.progress(1, 3, "sessions") == "1 of 3 sessions"
    assert words.progress(45, 60, "minutes") == "45 of 60 min"


def test_sleep_hours_keep_their_quarters() -> None:
    assert words.hours(7.25) == "7.25 h"
    assert words.hours(7.0) == "7 h"
    assert words.hours(6.5) == "6.5 h"


def test_the_scales_have_their_words() -> None:
    assert words.mood(3) == "3 okay"
    assert words.sleep_quality(1) == "1 very poor"
    assert words.scale_hint(1, 5, words.MOOD_WORDS) == " (1 awful … 5 great)"


def test_days_since_in_plain_words() -> None:
    assert [words.days_since(n) for n in (0, 1, 5)] == ["today", "yesterday", "5 days ago"]
