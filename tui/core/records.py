"""Stored and imported documents, checked with the same rules as typed input.

A goal whose `ramp_to` is "lots" or a check-in whose pain is "x" would break every screen that
reads it, so nothing is built from a document these checks have not passed. Check-ins and
sessions are many (11,000 in ten years) and checked on every open: their values are gathered per
field first, and each distinct value is checked once (pain has eleven of them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from itertools import repeat
from typing import Any

from msgspec import Struct

from tui.core.dates import ISO_DATE, parse_date, today
from tui.core.errors import InputError
from tui.core.models import (
    KINDS,
    MINUTES,
    MINUTES_PER_WEEK,
    MOOD,
    NAME_MAX,
    PAIN,
    PER_WEEK,
    RAMP_EVERY,
    SLEEP_QUALITY,
    UNITS,
    IntRange,
    check_kind,
    check_name,
    check_sleep_hours,
    check_text,
)

#: A goal's dates (its steps, a declined offer) may run a little ahead of this machine's clock
#: (time zones, a journey), never far.
DATE_SLACK = timedelta(days=2)
STEP_REASONS = ("created", "up", "down", "edited")
#: Her own milestones and the ones already celebrated: a count of sessions of one routine.
MILESTONE_COUNT = IntRange(1, 100_000)


class DamagedEntry(ValueError):
    """One stored or imported entry breaks a rule: `where` names it (`checkins #12`)."""

    def __init__(self, where: str, error: InputError) -> None:
        super().__init__(f"{where}: {error.field}: {error.message}")
        self.where = where
        self.error = error


# -- single values ------------------------------------------------------------------------------


def stored_date(value: Any, field_name: str, *, latest: date | None = None) -> date:
    """A `YYYY-MM-DD` string (not a date object: this reads JSON), at most `latest`."""
    if not isinstance(value, str):
        raise InputError(field_name, f"must be a date as YYYY-MM-DD, got {value!r}")
    day = parse_date(value, field_name, allow_future=True)
    if latest is not None and day > latest:
        raise InputError(field_name, f"must not be after {latest.isoformat()}, got {value}")
    return day


def target_range(unit: str) -> IntRange:
    """The weekly target's range for a goal counting `unit`."""
    return PER_WEEK if unit == "sessions" else MINUTES_PER_WEEK


def _optional_int(value: Any, rule: IntRange, field_name: str) -> int | None:
    return None if value is None else rule.check(field_name, value)


