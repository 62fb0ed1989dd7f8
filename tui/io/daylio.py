"""Daylio CSV exports: moods to the 1-5 scale, activities and notes into the day's note.

The real file: UTF-8 with a byte-order mark, newest entry first, the header
`full_date,date,weekday,time,mood,activities,note_title,note` (older exports have 7 columns without
`note_title`, newer ones add `scales`; the oldest start with `year` instead of `full_date`, with the
date written in the phone's language: `7 września`, `16 de octubre`), activities joined by `" | "`,
times as `15:26` or `5:01 PM`, and several entries on one day. Columns are found by name, so any of
these layouts reads the same. The file is read row by row, so a large one stays small in memory.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from tui.core.dates import today
from tui.core.errors import FileProblem, InputError
from tui.core.models import MOOD, NOTE_MAX, Checkin
from tui.core.text import replace_controls, shown
from tui.io.csvrows import csv_rows
from tui.io.merge import count

#: Daylio's five built-in moods on Gentle Flow's scale (1 awful ... 5 great).
DEFAULT_MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
HEADER_EXAMPLE = "full_date,date,weekday,time,mood,activities,note_title,note"
#: The columns Daylio writes, by how many there are (for a file whose header line is missing).
LAYOUTS = {
    7: "full_date,date,weekday,time,mood,activities,note",
    8: HEADER_EXAMPLE,
    9: "full_date,date,weekday,time,mood,activities,scales,note_title,note",
}
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([AaPp]\.?[Mm]\.?)?$")
_OLD_DATE_FORMATS = ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CJK_DATE = re.compile(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_WORD = re.compile(r"[^\W\d_]+\.?|\d+")
#: Languages Daylio users write in most, tried first when a month name is not English.
_LIKELY_LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "pl", "ru", "nl", "cs", "tr", "uk")


class DaylioData(Struct):
    """A Daylio export read into days: `{"mood": 1-5, "note": text or None}` per date."""

    days: dict[date, dict[str, Any]] = field(default_factory=dict)
    entries: int = 0
    ignored: Counter[str] = field(default_factory=Counter)
    #: Control characters in notes and activities, replaced by visible stand-ins.
    controls: int = 0


def parse_mood_map(specs: list[str] | None) -> dict[str, int]:
    """`["ecstatic=5", "so-so=3"]` (from `--mood`) to a mapping; raises InputError("mood")."""
    moods: dict[str, int] = {}
    for spec in specs or ():
        name, sep, value = spec.rpartition("=")
        if not sep or not name.strip():
            raise InputError("mood", f"give a custom mood as NAME=N (N from 1 to 5), got {spec!r}")
        moods[name.strip().casefold()] = MOOD.check("mood", value)
    return moods


def unknown_moods_error(unknown: Counter[str], rerun: str) -> InputError:
    """One line naming every mood Daylio's file holds that has no 1-5 value, with a command."""
    names = sorted(unknown, key=lambda n: (-unknown[n], n.casefold()))
    listed = ", ".join(f"{n!r} ({count(unknown[n], 'entry', 'entries')})" for n in names)
    flags = shown(" ".join(f"--mood {shlex.quote(n + '=N')}" for n in names))
    if len(names) == 1:
        what = f"{listed} is not one of Daylio's built-in moods ({', '.join(DEFAULT_MOODS)})"
    else:
        what = f"{len(names)} moods are not Daylio's built-in ones ({', '.join(DEFAULT_MOODS)}): "
        what += listed
    return InputError(
        "mood",
        f"{what}; give {'it' if len(names) == 1 else 'each'} a number N from 1 (awful) to "
        f"5 (great) and run: {rerun} {flags}",
    )


def read_daylio(
    path: Path, custom_moods: dict[str, int] | None = None, rerun: str | None = None
) -> DaylioData:
    """Read a Daylio CSV export; the whole file is checked before anything is returned.

    Raises `FileProblem` (one line naming the file and line) if it is not a Daylio export, and
    `InputError("mood", ...)` naming every mood that is neither built in nor given with `--mood`
    (`rerun` is the command to repeat, shown with the `--mood` options to fill in).
    """
    moods = {**DEFAULT_MOODS, **(custom_moods or {})}
    rerun = rerun or f"gentle import daylio {shlex.quote(str(path))}"
    months = _Months()
    last_day = today()
    data = DaylioData()
    unknown: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    grouped: dict[date, list[tuple[int, int, int, str]]] = {}
    with csv_rows(path, "Daylio") as rows:
        header_row = next(rows, None)
        if not header_row:
            raise FileProblem(f"{path}: empty, not a Daylio export")
        columns = _columns(path, header_row)
        width = len(header_row)
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < width - 2 or len(row) > width:  # trailing empties may be cut
                raise FileProblem(
                    f"{path}: line {number} has {len(row)} fields, the header has {width} "
                    "(cut off or not a Daylio export)"
                )

            def cell(name: str, row: list[str] = row) -> str:
                index = columns.get(name)
                return row[index].strip() if index is not None and index < len(row) else ""

            day = _day(cell, months, path, number)
            mood_name = cell("mood")
            if not mood_name:
                raise FileProblem(f"{path}: line {number} has no mood (cut off?)")
            mood = moods.get(mood_name.casefold())
            if mood is None:  # counted under its first spelling: `Angry` and `angry` are one
                unknown[spelled.setdefault(mood_name.casefold(), mood_name)] += 1
                continue
            if day > last_day:
                data.ignored["dated after today"] += 1
                continue
            text, controls = _entry_text(cell)
            data.controls += controls
            minute = _minute(cell("time"))
            grouped.setdefault(day, []).append(
                (minute if minute is not None else -1, -number, mood, text)
            )
            data.entries += 1
    if unknown:
        raise unknown_moods_error(unknown, rerun)
    data.days = _by_day(grouped)
    return data


