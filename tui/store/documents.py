"""Stored documents made into her journal's domain objects (the store's read side).

Stored documents were checked on the way in and again when the file was opened (tui/store/schema.py
checks every field's type), so they are built here without running the validators again: a
twenty-year file holds 21,000 of them and this runs on every start.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session
from tui.core.peg import Peg
from tui.store import schema


def checkin_of(doc: dict[str, Any]) -> Checkin:
    # Stored documents were validated on the way in; build them without re-validating (speed).
    return Checkin(
        date=date.fromisoformat(doc["date"]),
        pain=doc.get("pain"),
        mood=doc.get("mood"),
        sleep_hours=doc.get("sleep_hours"),
        sleep_quality=doc.get("sleep_quality"),
        flare=bool(doc.get("flare")),
        note=doc.get("note"),
        id=doc.get("id") or "",
    )


def session_of(doc: dict[str, Any]) -> Session:
    return Session(
        date=date.fromisoformat(doc["date"]),
        kind=doc["kind"],
        minutes=doc["minutes"],
        routine=doc.get("routine"),
        place=doc.get("place"),
        companion=doc.get("with"),
        pain_before=doc.get("pain_before"),
        pain_after=doc.get("pain_after"),
        note=doc.get("note"),
        id=doc.get("id") or "",
    )


def build_journal(data: dict[str, Any]) -> Journal:
    meta = schema.meta_of(data) or schema.new_meta()
    checkins = {c.date: c for c in map(checkin_of, data.get("checkins", {}).values())}
    sessions = sorted(map(session_of, data.get("sessions", {}).values()), key=lambda s: s.date)
    return Journal(
        checkins=dict(sorted(checkins.items())),
        sessions=sessions,
        goals=[Goal.from_dict(d) for d in data.get("goals", {}).values()],
        milestones=[CustomMilestone.from_dict(d) for d in data.get("milestones", {}).values()],
        celebrated={(d["routine"], d["count"]) for d in data.get("celebrated", {}).values()},
        week_start=int(meta.get("week_start", 0)),
        pegs=sorted(map(Peg.from_dict, data.get("peg", {}).values()), key=lambda p: p.date),
    )