def _list(value: Any, field_name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise InputError(field_name, f"must be a list, got {value!r}")
    return list(value)


def _mapping(value: Any, field_name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError(field_name, f"must be an object, got {type(value).__name__}")
    return value


# -- goals, milestones, celebrations -------------------------------------------------------------


def step_values(data: Any, rule: IntRange = MINUTES_PER_WEEK) -> dict[str, Any]:
    """A goal's step (a change of target), checked: the keyword arguments of `Step`."""
    data = _mapping(data, "steps")
    reason = data.get("reason")
    if reason not in STEP_REASONS:
        allowed = ", ".join(STEP_REASONS)
        raise InputError("steps", f"reason must be one of {allowed}, got {reason!r}")
    return {
        "date": stored_date(data.get("date"), "steps", latest=today() + DATE_SLACK),
        "target": rule.check("steps", data.get("target")),
        "reason": reason,
    }


def goal_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """A stored or imported goal, every field checked: the keyword arguments of `Goal`."""
    from tui.core.models import Step

    unit = data.get("unit")
    if unit not in UNITS:
        raise InputError("unit", f"must be sessions or minutes, got {unit!r}")
    rule = target_range(unit)
    ramp_to = _optional_int(data.get("ramp_to"), rule, "ramp_to")
    ramp_every = _optional_int(data.get("ramp_every"), RAMP_EVERY, "ramp_every")
    if (ramp_to is None) != (ramp_every is None):
        raise InputError("ramp_every", "give ramp_to and ramp_every together")
    declined = data.get("declined")
    kinds = data.get("kinds")
    return {
        "name": check_name(data.get("name"), "name", stored=True),
        "unit": unit,
        "target": rule.check("target", data.get("target")),
        "kinds": tuple(dict.fromkeys(check_kind(k, "kinds") for k in _list(kinds, "kinds"))),
        "routine": check_text(data.get("routine"), "routine", NAME_MAX, stored=True),
        "ramp_to": ramp_to,
        "ramp_every": ramp_every,
        "steps": tuple(Step(**step_values(s, rule)) for s in _list(data.get("steps"), "steps")),
        "declined": None
        if declined is None
        else stored_date(declined, "declined", latest=today() + DATE_SLACK),
    }


def milestone_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """Her own milestone, checked: the keyword arguments of `CustomMilestone`."""
    return {
        "routine": check_name(data.get("routine"), "routine", stored=True),
        "count": MILESTONE_COUNT.check("count", data.get("count")),
        "reward": check_text(data.get("reward"), "reward", stored=True),
    }


def celebrated_value(data: Any) -> tuple[str, int]:
    """A milestone already celebrated: (routine, count)."""
    data = _mapping(data, "celebrated")
    return (
        check_name(data.get("routine"), "routine", stored=True),
        MILESTONE_COUNT.check("count", data.get("count")),
    )


# -- check-ins and sessions, many at a time ------------------------------------------------


def _iso_date(value: Any, field_name: str) -> None:
    if not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        raise InputError(field_name, f"must be a date as YYYY-MM-DD, got {value!r}")
    parse_date(value, field_name, allow_future=True)


def _dates_ok(values: set[Any]) -> bool:
    try:
        return all(map(ISO_DATE.fullmatch, values)) and bool(list(map(date.fromisoformat, values)))
    except ValueError:
        return False


def _kind(value: Any, field_name: str) -> None:
    if value not in KINDS:
        raise InputError(field_name, f"must be one of {', '.join(KINDS)}, got {value!r}")


def _flare(value: Any, field_name: str) -> None:
    if value is not None and not isinstance(value, bool):
        raise InputError(field_name, f"must be true or false, got {value!r}")


def _text(value: Any, field_name: str) -> None:
    if value is not None and not isinstance(value, str):
        raise InputError(field_name, f"must be text, got {value!r}")


def _hours(value: Any, field_name: str) -> None:
    if value is not None:
        check_sleep_hours(value, field_name)


NONE = type(None)


class Rule(Struct, frozen=True):
    """How one stored field is checked: `check` for one value (names what is wrong); `types`
    and `fast` decide cheaply, over all values at once, whether `check` can be skipped."""

    check: Callable[[Any, str], None]
    types: frozenset[type]
    fast: Callable[[set[Any]], bool] | None = None


def _whole(rule: IntRange, required: bool = False) -> Rule:
    def check(value: Any, field_name: str) -> None:
        # Exactly int: a stored `true` or `2.0` is not a pain score.
        if value is None and not required:
            return
        if type(value) is not int:
            raise InputError(field_name, f"must be a whole number, got {value!r}")
        rule.check(field_name, value)

    def fast(values: set[Any]) -> bool:
        return all(v is None or rule.lo <= v <= rule.hi for v in values)

    return Rule(check, frozenset({int} if required else {int, NONE}), fast)


def _each(check: Callable[[Any, str], None]) -> Callable[[set[Any]], bool]:
    def fast(values: set[Any]) -> bool:
        try:
            for value in values:
                check(value, "")
        except InputError:
            return False
        return True

    return fast


TEXT = Rule(_text, frozenset({str, NONE}))
DATE = Rule(_iso_date, frozenset({str}), _dates_ok)
CHECKIN_RULES: dict[str, Rule] = {
    "date": DATE,
    "pain": _whole(PAIN),
    "mood": _whole(MOOD),
    "sleep_hours": Rule(_hours, frozenset({int, float, NONE}), _each(_hours)),
    "sleep_quality": _whole(SLEEP_QUALITY),
    "flare": Rule(_flare, frozenset({bool, NONE})),
    "note": TEXT,
}
SESSION_RULES: dict[str, Rule] = {
    "date": DATE,
    "kind": Rule(_kind, frozenset({str}), frozenset(KINDS).issuperset),
    "minutes": _whole(MINUTES, required=True),
    "routine": TEXT,
    "place": TEXT,
    "with": TEXT,
    "pain_before": _whole(PAIN),
    "pain_after": _whole(PAIN),
    "note": TEXT,
}


def check_documents(
    table: str, docs: Mapping[str, dict[str, Any]], rules: Mapping[str, Rule]
) -> None:
    """Check every document of a table against `rules`; `DamagedEntry` names the first bad one."""
    for name, rule in rules.items():
        # C-level passes over all values (their types, then their distinct values); the slow
        # search for the bad document runs only when one of them fails.
        if rule.fast is None:  # text: the types say it all, no list needed
            if set(map(type, map(dict.get, docs.values(), repeat(name)))) <= rule.types:
                continue
        else:
            values = list(map(dict.get, docs.values(), repeat(name)))
            if set(map(type, values)) <= rule.types and rule.fast(set(values)):
                continue
        for doc_id, doc in docs.items():
            try:
                value = doc.get(name)
                if type(value) not in rule.types:
                    raise InputError(name, f"must not be {type(value).__name__}, got {value!r}")
                rule.check(value, name)
            except InputError as exc:
                raise DamagedEntry(f"{table} #{doc_id}", exc) from None


def check_stored(data: Mapping[str, Any]) -> None:
    """Check every table of a data file (current schema): `DamagedEntry` names the first bad
    entry. Tables it does not know are left to whoever wrote them."""
    check_documents("checkins", data.get("checkins", {}), CHECKIN_RULES)
    check_documents("sessions", data.get("sessions", {}), SESSION_RULES)
    for table, build in (
        ("goals", goal_values),
        ("milestones", milestone_values),
        ("celebrated", celebrated_value),
    ):
        for doc_id, doc in data.get(table, {}).items():
            try:
                build(doc)
            except InputError as exc:
                raise DamagedEntry(f"{table} #{doc_id}", exc) from None
