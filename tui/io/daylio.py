"""Daylio CSV exports: moods to the 1-5 scale, activities and notes into the day's note.

The real file: UTF-8 with a byte-order mark, newest entry first, the header
`full_date,date,weekday,time,mood,activities,note_title,note` (older exports have 7 columns without
`note_title`, newer ones add `scales`; the oldest start with `year` instead of `full_date`),
activities joined by `" | "`, times as `15:26` or `5:01 PM`, and several entries on one day.
Columns are found by name, so any of these layouts reads the same.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.models import MOOD, NOTE_MAX, Checkin
from tui.core.text import replace_controls

#: Daylio's five built-in moods on Gentle Flow's scale (1 awful ... 5 great).
DEFAULT_MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
HEADER_EXAMPLE = "full_date,date,weekday,time,mood,activities,note_title,note"
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([AaPp]\.?[Mm]\.?)?$")
_OLD_DATE_FORMATS = ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y")


@dataclass(frozen=True, slots=True)
class DaylioEntry:
    """One row of the export."""

    day: date
    minute: int | None  # minutes after midnight, None if the time is unreadable
    order: int  # row number in the file (newest first), to keep same-minute rows in order
    mood: int
    activities: tuple[str, ...]
    title: str | None
    note: str | None

    def text(self) -> str:
        """Activities, title and note as one line of the day's note."""
        parts = [", ".join(self.activities), self.title or "", self.note or ""]
        return " - ".join(p for p in parts if p)


@dataclass
class DaylioData:
    """A Daylio export read into days: `{"mood": 1-5, "note": text or None}` per date."""

    days: dict[date, dict[str, Any]] = field(default_factory=dict)
    entries: int = 0
    ignored: Counter[str] = field(default_factory=Counter)


def parse_mood_map(specs: list[str] | None) -> dict[str, int]:
    """`["ecstatic=5", "so-so=3"]` (from `--mood`) to a mapping; raises InputError("mood")."""
    moods: dict[str, int] = {}
    for spec in specs or ():
        name, sep, value = spec.rpartition("=")
        if not sep or not name.strip():
            raise InputError("mood", f"give a custom mood as NAME=N (N from 1 to 5), got {spec!r}")
        moods[name.strip().casefold()] = MOOD.check("mood", value)
    return moods


def read_daylio(path: Path, custom_moods: dict[str, int] | None = None) -> DaylioData:
    """Read a Daylio CSV export; the whole file is checked before anything is returned.

    Raises `FileProblem` (one line naming the file and line) if it is not a Daylio export, and
    `InputError("mood", ...)` for a mood name that is neither built in nor given with `--mood`.
    """
    moods = {**DEFAULT_MOODS, **(custom_moods or {})}
    rows = _rows(path)
    header = [h.strip().lower() for h in rows[0]]
    columns = {name: i for i, name in enumerate(header) if name}
    has_date = "full_date" in columns or {"year", "date"} <= columns.keys()
    if not has_date or "mood" not in columns:
        raise FileProblem(
            f"{path}: not a Daylio export (its header is {','.join(rows[0])[:80]!r}, "
            f"expected {HEADER_EXAMPLE})"
        )
    last_day = today()
    entries: list[DaylioEntry] = []
    data = DaylioData()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) - 2 or len(row) > len(header):  # trailing empties may be cut
            raise FileProblem(
                f"{path}: line {number} has {len(row)} fields, the header has {len(header)} "
                "(cut off or not a Daylio export)"
            )

        def cell(name: str, row: list[str] = row) -> str:
            index = columns.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        day = _day(cell, path, number)
        mood_name = cell("mood")
        mood = moods.get(mood_name.casefold())
        if mood is None:
            raise InputError(
                "mood",
                f"{mood_name!r} (line {number} of {path.name}) is not one of Daylio's moods "
                f"rad, good, meh, bad, awful; map it with --mood '{mood_name}=N' "
                "(N from 1 awful to 5 great)",
            )
        if day > last_day:
            data.ignored["dated after today"] += 1
            continue
        activities = tuple(a.strip() for a in cell("activities").split("|") if a.strip())
        entries.append(
            DaylioEntry(
                day=day,
                minute=_minute(cell("time")),
                order=number,
                mood=mood,
                activities=activities,
                title=cell("note_title") or None,
                note=cell("note") or None,
            )
        )
    data.entries = len(entries)
    data.days = _by_day(entries)
    return data


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileProblem(f"{path}: is a folder, give the Daylio .csv file") from None
    except PermissionError:
        raise FileProblem(f"{path}: cannot be read (permission denied)") from None
    except UnicodeDecodeError:
        raise FileProblem(f"{path}: not a Daylio export (not UTF-8 text)") from None
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as err:
        raise FileProblem(f"{path}: not a readable CSV file ({err})") from None
    if not rows:
        raise FileProblem(f"{path}: empty, not a Daylio export")
    return rows


def _day(cell: Any, path: Path, number: int) -> date:
    full = cell("full_date")
    try:
        if full:
            return date.fromisoformat(full)
        text = f"{cell('date')} {cell('year')}"
        for fmt in _OLD_DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(text)
    except ValueError:
        shown = full or f"{cell('date')} {cell('year')}".strip()
        raise FileProblem(f"{path}: line {number} has an unreadable date {shown!r}") from None


def _minute(text: str) -> int | None:
    """`15:26`, `5:01 PM`, `11:54 pm` to minutes after midnight."""
    match = _TIME.match(text.strip())
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2]), match[3]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half[0] in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def _by_day(entries: list[DaylioEntry]) -> dict[date, dict[str, Any]]:
    """One check-in's worth per day: the mean mood (rounded half up) and the entries as a note."""
    grouped: dict[date, list[DaylioEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.day, []).append(entry)
    days: dict[date, dict[str, Any]] = {}
    for day in sorted(grouped):
        # Chronological: by time when readable, else by file position (the file is newest first).
        items = sorted(
            grouped[day], key=lambda e: (e.minute if e.minute is not None else -1, -e.order)
        )
        mood = int(sum(e.mood for e in items) / len(items) + 0.5)
        written = [(e, e.text()) for e in items if e.text()]
        if len(written) > 1:  # several entries: each on its own line, with its time
            lines = [f"{_clock(e.minute)} {text}".strip() for e, text in written]
        else:
            lines = [text for _, text in written]
        note = "\n".join(lines)
        if len(note) > NOTE_MAX:
            note = note[: NOTE_MAX - 1].rstrip() + "…"
        note = replace_controls(note, multiline=True)[0]  # a tab in her note: shown, not refused
        days[day] = Checkin.validate_fields({"mood": mood, "note": note or None})
    return days


def _clock(minute: int | None) -> str:
    return "" if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"
