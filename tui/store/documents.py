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

from collections.abc import Callable, Iterable
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
    checkins = map(checkin_of, _dated(data, "checkins", since))
    sessions = map(session_of, _dated(data, "sessions", since))
    return _journal(schema.meta_of(data), checkins, sessions, data, since)


def _journal(
    meta: dict[str, Any] | None,
    checkins: Iterable[Checkin],
    sessions: Iterable[Session],
    tables: dict[str, Any],
    since: date | None,
) -> Journal:
    """Her journal from her entries (dated `since` or later, in the file's order) and the
    documents of the file's other `tables`."""
    by_date = attrgetter("date")
    dated = {c.date: c for c in checkins}  # the last of a date wins, as it was stored last
    return Journal(
        checkins=dict(sorted(dated.items())),
        sessions=sorted(sessions, key=by_date),  # stable: a date's in the file's order
        goals=[Goal.from_dict(d) for d in tables.get("goals", {}).values()],
        milestones=[CustomMilestone.from_dict(d) for d in tables.get("milestones", {}).values()],
        celebrated={(d["routine"], d["count"]) for d in tables.get("celebrated", {}).values()},
        week_start=int((meta or schema.new_meta()).get("week_start", 0)),
        pegs=sorted(map(Peg.from_dict, _dated(tables, "peg", since)), key=by_date),
    )


def earlier_of(data: dict[str, Any], before: date) -> Earlier:
    """What her entries dated before `before` add to the whole-history figures, read straight
    from the stored documents: twenty years of them would be 21,000 objects to build."""
    cut = before.isoformat()  # ISO dates compare as their text does
    sessions = data.get("sessions", {}).values()
    checkins = data.get("checkins", {}).values()
    return _earlier(
        before,
        [(d["date"], d["routine"]) for d in sessions if d.get("routine") and d["date"] < cut],
        [d["date"] for d in checkins if d.get("flare") and d["date"] < cut],
        # Files keep their oldest entries first: this stops at the first one, as a rule.
        any(d["date"] < cut for d in chain(checkins, sessions)),
        date.fromisoformat,
    )


def _earlier(
    before: date,
    routines: list[tuple[Any, str]],
    flares: list[Any],
    has_entries: bool,
    as_date: Callable[[Any], date] = lambda day: day,
) -> Earlier:
    """`Earlier` from the routine sessions and flare days before `before`, in the file's order,
    their days as stored or as dates (`as_date` makes a date of one)."""
    routines.sort(key=itemgetter(0))  # stable: a date's sessions in the file's order, as journals
    return Earlier(
        routine_sessions=[(as_date(day), routine) for day, routine in routines],
        flare_days=[as_date(day) for day in sorted(flares)],
        since=before,
        has_entries=has_entries,
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
    checkins = list(stored.checkins.values())
    sessions = list(stored.sessions.values())
    tables = {
        "goals": stored.goals,
        "milestones": stored.milestones,
        "celebrated": stored.celebrated,
        "peg": stored.peg,
    }
    journal = _journal(
        next(iter(stored.meta.values()), None),
        (c for c in checkins if c.date >= since),
        (s for s in sessions if s.date >= since),
        tables,
        since,
    )
    earlier = _earlier(
        since,
        [(s.date, s.routine) for s in sessions if s.routine and s.date < since],
        [c.date for c in checkins if c.flare and c.date < since],
        any(c.date < since for c in checkins) or any(s.date < since for s in sessions),
    )
    return Recent(journal, earlier)
