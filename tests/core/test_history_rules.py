"""History rules: days newest first, ids by their start, edits checked as when logging."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.errors import InputError
from tui.core.history import by_day, edited, find_entry
from tui.core.ids import check_id, new_id, short_id
from tui.core.models import Checkin, Journal, Session

MON, TUE = date(2024, 5, 27), date(2024, 5, 28)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENTLE_TODAY", "2024-06-01")


def journal() -> Journal:
    walk = Session(date=MON, kind="walk", minutes=200, id="aaaa1111bbbb2222")
    video = Session(date=TUE, kind="strength", minutes=10, routine="Chair", id="aaaa9999cccc0000")
    checkin = Checkin(date=TUE, pain=4, mood=3, id="dddd0000eeee1111")
    return Journal(checkins={TUE: checkin}, sessions=[walk, video])


def test_ids_are_random_and_shown_by_their_first_eight_characters() -> None:
    first, second = new_id(), new_id()
    assert first != second and len(first) == 16
    assert short_id(first) == first[:8]
    assert check_id(first.upper()) == first
    with pytest.raises(InputError, match="id"):
        check_id("not an id!")


def test_days_come_newest_first_each_with_its_check_in_before_its_sessions() -> None:
    days = by_day(journal())
    assert [day for day, _ in days] == [TUE, MON]
    assert [type(e).__name__ for e in days[0][1]] == ["Checkin", "Session"]
    assert by_day(journal(), start=TUE) == days[:1]
    assert by_day(journal(), end=MON) == days[1:]


def test_an_entry_is_found_by_an_unambiguous_start_of_its_id() -> None:
    assert find_entry(journal(), "dddd").id == "dddd0000eeee1111"
    assert find_entry(journal(), "AAAA1111").minutes == 200  # type: ignore[union-attr]
    with pytest.raises(InputError, match="start of 2 ids"):
        find_entry(journal(), "aaaa")
    with pytest.raises(InputError, match="no check-in or session has the id"):
        find_entry(journal(), "ffff")


def test_an_edited_session_keeps_its_id_and_is_checked_as_when_logging() -> None:
    walk = journal().sessions[0]
    fixed = edited(walk, {"minutes": "20", "with": "Sam"})
    assert (fixed.id, fixed.minutes, fixed.companion) == (walk.id, 20, "Sam")  # type: ignore[union-attr]
    with pytest.raises(InputError, match="minutes"):
        edited(walk, {"minutes": "601"})
    with pytest.raises(InputError, match="date"):
        edited(walk, {"date": "2024-06-02"})  # after today


def test_a_field_that_does_not_fit_the_entry_or_a_required_clear_is_refused() -> None:
    walk, checkin = journal().sessions[0], journal().checkins[TUE]
    with pytest.raises(InputError) as refused:
        edited(walk, {"pain": "3"})
    assert refused.value.field == "pain" and "not a field of a session" in refused.value.message
    with pytest.raises(InputError, match="not a field of a check-in"):
        edited(checkin, {"minutes": "3"})
    with pytest.raises(InputError, match="changed, not cleared"):
        edited(walk, {}, clear=["minutes"])
    with pytest.raises(InputError, match="empty"):
        edited(checkin, {}, clear=["pain", "mood"])


def test_clearing_empties_a_field_and_flare_clears_to_no_flare() -> None:
    checkin = Checkin(date=TUE, pain=4, flare=True, note="x", id="dddd0000eeee1111")
    cleared = edited(checkin, {}, clear=["flare", "note"])
    assert (cleared.pain, cleared.flare, cleared.note) == (4, False, None)  # type: ignore[union-attr]
    moved = edited(checkin, {"date": "2024-05-30"})
    assert moved.date == date(2024, 5, 30) and moved.id == checkin.id
