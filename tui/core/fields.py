"""The one definition of every field's range and format, and the checks that enforce them.

Everything that accepts a value from the user (the CLI, the forms, the importers, a stored file)
checks it here, so the pain range or the list of kinds is written down once.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from msgspec import Struct

from tui.core.dates import parse_date
from tui.core.errors import InputError
from tui.core.text import check_plain
from tui.core.words import MOOD_WORDS, PAIN_WORDS, SLEEP_QUALITY_WORDS, scale_hint

KINDS = ("walk", "strength", "stretch", "snack", "other")
UNITS = ("sessions", "minutes")
NOTE_MAX = 2000
NAME_MAX = 120
#: A session's fields as stored and exported (the date and id aside).
SESSION_FIELDS = (
    "kind",
    "minutes",
    "routine",
    "place",
    "with",
    "pain_before",
    "pain_after",
    "note",
)


class IntRange(Struct, frozen=True):
    """An inclusive whole-number range with the field name the user knows."""

    lo: int
    hi: int
    hint: str = ""

    def check(self, field_name: str, value: Any) -> int:
        """Return `value` as an int, or raise `InputError` naming the field and the range."""
        allowed = f"a whole number from {self.lo} to {self.hi}{self.hint}"
        if isinstance(value, bool):
            raise InputError(field_name, f"must be {allowed}, got {value!r}")
        if isinstance(value, str):
            text = value.strip()
            # Plain ASCII digits only: int() would also take "1_0" and other scripts' digits,
            # and thousands of digits would take int() long and then fail.
            digits = text.lstrip("+-")
            if not (text.isascii() and digits.isdigit() and len(digits) <= DIGITS_MAX):
                raise InputError(field_name, f"must be {allowed}, got {_sample(text)!r}")
            value = int(text)
        if isinstance(value, float):
            if not value.is_integer():
                raise InputError(field_name, f"must be {allowed}, got {value!r}")
            value = int(value)
        if not isinstance(value, int):
            raise InputError(field_name, f"must be {allowed}, got {_sample(value)!r}")
        if not self.lo <= value <= self.hi:
            raise InputError(field_name, f"must be {allowed}, got {_sample(value)}")
        return value


DIGITS_MAX = 12
#: Hours as she types them, ASCII digits only: `7`, `7.5`, `7,5` or `7:30`.
_HOURS = re.compile(r"([0-9]{1,2})(?:[.,]([0-9]{1,4})|:([0-5][0-9]))?")


def _sample(value: Any) -> Any:
    """A value short enough for one line (a number with thousands of digits is cut)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**DIGITS_MAX:
        return f"a number of more than {DIGITS_MAX} digits"
    if isinstance(value, str) and len(value) > 40:
        return value[:40] + "..."
    return value


PAIN = IntRange(0, 10, scale_hint(0, 10, PAIN_WORDS))
MOOD = IntRange(1, 5, scale_hint(1, 5, MOOD_WORDS))
SLEEP_QUALITY = IntRange(1, 5, scale_hint(1, 5, SLEEP_QUALITY_WORDS))
MINUTES = IntRange(1, 600)
PER_WEEK = IntRange(1, 50)
MINUTES_PER_WEEK = IntRange(1, 5000)
RAMP_EVERY = IntRange(1, 52)
SLEEP_HOURS_MAX = 24.0
SLEEP_STEP = 0.25


def hours_from_text(text: str) -> float | None:
    """Hours as she types them: `7.5`, `7,5` or `7:30` are seven and a half (None if not hours).

    ASCII digits only: float() would also take "1_0", "１０", "inf" and "1e1"."""
    match = _HOURS.fullmatch(text.strip())
    if match is None:
        return None
    whole, fraction, minutes = match.groups()
    if minutes is not None:
        return int(whole) + int(minutes) / 60
    return float(f"{whole}.{fraction}") if fraction else float(whole)


def check_sleep_hours(value: Any, field_name: str = "sleep_hours") -> float:
    """Hours of sleep: 0 to 24 in steps of a quarter hour (text as `hours_from_text` reads it)."""
    allowed = "a number of hours from 0 to 24 in steps of 0.25"
    if isinstance(value, bool):
        raise InputError(field_name, f"must be {allowed}, got {value!r}")
    if isinstance(value, str):
        parsed = hours_from_text(value)
        if parsed is None:
            raise InputError(field_name, f"must be {allowed}, got {_sample(value.strip())!r}")
        shown, value = value.strip(), parsed
    else:
        shown = str(value)
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(field_name, f"must be {allowed}, got {value!r}")
    hours = float(value)
    if not 0 <= hours <= SLEEP_HOURS_MAX or not (hours / SLEEP_STEP).is_integer():
        raise InputError(field_name, f"must be {allowed}, got {shown}")
    return hours


def check_kind(value: Any, field_name: str = "kind") -> str:
    """One of the movement kinds."""
    kind = str(value).strip().lower() if value is not None else ""
    if kind not in KINDS:
        raise InputError(field_name, f"must be one of {', '.join(KINDS)}, got {value!r}")
    return kind


def check_text(
    value: Any,
    field_name: str,
    limit: int = NOTE_MAX,
    *,
    multiline: bool = False,
    stored: bool = False,
) -> str | None:
    """Free text: kept literally, stripped; empty means absent.

    Control characters are refused (newlines allowed when `multiline`, as in notes), except in
    `stored` text: that was accepted before this rule and is shown escaped, never refused.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(field_name, f"must be text, got {_sample(value)!r}")
    text = value.strip()
    if len(text) > limit:
        raise InputError(field_name, f"must be at most {limit} characters, got {len(text)}")
    if not stored:
        check_plain(text, field_name, multiline=multiline)
    return text or None


def check_name(value: Any, field_name: str, *, stored: bool = False) -> str:
    """A required short name (goal, routine)."""
    text = check_text(value, field_name, NAME_MAX, stored=stored)
    if text is None:
        raise InputError(field_name, "must not be empty")
    return text


def check_date(value: Any, field_name: str = "date") -> date:
    """A date given as a `date` or `YYYY-MM-DD`; never after today."""
    if isinstance(value, date):
        return parse_date(value.isoformat(), field_name)
    if not isinstance(value, str):
        raise InputError(field_name, f"must be a date as YYYY-MM-DD, got {value!r}")
    return parse_date(value.strip(), field_name)


def routine_key(name: str) -> str:
    """Routines are the same routine whatever their case or spacing."""
    return " ".join(name.split()).casefold()


def _optional(value: Any, check: Any, field_name: str) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(check, IntRange):
        return check.check(field_name, value)
    return check(value, field_name)


def _iso(value: Any) -> Any:
    """A date as `YYYY-MM-DD`; anything else as it is (for the date check to refuse)."""
    return value.isoformat() if isinstance(value, date) else value
