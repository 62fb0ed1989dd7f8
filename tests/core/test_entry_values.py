"""Check-ins and sessions are values of what they say: their id is not part of it."""

from __future__ import annotations

import gc
from collections import Counter
from datetime import date

from tui.core.models import Checkin, Session

DAY = date(2026, 11, 23)


def test_a_check_in_is_equal_to_one_that_says_the_same_whatever_its_id() -> None:
    stored = Checkin(DAY, pain=4, mood=3, id="31960bedefa0f8a1")
    imported = Checkin(DAY, pain=4, mood=3)
    assert stored == imported
    assert hash(stored) == hash(imported)
    assert stored != Checkin(DAY, pain=5, mood=3, id="31960bedefa0f8a1")
    assert stored != Session(DAY, "walk", 20)


def test_sessions_count_as_a_multiset_of_what_they_say() -> None:
    walk = Session(DAY, "walk", 20, place="park", id="a")
    counts = Counter(
        [walk, Session(DAY, "walk", 20, place="park", id="b"), Session(DAY, "snack", 2)]
    )
    assert counts[Session(DAY, "walk", 20, place="park")] == 2
    assert len({walk, Session(DAY, "walk", 25, place="park", id="a")}) == 2


def test_an_entry_given_its_id_when_stored_keeps_its_value() -> None:
    checkin = Checkin(DAY, pain=2)
    before = hash(checkin)
    checkin.id = "9bb614a98f683334"
    assert hash(checkin) == before
    assert checkin.id == "9bb614a98f683334"


def test_entries_stay_out_of_the_collector_s_passes() -> None:
    # Only dates, numbers and strings: no cycle can go through one, so twenty years of them
    # (21,000) are never scanned.
    assert not gc.is_tracked(Checkin(DAY, pain=2, note="calm"))
    assert not gc.is_tracked(Session(DAY, "walk", 20, routine="park loop"))
