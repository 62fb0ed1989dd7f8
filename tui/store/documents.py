"""Stored documents made into her journal's domain objects (the store's read side).

Stored documents were checked on the way in and again when the file was opened (tui/store/schema.py
checks every field's type), so they are built here without running the validators again: a
twenty-year file holds 21,000 of them and this runs on every start.

A one-shot reader of bytes known to be good (`AtomicStorage.read_unparsed`) decodes them straight
into check-ins and sessions (`decoded_recent`, msgspec: ~10 ms for twenty years, where parsing the
file into documents and building from them takes ~35) and skips the tables no journal reads (the
change history). Whatever does not decode as expected is read the usual way instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import chain
from operator import attrgetter, itemgetter
from sys import intern
from typing import Any

import msgspec
from msgspec import Struct, field

from tui.core.earlier import Earlier, Recent
from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session
from tui.core.peg import Peg
from tui.gc_pacing import paused
from tui.store import schema

# Positional arguments in the models' field order (a third quicker than keywords; the round trip
# of every field is tested). The few names repeated in thousands of sessions (kinds, routines,
# places, companions) are interned: one string each instead of one per session.


def checkin_of(doc: dict[str, Any]) -> Checkin:
    get = doc.get
    return Checkin(
        date.fromisoformat(doc["date"]),
        get("pain"),
        get("mood"),
        get("sleep_hours"),
        get("sleep_quality"),
        bool(get("flare")),
        get("note"),
        get("id") or "",
    )


def session_of(doc: dict[str, Any]) -> Session:
    get = doc.get
    routine, place, companion = get("routine"), get("place"), get("with")
    return Session(
        date.fromisoformat(doc["date"]),
        intern(doc["kind"]),
        doc["minutes"],
        routine and intern(routine),
        place and intern(place),
        companion and intern(companion),
        get("pain_before"),
        get("pain_after"),
        get("note"),
        get("id") or "",
    )


def _dated(data: dict[str, Any], table: str, since: date | None) -> Iterable[dict[str, Any]]:
    docs = data.get(table, {}).values()
    if since is None:
        return docs
    cut = since.isoformat()  # ISO dates compare as their text does
    return [d for d in docs if d["date"] >= cut]


def build_journal(data: dict[str, Any], since: date | None = None) -> Journal:
    """Her journal; with `since`, only the check-ins, sessions and PEG checks dated on or after it
    (what came before is read in brief by `earlier_of`)."""
    meta = schema.meta_of(data) or schema.new_meta()
    checkins = {c.date: c for c in map(checkin_of, _dated(data, "checkins", since))}
    sessions = sorted(map(session_of, _dated(data, "sessions", since)), key=lambda s: s.date)
    return Journal(
        checkins=dict(sorted(checkins.items())),
        sessions=sessions,
        goals=[Goal.from_dict(d) for d in data.get("goals", {}).values()],
        milestones=[CustomMilestone.from_dict(d) for d in data.get("milestones", {}).values()],
        celebrated={(d["routine"], d["count"]) for d in data.get("celebrated", {}).values()},
        week_start=int(meta.get("week_start", 0)),
        pegs=sorted(map(Peg.from_dict, _dated(data, "peg", since)), key=lambda p: p.date),
    )


def earlier_of(data: dict[str, Any], before: date) -> Earlier:
    """What her entries dated before `before` add to the whole-history figures, read straight
    from the stored documents: twenty years of them would be 21,000 objects to build."""
    cut = before.isoformat()
    sessions = data.get("sessions", {}).values()
    routines = [(d["date"], d["routine"]) for d in sessions if d.get("routine") and d["date"] < cut]
    routines.sort(key=itemgetter(0))  # stable: a date's sessions in the file's order, as journals
    checkins = data.get("checkins", {}).values()
    flares = sorted(d["date"] for d in checkins if d.get("flare") and d["date"] < cut)
    return Earlier(
        routine_sessions=[(date.fromisoformat(day), routine) for day, routine in routines],
        flare_days=list(map(date.fromisoformat, flares)),
        since=before,
        # Files keep their oldest entries first: this stops at the first one, as a rule.
        has_entries=any(d["date"] < cut for d in chain(checkins, sessions)),
    )


class _Meta(Struct):
    """The file's meta table alone (the rest of the file is skipped, not built)."""

    meta: dict[str, dict[str, Any]] = field(default_factory=dict, name=schema.META)


class _Stored(Struct):
    """The tables a journal reads, check-ins and sessions decoded as her entries."""

    meta: dict[str, dict[str, Any]] = field(default_factory=dict, name=schema.META)
    checkins: dict[str, Checkin] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    goals: dict[str, dict[str, Any]] = field(default_factory=dict)
    milestones: dict[str, dict[str, Any]] = field(default_factory=dict)
    celebrated: dict[str, dict[str, Any]] = field(default_factory=dict)
    peg: dict[str, dict[str, Any]] = field(default_factory=dict)


_META_DECODER = msgspec.json.Decoder(_Meta)
_STORED_DECODER = msgspec.json.Decoder(_Stored)


def stored_meta(raw: bytes) -> dict[str, Any] | None:
    """The meta document of the file's bytes; None if they hold none, or do not decode."""
    try:
        table = _META_DECODER.decode(raw).meta
    except (msgspec.DecodeError, RecursionError):
        return None
    return next(iter(table.values()), None)


def decoded_recent(raw: bytes, since: date) -> Recent | None:
    """What `Recent(build_journal(data, since), earlier_of(data, since))` holds for the parsed
    `raw`, decoded from the bytes; None if they do not decode as her entries (the caller then
    parses them as usual, and its checks say what is wrong)."""
    try:
        with paused():  # her entries hold no reference cycles (see tui.gc_pacing)
            stored = _STORED_DECODER.decode(raw)
            return _recent(stored, since)
    except (msgspec.DecodeError, KeyError, TypeError, ValueError, AttributeError, RecursionError):
        return None


def _recent(stored: _Stored, since: date) -> Recent:
    meta = next(iter(stored.meta.values()), None) or schema.new_meta()
    all_checkins = list(stored.checkins.values())
    all_sessions = list(stored.sessions.values())
    by_date = attrgetter("date")
    checkins = {c.date: c for c in all_checkins if c.date >= since}  # the last of a date wins
    cut = since.isoformat()
    journal = Journal(
        checkins=dict(sorted(checkins.items())),
        sessions=sorted((s for s in all_sessions if s.date >= since), key=by_date),
        goals=[Goal.from_dict(d) for d in stored.goals.values()],
        milestones=[CustomMilestone.from_dict(d) for d in stored.milestones.values()],
        celebrated={(d["routine"], d["count"]) for d in stored.celebrated.values()},
        week_start=int(meta.get("week_start", 0)),
        pegs=sorted(
            (Peg.from_dict(d) for d in stored.peg.values() if d["date"] >= cut), key=by_date
        ),
    )
    before = [s for s in all_sessions if s.routine and s.date < since]
    before.sort(key=by_date)  # stable: a date's sessions in the file's order, as journals
    earlier = Earlier(
        routine_sessions=[(s.date, s.routine) for s in before if s.routine],
        flare_days=sorted(c.date for c in all_checkins if c.flare and c.date < since),
        since=since,
        has_entries=any(c.date < since for c in all_checkins)
        or any(s.date < since for s in all_sessions),
    )
    return Recent(journal, earlier)
