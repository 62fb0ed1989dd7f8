"""Her whole journal as JSON (a backup she can restore) or CSV (for a spreadsheet).

JSON: `{"app": "gentle-flow", "schema": N, "checkins": [...], "sessions": [...], "goals": [...],
"milestones": [...], "celebrated": [...], "week_start": W, "peg": [...]}`; check-ins and sessions
carry exactly the contract's field names, absent values as null. The keys after `goals` make a
restore exact; `peg` holds the weekly PEG checks (`date`, `pain`, `enjoyment`, `activity`).

CSV: one table, one row per check-in or session, a `type` column telling which (see
docs/data-formats.md). Goals are not in the CSV: the JSON export is the full backup.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tui.core.errors import FileProblem, InputError
from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session, routine_key
from tui.core.peg import Peg, with_answer

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


def schema_version() -> int:
    """The store's schema version (imported lazily: the store pulls in TinyDB)."""
    from tui.store import SCHEMA_VERSION

    return SCHEMA_VERSION


def to_json_object(journal: Journal) -> dict[str, Any]:
    """The export object, check-ins and sessions in date order."""
    return {
        "app": APP,
        "schema": schema_version(),
        "checkins": [c.to_dict() for _, c in sorted(journal.checkins.items())],
        "sessions": [s.to_dict() for s in sorted(journal.sessions, key=lambda s: s.date)],
        "goals": [g.to_dict() for g in journal.goals],
        "milestones": [m.to_dict() for m in journal.milestones],
        "celebrated": [{"routine": r, "count": n} for r, n in sorted(journal.celebrated)],
        "week_start": journal.week_start,
        "peg": [p.to_dict() for p in sorted(journal.pegs, key=lambda p: p.date)],
    }


def to_json(journal: Journal) -> str:
    """The JSON export as text (UTF-8, indented, ends with a newline)."""
    return json.dumps(to_json_object(journal), ensure_ascii=False, indent=2) + "\n"


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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def read_json(path: Path) -> Journal:
    """Read a `gentle export --format json` file into a journal, checking every value.

    Anything that is not such an export raises `FileProblem` with one line naming the file
    and, for a bad value, the item and field.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileProblem(f"{path}: is a folder, give the .json export file") from None
    except PermissionError:
        raise FileProblem(f"{path}: cannot be read (permission denied)") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FileProblem(
            f"{path}: not a Gentle Flow JSON export (not valid JSON: {err})"
        ) from None
    if not isinstance(data, dict) or data.get("app") != APP:
        raise FileProblem(f'{path}: not a Gentle Flow JSON export (no "app": "{APP}")')
    schema = data.get("schema")
    current = schema_version()
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise FileProblem(f"{path}: not a Gentle Flow JSON export (schema {schema!r})")
    if schema > current:
        raise FileProblem(
            f"{path}: written by a newer Gentle Flow (schema {schema}, this one reads up to "
            f"{current}); upgrade gentle-flow"
        )
    if schema < current:
        data = _migrated(data)
    return _journal(path, data)


def _migrated(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older export forward with the store's own migrations."""
    from tui.store import schema as store_schema

    tables = {"_meta": {"1": {"app": APP, "schema": data["schema"]}}}
    for name in store_schema.TABLES:
        items = data.get(name)
        if isinstance(items, list):
            tables[name] = {str(i): doc for i, doc in enumerate(items, 1) if isinstance(doc, dict)}
    store_schema.migrate(tables)
    out = dict(data)
    for name in store_schema.TABLES:
        if name in tables:
            out[name] = list(tables[name].values())
    return out


def _items(path: Path, data: dict[str, Any], name: str) -> list[Any]:
    items = data.get(name, [])
    if not isinstance(items, list):
        raise FileProblem(f"{path}: {name} must be a list")
    return items


def _journal(path: Path, data: dict[str, Any]) -> Journal:
    journal = Journal()
    where = ""
    try:
        for i, item in enumerate(_items(path, data, "checkins")):
            where = f"checkins[{i}]"
            checkin = Checkin.from_dict(_mapping(item))
            if checkin.date in journal.checkins:
                raise ValueError(f"a second check-in for {checkin.date}")
            journal.checkins[checkin.date] = checkin
        for i, item in enumerate(_items(path, data, "sessions")):
            where = f"sessions[{i}]"
            journal.sessions.append(Session.from_dict(_mapping(item)))
        for i, item in enumerate(_items(path, data, "goals")):
            where = f"goals[{i}]"
            journal.goals.append(_goal(_mapping(item)))
        for i, item in enumerate(_items(path, data, "milestones")):
            where = f"milestones[{i}]"
            m = CustomMilestone.from_dict(_mapping(item))
            journal.milestones.append(m)
        for i, item in enumerate(_items(path, data, "celebrated")):
            where = f"celebrated[{i}]"
            item = _mapping(item)
            journal.celebrated.add((routine_key(str(item["routine"])), int(item["count"])))
        where = "week_start"
        week = data.get("week_start", 0)
        if not isinstance(week, int) or isinstance(week, bool) or not 0 <= week <= 6:
            raise ValueError(f"must be a weekday number 0-6, got {week!r}")
        journal.week_start = week
        for i, item in enumerate(_items(path, data, "peg")):
            where = f"peg[{i}]"
            journal.pegs = with_answer(journal.pegs, Peg.from_dict(_mapping(item)), week)
    except InputError as err:
        raise FileProblem(f"{path}: {where}: {err.field}: {err.message}") from None
    except KeyError as err:
        raise FileProblem(f"{path}: {where}: missing field {err}") from None
    except (TypeError, ValueError) as err:
        raise FileProblem(f"{path}: {where}: {err}") from None
    journal.checkins = dict(sorted(journal.checkins.items()))
    journal.sessions.sort(key=lambda s: s.date)
    return journal


def _mapping(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise TypeError(f"must be an object, got {type(item).__name__}")
    return item


def _goal(item: dict[str, Any]) -> Goal:
    """A goal with its values checked (`Goal.from_dict` trusts stored data)."""
    goal = Goal.from_dict(item)
    if goal.unit not in ("sessions", "minutes"):
        raise ValueError(f"unit must be sessions or minutes, got {goal.unit!r}")
    check = Goal.create(
        name=goal.name,
        per_week=goal.target if goal.unit == "sessions" else None,
        minutes_per_week=goal.target if goal.unit == "minutes" else None,
        kinds=goal.kinds,
        routine=goal.routine,
        created=goal.created if goal.steps else date.min,
    )
    return Goal(
        name=check.name,
        unit=goal.unit,
        target=goal.target,
        kinds=check.kinds,
        routine=check.routine,
        ramp_to=goal.ramp_to,
        ramp_every=goal.ramp_every,
        steps=goal.steps,
        declined=goal.declined,
    )


def write_output(text: str, output: Path | None) -> None:
    """Print to stdout, or write the file readable by her alone (health data)."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except IsADirectoryError:
        raise FileProblem(f"{output}: is a folder, give a file name") from None
    except OSError as err:
        raise FileProblem(f"cannot write {output}: {err.strerror}") from None
