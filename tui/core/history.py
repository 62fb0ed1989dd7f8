"""Her record as a history: entries by day, found by id, corrected field by field.

The one place that says which fields an entry of each type has, which may be cleared, and how an
edited entry is checked, for the command line and the history screen alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from msgspec.structs import replace

from tui.core.errors import InputError
from tui.core.ids import short_id
from tui.core.models import Checkin, Journal, Session, check_date

Entry = Checkin | Session

CHECKIN_FIELDS = Checkin.FIELDS
SESSION_FIELDS = Session.FIELDS
REQUIRED = {"session": ("kind", "minutes"), "checkin": ()}


def entry_type(entry: Entry) -> str:
    """`checkin` or `session`, as `history --json` names them."""
    return "checkin" if isinstance(entry, Checkin) else "session"


def table_of(entry: Entry) -> str:
    return "checkins" if isinstance(entry, Checkin) else "sessions"


def fields_of(entry: Entry) -> tuple[str, ...]:
    """The fields (besides `date`) an entry of this type has, by their contract names."""
    return CHECKIN_FIELDS if isinstance(entry, Checkin) else SESSION_FIELDS


def entry_doc(entry: Entry) -> dict[str, Any]:
    """The entry as stored and exported: its id, then the contract's fields."""
    return {"id": entry.id, **entry.to_dict()}


def entry_json(entry: Entry) -> dict[str, Any]:
    """One item of `history --json`: id, type, date, then the fields."""
    return {"id": entry.id, "type": entry_type(entry), **entry.to_dict()}


def by_day(
    journal: Journal, start: date | None = None, end: date | None = None
) -> list[tuple[date, list[Entry]]]:
    """Days newest first, each with its check-in first, then its sessions in the order logged."""
    days: dict[date, list[Entry]] = {}
    for day, checkin in journal.checkins.items():
        if (start is None or day >= start) and (end is None or day <= end):
            days[day] = [checkin]
    for session in journal.sessions:
        day = session.date
        if (start is None or day >= start) and (end is None or day <= end):
            days.setdefault(day, []).append(session)
    return sorted(days.items(), key=lambda item: item[0], reverse=True)


def entries(journal: Journal, start: date | None = None, end: date | None = None) -> list[Entry]:
    """Every entry newest day first (see `by_day`)."""
    return [entry for _, day in by_day(journal, start, end) for entry in day]


def find_entry(journal: Journal, ref: str) -> Entry:
    """The entry whose id is `ref` or starts with it; InputError if none or several match."""
    wanted = ref.strip().lower()
    if not wanted:
        raise InputError("id", "give the id of an entry (see gentle history)")
    every: Iterable[Entry] = [*journal.checkins.values(), *journal.sessions]
    found = [e for e in every if e.id.startswith(wanted)]
    if not found:
        raise InputError("id", f"no check-in or session has the id {ref!r} (see gentle history)")
    exact = [e for e in found if e.id == wanted]
    if len(found) > 1 and len(exact) != 1:
        raise InputError("id", f"{ref!r} is the start of {len(found)} ids; give more of it")
    return exact[0] if exact else found[0]


def _check_names(entry: Entry, names: Iterable[str], what: str) -> None:
    allowed = fields_of(entry)
    kind = "check-in" if isinstance(entry, Checkin) else "session"
    for name in names:
        if name == "date" and what == "clear":
            raise InputError("clear", "date cannot be cleared; give --date to move the entry")
        if name not in allowed and name != "date":
            field_name, subject = ("clear", f"{name} is") if what == "clear" else (name, "is")
            raise InputError(
                field_name,
                f"{subject} not a field of a {kind} (a {kind} has {', '.join(allowed)})",
            )


def edited(entry: Entry, values: Mapping[str, Any], clear: Iterable[str] = ()) -> Entry:
    """`entry` with `values` set (checked as when logging) and the `clear` fields emptied.

    Names are the contract's (`with`, `sleep_hours`); `date` moves the entry (never after today).
    The result keeps the entry's id. Raises InputError naming the field on anything that does
    not fit the entry's type, on clearing a session's kind or minutes, and on an empty result.
    """
    cleared = [name.strip().replace("-", "_").lower() for name in clear]
    _check_names(entry, values, "set")
    _check_names(entry, cleared, "clear")
    kind = entry_type(entry)
    for name in cleared:
        if name in REQUIRED[kind]:
            raise InputError("clear", f"a session's {name} can be changed, not cleared")
        if name in values:
            raise InputError("clear", f"{name} is both given and cleared; give one of them")
    day = check_date(values["date"]) if "date" in values else entry.date
    changes = {k: v for k, v in values.items() if k != "date"}
    if isinstance(entry, Checkin):
        clean = Checkin.validate_fields(changes)
        for name in cleared:
            clean[name] = False if name == "flare" else None
        result = replace(entry.merged(clean), date=day)
        if result.is_empty():
            raise InputError(
                "checkin",
                f"that would leave the check-in empty; to remove it: gentle delete "
                f"{short_id(entry.id)}",
            )
        return result
    doc = entry.to_dict()
    doc.update(changes)
    for name in cleared:
        doc[name] = None
    session = Session.create(
        date=day,
        kind=doc["kind"],
        minutes=doc["minutes"],
        routine=doc["routine"],
        place=doc["place"],
        companion=doc["with"],
        pain_before=doc["pain_before"],
        pain_after=doc["pain_after"],
        note=doc["note"],
        check_future=False,
    )
    session.id = entry.id
    return session


def describe(entry: Entry) -> str:
    """`the 20 min walk of 2026-11-23`, `the check-in of 2026-11-23`."""
    if isinstance(entry, Checkin):
        return f"the check-in of {entry.date.isoformat()}"
    routine = f" ({entry.routine})" if entry.routine else ""
    return f"the {entry.minutes} min {entry.kind}{routine} of {entry.date.isoformat()}"


def _number(value: float) -> str:
    return f"{value:g}"


def line(entry: Entry) -> str:
    """The entry's values in a few words (user text as given: escape it for where it goes)."""
    parts: list[str] = []
    if isinstance(entry, Checkin):
        if entry.pain is not None:
            parts.append(f"pain {entry.pain}")
        if entry.mood is not None:
            parts.append(f"mood {entry.mood}")
        if entry.sleep_hours is not None:
            parts.append(f"sleep {_number(entry.sleep_hours)} h")
        if entry.sleep_quality is not None:
            parts.append(f"sleep quality {entry.sleep_quality}")
        if entry.flare:
            parts.append("flare (rest) day")
    else:
        parts.append(f"{entry.minutes} min {entry.kind}")
        if entry.routine:
            parts.append(entry.routine)
        if entry.place:
            parts.append(f"at {entry.place}")
        if entry.companion:
            parts.append(f"with {entry.companion}")
        if entry.pain_before is not None or entry.pain_after is not None:
            before = "-" if entry.pain_before is None else entry.pain_before
            after = "-" if entry.pain_after is None else entry.pain_after
            parts.append(f"pain {before} before, {after} after")
    if entry.note:
        parts.append(f"note: {entry.note}")
    return ", ".join(parts)
