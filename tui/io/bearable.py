"""Bearable CSV exports: one row per reading, folded into one check-in's worth per day.

The real file: `date,weekday,time of day,category,rating/amount,detail,notes` (newer exports add a
`date formatted` column; columns are found by name), dates like `22nd Sep 2020`, several readings
of a category on one day. The mapping (documented in docs/data-formats.md):

- `Mood` 1-10 (several a day): the day's mood 1-5 from their mean (1-2 is 1 ... 9-10 is 5);
- `Sleep` (`H:MM` asleep): sleep hours; `Sleep quality` 1-5: sleep quality;
- `Symptom` rows whose name holds "pain": the day's pain from the worst severity (mild 2,
  moderate 5, severe 8, extreme 10), the symptom names kept in the note;
- notes on mood rows: the day's note;
- a day with sleep hours and nothing else fills the sleep of a check-in she logged, as Apple
  Health's sleep does, and never makes a check-in of its own;
- everything else (factors, medication, food, gratitude, energy, other symptoms) is counted as
  left out, by category.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from tui.core.dates import today
from tui.core.errors import FileProblem
from tui.core.models import NOTE_MAX, SLEEP_HOURS_MAX, SLEEP_STEP, Checkin
from tui.core.text import replace_controls
from tui.io.csvrows import csv_rows

HEADER_EXAMPLE = "date,weekday,time of day,category,rating/amount,detail,notes"
REQUIRED = ("date", "category", "rating/amount", "detail", "notes")
#: Bearable's symptom severities (rated 1 mild ... 4 extreme) on the 0-10 pain scale.
PAIN_BY_SEVERITY: dict[str, int] = {"mild": 2, "moderate": 5, "severe": 8, "extreme": 10}
SEVERITIES = tuple(PAIN_BY_SEVERITY)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_SEVERITY = re.compile(r"\((mild|moderate|severe|extreme)\)\s*$", re.IGNORECASE)
_SLEEP = re.compile(r"^(\d{1,2}):(\d{2})$")


class _Day(Struct):
    moods: list[float] = field(default_factory=list)
    sleep_minutes: int | None = None
    qualities: list[int] = field(default_factory=list)
    pain: int | None = None
    symptoms: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class BearableData(Struct):
    """A Bearable export read into days of check-in fields."""

    days: dict[date, dict[str, Any]] = field(default_factory=dict)
    #: Hours asleep on days with nothing else (often synced from a watch): like Apple Health's
    #: sleep, they fill a check-in she logged and never make one on their own.
    sleep_only: dict[date, float] = field(default_factory=dict)
    #: Readings that became part of a check-in.
    used: int = 0
    #: Readings left out, by category (and "dated after today").
    ignored: Counter[str] = field(default_factory=Counter)
    #: Control characters in notes and symptom names, replaced by visible stand-ins.
    controls: int = 0


def read_bearable(path: Path) -> BearableData:
    """Read a Bearable CSV export; the whole file is checked before anything is returned.

    Raises `FileProblem` (one line naming the file, and the line when one row is at fault).
    """
    data = BearableData()
    days: dict[date, _Day] = {}
    last_day = today()
    with csv_rows(path, "Bearable") as rows:
        header = next(rows, None)
        if not header:
            raise FileProblem(f"{path}: empty, not a Bearable export")
        columns = {name.strip().lower(): i for i, name in enumerate(header)}
        if not set(REQUIRED) <= columns.keys():
            raise FileProblem(
                f"{path}: not a Bearable export (its header is {','.join(header)[:80]!r}, "
                f"expected {HEADER_EXAMPLE})"
            )
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise FileProblem(
                    f"{path}: line {number} has {len(row)} fields, the header has "
                    f"{len(header)} (cut off or not a Bearable export)"
                )

            def cell(name: str, row: list[str] = row) -> str:
                index = columns.get(name)
                return row[index].strip() if index is not None else ""

            day = _day(cell, path, number)
            if day > last_day:
                data.ignored["dated after today"] += 1
                continue
            left_out = _read_row(cell, days.setdefault(day, _Day()), data, path, number)
            if left_out is None:
                data.used += 1
            else:
                data.ignored[left_out] += 1
    for day in sorted(days):
        values = _check_in(days[day])
        if set(values) == {"sleep_hours"}:
            data.sleep_only[day] = values["sleep_hours"]
        elif values:
            data.days[day] = values
    return data


def _read_row(cell: Any, day: _Day, data: BearableData, path: Path, number: int) -> str | None:
    """Fold one reading into its day; or say why it is left out (its category, mostly)."""
    category = cell("category").casefold()
    rating = cell("rating/amount")
    if not rating and category in ("mood", "sleep", "sleep quality"):
        return f"{cell('category')} without a value"  # e.g. a sleep synced without its hours

    def bad(what: str, allowed: str) -> FileProblem:
        return FileProblem(
            f"{path}: line {number} has an unreadable {what} {rating!r} (expected {allowed})"
        )

    if category == "mood":
        mood = _number(rating)
        if mood is None or not 1 <= mood <= 10:
            raise bad("mood rating", "1 to 10")
        day.moods.append(mood)
        note, controls = replace_controls(cell("notes"), multiline=True)
        data.controls += controls
        if note.strip():
            day.notes.append(note.strip())
        return None
    if category == "sleep":
        match = _SLEEP.match(rating)
        if match is None or int(match[2]) > 59:
            raise bad("sleep time", "hours asleep as H:MM")
        day.sleep_minutes = (day.sleep_minutes or 0) + int(match[1]) * 60 + int(match[2])
        return None
    if category == "sleep quality":
        if not (rating.isascii() and rating.isdigit() and 1 <= int(rating) <= 5):
            raise bad("sleep quality", "1 to 5")
        day.qualities.append(int(rating))
        return None
    if category == "symptom" and "pain" in cell("detail").casefold():
        detail, controls = replace_controls(cell("detail"))
        data.controls += controls
        severity = _severity(detail, rating)
        if severity is None:
            raise bad("symptom severity", "1 mild to 4 extreme")
        day.pain = max(day.pain or 0, PAIN_BY_SEVERITY[severity])
        if detail not in day.symptoms:
            day.symptoms.append(detail)
        return None
    if category == "symptom":
        return "Symptom (not pain)"
    return cell("category") or "without a category"


def _number(text: str) -> float | None:
    """`6` or `6.5` (plain ASCII digits); None for anything else."""
    whole, _, part = text.partition(".")
    if not (
        whole.isascii() and whole.isdigit() and (not part or (part.isascii() and part.isdigit()))
    ):
        return None
    return float(text)


def _severity(detail: str, rating: str) -> str | None:
    """`Back (lower) pain (Severe)` names its severity; else the rating 1-4 does."""
    named = _SEVERITY.search(detail)
    if named:
        return named[1].lower()
    if rating.isascii() and rating.isdigit() and 1 <= int(rating) <= len(SEVERITIES):
        return SEVERITIES[int(rating) - 1]
    return None


def _check_in(day: _Day) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if day.moods:
        mean = int(sum(day.moods) / len(day.moods) + 0.5)  # rounded half up, then 1-2 is 1 ...
        values["mood"] = (mean + 1) // 2
    if day.sleep_minutes is not None:
        hours = round(day.sleep_minutes / 60 / SLEEP_STEP) * SLEEP_STEP
        values["sleep_hours"] = min(hours, SLEEP_HOURS_MAX)
    if day.qualities:
        values["sleep_quality"] = int(sum(day.qualities) / len(day.qualities) + 0.5)
    if day.pain is not None:
        values["pain"] = day.pain
    lines = list(day.notes)
    if day.symptoms:
        lines.append("Pain: " + ", ".join(day.symptoms))
    note = "\n".join(lines)
    if len(note) > NOTE_MAX:
        note = note[: NOTE_MAX - 1].rstrip() + "…"
    if note:
        values["note"] = note
    return Checkin.validate_fields(values)


def _day(cell: Any, path: Path, number: int) -> date:
    formatted = cell("date formatted")
    if formatted:
        try:
            return date.fromisoformat(formatted[:10])
        except ValueError:
            pass  # another format: the `date` column says the same
    text = cell("date")
    match = _DATE.match(text)
    month = MONTHS.get(match[2].lower()) if match else None
    try:
        if match is None or month is None:
            raise ValueError(text)
        return date(int(match[3]), month, int(match[1]))
    except ValueError:
        raise FileProblem(
            f"{path}: line {number} has an unreadable date {text!r} (expected like 22nd Sep 2020)"
        ) from None