def _columns(path: Path, header_row: list[str]) -> dict[str, int]:
    header = [h.strip().lower() for h in header_row]
    columns = {name: i for i, name in enumerate(header) if name}
    if ("full_date" in columns or {"year", "date"} <= columns.keys()) and "mood" in columns:
        return columns
    first = header_row[0].strip() if header_row else ""
    if _ISO_DAY.match(first) or (first.isdigit() and len(first) == 4):
        expected = LAYOUTS.get(len(header_row), HEADER_EXAMPLE)
        if not _ISO_DAY.match(first):  # the oldest layout: the year, then the date in words
            expected = expected.replace("full_date,", "year,")
        raise FileProblem(
            f"{path}: the header line is missing; expected columns: {expected} "
            "(Daylio writes them as the first line)"
        )
    raise FileProblem(
        f"{path}: not a Daylio export (its header is {','.join(header_row)[:80]!r}, "
        f"expected {HEADER_EXAMPLE})"
    )


def _entry_text(cell: Any) -> tuple[str, int]:
    """Activities, title and note as one line of the day's note, controls made visible."""
    activities = ", ".join(a.strip() for a in cell("activities").split("|") if a.strip())
    parts = [activities, cell("note_title"), cell("note")]
    text, controls = replace_controls(" - ".join(p for p in parts if p), multiline=True)
    return text, controls


def _day(cell: Any, months: _Months, path: Path, number: int) -> date:
    full = cell("full_date")
    try:
        if full:
            return date.fromisoformat(full)
        text, year = cell("date"), cell("year")
        for fmt in _OLD_DATE_FORMATS:
            try:
                return datetime.strptime(f"{text} {year}", fmt).date()
            except ValueError:
                continue
        return months.date(text, int(year))
    except ValueError:
        shown = full or f"{cell('date')} {cell('year')}".strip()
        raise FileProblem(f"{path}: line {number} has an unreadable date {shown!r}") from None


class _Months:
    """Month names in any language (Babel's CLDR data), for the oldest layout's `date` column.

    The language is found from the names themselves: the first language whose month names hold
    every name seen so far. Babel is imported only when a name is not English.
    """

    def __init__(self) -> None:
        self.table: dict[str, int] = {}
        self.seen: set[str] = set()
        self.unknown: set[str] = set()  # words no language has as a month (`de` in `16 de mayo`)

    def date(self, text: str, year: int) -> date:
        """`7 września` or `16 de octubre` in `year`; raises ValueError."""
        cjk = _CJK_DATE.search(text)
        if cjk:
            return date(year, int(cjk[1]), int(cjk[2]))
        tokens = [t.casefold().rstrip(".") for t in _WORD.findall(text)]
        days = [int(t) for t in tokens if t.isdigit()]
        words = [t for t in tokens if not t.isdigit()]
        if len(days) != 1 or not words:
            raise ValueError(text)
        word = max(words, key=len)  # the month, not a particle (`16 de octubre`, `1er mai`)
        if word not in self.table and word not in self.unknown:
            self._learn(word)
        month = self.table.get(word)
        if month is None:
            raise ValueError(text)
        return date(year, month, days[0])

    def _learn(self, word: str) -> None:
        from babel import Locale
        from babel.localedata import locale_identifiers

        wanted = self.seen | {word}
        others = sorted(i for i in locale_identifiers() if "_" not in i)
        for language in (*_LIKELY_LANGUAGES, *others):
            table = _month_table(Locale.parse(language))
            if word in table and all(w in table for w in self.seen):
                self.table, self.seen = table, wanted
                return
        self.unknown.add(word)


def _month_table(locale: Any) -> dict[str, int]:
    table: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                table.setdefault(name.casefold().rstrip("."), number)
    return table


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


def _by_day(grouped: dict[date, list[tuple[int, int, int, str]]]) -> dict[date, dict[str, Any]]:
    """One check-in's worth per day: the mean mood (rounded half up) and the entries as a note.

    Each entry is (minute or -1, -row number, mood, text): sorted, they are chronological (by
    time when readable, else by file position, as the file is newest first).
    """
    days: dict[date, dict[str, Any]] = {}
    for day in sorted(grouped):
        items = sorted(grouped[day])
        mood = int(sum(e[2] for e in items) / len(items) + 0.5)
        written = [(minute, text) for minute, _, _, text in items if text]
        if len(written) > 1:  # several entries: each on its own line, with its time
            lines = [f"{_clock(minute)} {text}".strip() for minute, text in written]
        else:
            lines = [text for _, text in written]
        note = "\n".join(lines)
        if len(note) > NOTE_MAX:
            note = note[: NOTE_MAX - 1].rstrip() + "…"
        note = replace_controls(note, multiline=True)[0]  # a tab in her note: shown, not refused
        days[day] = Checkin.validate_fields({"mood": mood, "note": note or None})
    return days


def _clock(minute: int) -> str:
    return "" if minute < 0 else f"{minute // 60:02d}:{minute % 60:02d}"
