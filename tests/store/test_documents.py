"""Stored documents built into domain objects without the validators (tui/store/documents.py)."""

from __future__ import annotations

from datetime import date

from msgspec.structs import fields

from tui.core.models import Checkin, Session
from tui.store.documents import checkin_of, session_of


def test_every_field_of_a_stored_session_comes_back_in_its_place() -> None:
    session = Session(
        date(2026, 11, 2),
        "walk",
        25,
        routine="Park loop",
        place="park",
        companion="Sam",
        pain_before=4,
        pain_after=3,
        note="windy",
        id="0123456789abcdef",
    )
    back = session_of({**session.to_dict(), "id": session.id})
    assert [getattr(back, f.name) for f in fields(Session)] == [
        getattr(session, f.name) for f in fields(Session)
    ]


def test_every_field_of_a_stored_checkin_comes_back_in_its_place() -> None:
    checkin = Checkin(
        date(2026, 11, 2),
        pain=4,
        mood=3,
        sleep_hours=7.25,
        sleep_quality=2,
        flare=True,
        note="slow day",
        id="fedcba9876543210",
    )
    back = checkin_of({**checkin.to_dict(), "id": checkin.id})
    assert [getattr(back, f.name) for f in fields(Checkin)] == [
        getattr(checkin, f.name) for f in fields(Checkin)
    ]


def test_a_session_stored_without_its_optional_fields_reads_as_none() -> None:
    back = session_of({"date": "2026-11-02", "kind": "walk", "minutes": 5, "id": "a1"})
    assert (back.routine, back.place, back.companion, back.note) == (None, None, None, None)
