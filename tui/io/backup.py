"""Her whole journal as JSON (a backup she can restore) or CSV (for a spreadsheet).

JSON: `{"app": "gentle-flow", "schema": N, "checkins": [...], "sessions": [...], "goals": [...],
"milestones": [...], "celebrated": [...], "week_start": W, "peg": [...]}`; check-ins and sessions
carry their `id` and the contract's field names, absent values as null. The keys after `goals` make
a restore exact; `peg` holds the weekly PEG checks (`date`, `pain`, `enjoyment`, `activity`).

CSV: one table, one row per check-in or session, a `type` column telling which (see
docs/data-formats.md). Goals are not in the CSV: the JSON export is the full backup.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from tui.core.errors import FileProblem, InputError
from tui.core.models import Checkin, Journal, Session

if TYPE_CHECKING:
    from tui.store import Store

APP = "gentle-flow"
FORMATS = ("json", "csv")
CHECKIN_COLUMNS = ("pain", "mood", "sleep_hours", "sleep_quality", "flare")
SESSION_COLUMNS = ("kind", "minutes", "routine", "place", "with", "pain_before", "pain_after")
CSV_COLUMNS = ("type", "date", *CHECKIN_COLUMNS, *SESSION_COLUMNS, "note")


def check_format(value: str) -> str:
    """`json` or `csv`; anything else is one line naming the field."""
    fmt = value.strip().lower()
    if fmt not in FORMATS:
        raise InputError("format", f"must be json or csv, got {value!r}")
    return fmt


#: The JSON export format's own version: 3 since entries carry their `id`. It moves when what an
#: export holds changes, whatever the data file's schema does; `import json` reads 1 to this.
EXPORT_SCHEMA = 3


def schema_version() -> int:
    """The version written into an export (the format's, not the data file's)."""
    return EXPORT_SCHEMA


def to_json_object(journal: Journal) -> dict[str, Any]:
    """The export object, check-ins and sessions in date order."""
    return {
        "app": APP,
        "schema": schema_version(),
        "checkins": [{"id": c.id, **c.to_dict()} for _, c in sorted(journal.checkins.items())],
        "sessions": [
            {"id": s.id, **s.to_dict()} for s in sorted(journal.sessions, key=lambda s: s.date)
        ],
        "goals": [g.to_dict() for g in journal.goals],
        "milestones": [m.to_dict() for m in journal.milestones],
        "celebrated": [{"routine": r, "count": n} for r, n in sorted(journal.celebrated)],
        "week_start": journal.week_start,
        "peg": [p.to_dict() for p in sorted(journal.pegs, key=lambda p: p.date)],
    }


# The export's entries have the models' own keys, in their order (`to_dict`), after the id.
CHECKIN_KEYS = ("date", *Checkin.FIELDS)
SESSION_KEYS = ("date", *Session.FIELDS)


def to_json_object_from_store(store: Store) -> dict[str, Any]:
    """`to_json_object` of the store's journal, its check-ins and sessions read from the stored
    documents (twenty years hold 21,000: building them as objects first would double the export's
    time). tests/io/test_export_json.py checks that both give the same export."""
    export = to_json_object(store.journal_apart_from_entries())
    checkins = {doc["date"]: doc for doc in store.documents("checkins")}  # one a date, the last
    export["checkins"] = [_entry(checkins[day], CHECKIN_KEYS) for day in sorted(checkins)]
    sessions = sorted(store.documents("sessions"), key=lambda doc: doc["date"])
    export["sessions"] = [_entry(doc, SESSION_KEYS) for doc in sessions]
    return export


def _entry(doc: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    entry = {"id": doc.get("id") or ""}
    for key in keys:
        entry[key] = doc.get(key)
    if "flare" in entry:
        entry["flare"] = bool(entry["flare"])  # as a check-in reads it: absent is no flare
    return entry


def to_json_bytes(journal: Journal | dict[str, Any]) -> bytes:
    """The JSON export as UTF-8, indented by two spaces, ending with a newline.

    orjson's indenting writes the same bytes as `json.dumps(indent=2, ensure_ascii=False)` for
    our data (tests/io/test_export_json.py compares them), in a fifth of the time: the stdlib's
    indenting encoder is pure Python."""
    export = journal if isinstance(journal, dict) else to_json_object(journal)
    return orjson.dumps(export, option=orjson.OPT_INDENT_2) + b"\n"


def to_json(journal: Journal) -> str:
    """The JSON export as text (see `to_json_bytes`)."""
    return to_json_bytes(journal).decode("utf-8")


def to_csv(journal: Journal) -> str:
    """One spreadsheet table: per date, the check-in row first, then that day's sessions."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    sessions: dict[date, list[Session]] = {}
    for s in journal.sessions:
        sessions.setdefault(s.date, []).append(s)
    for day in sorted(set(journal.checkins) | set(sessions)):
        checkin = journal.checkins.get(day)
        if checkin is not None:
            row = {"type": "checkin", **checkin.to_dict()}
            row["flare"] = "yes" if checkin.flare else "no"
            writer.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])
        for session in sessions.get(day, []):
            row = {"type": "session", **session.to_dict()}
            writer.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


#: A cell starting with one of these is a formula to a spreadsheet (OWASP's CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text  # shown as text, never run
    return text


def read_json(path: Path) -> Journal:
    """Read a `gentle export --format json` file into a journal, checking every value.

    Anything that is not such an export raises `FileProblem` with one line naming the file
    and, for a bad value, the item and field (see `tui.io.json_import`).
    """
    from tui.io.json_import import read_export

    return read_export(path).journal


def write_output(text: str | bytes, output: Path | None) -> None:
    """Print to stdout, or write the file readable by her alone (health data)."""
    payload = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    from tui.store.disk import atomic_write

    try:
        # Atomic and 0600 like her data file: a failed write leaves the old file (or none),
        # and an existing file's loose mode does not carry over.
        if output.is_dir():
            raise IsADirectoryError
        atomic_write(Path(os.path.realpath(output)), payload)
    except IsADirectoryError:
        raise FileProblem(f"{output}: is a folder, give a file name") from None
    except OSError as err:
        raise FileProblem(f"cannot write {output}: {err.strerror}") from None
