"""Dates as the user sees them: today, ISO parsing, calendar weeks."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

from tui.core.errors import InputError

#: Weekday numbers as `date.weekday()` gives them; Monday first unless configured.
MONDAY = 0
#: The contract's one date format, ASCII digits only (fromisoformat also takes `2026-W01-1`).
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def today() -> date:
    """Today's date; `GENTLE_TODAY=YYYY-MM-DD` fixes it (screenshots, snapshots, tests)."""
    fixed = os.environ.get("GENTLE_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return date.today()


def parse_date(text: str, field: str = "date", *, allow_future: bool = False) -> date:
    """Parse `YYYY-MM-DD`; refuse malformed dates and, unless allowed, dates after today."""
    try:
        if not isinstance(text, str) or not ISO_DATE.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        shown = text[:40] if isinstance(text, str) else text
        raise InputError(field, f"must be a date as YYYY-MM-DD, got {shown!r}") from None
    if not allow_future and day > today():
        raise InputError(field, f"must be today ({today().isoformat()}) or earlier, got {text}")
    return day


def week_start(day: date, first_weekday: int = MONDAY) -> date:
    """The first day of the calendar week holding `day`."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def parse_weekday(text: str) -> int:
    """`monday`..`sunday` (or a prefix of three letters or more) to a weekday number."""
    name = text.strip().lower()
    for number, full in enumerate(WEEKDAY_NAMES):
        if len(name) >= 3 and full.startswith(name):
            return number
    raise InputError("week_start", f"must be a weekday name (monday ... sunday), got {text!r}")
