"""Reading a `gentle export --format json` file: every value checked, hostile files refused cheaply.

The file is walked entry by entry (`JSONDecoder.raw_decode`), never parsed whole: a first pass
counts the entries of each list and refuses a file with more than a lifetime of them before any
is kept, and the second builds each entry straight into a checked model. A 1M-session file is
refused under 200 MB; parsing it whole took over 1 GB.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from tui.core import records
from tui.core.errors import FileProblem, InputError
from tui.core.models import Checkin, CustomMilestone, Goal, Journal, Session, routine_key
from tui.core.peg import Peg, with_answer
from tui.core.text import replace_controls

APP = "gentle-flow"
#: Ten years of her data export to about 4 MB; a file sixteen times larger is not an export.
MAX_BYTES = 64 * 1024 * 1024
#: More entries than a lifetime holds (a check-in a day for 130 years; 27 sessions a day for
#: ten years) are refused before any is kept.
MAX_ITEMS = {
    "checkins": 50_000,
    "sessions": 100_000,
    "goals": 1_000,
    "milestones": 1_000,
    "celebrated": 10_000,
    "peg": 10_000,
}
_DECODER = json.JSONDecoder()
_BLANKS = re.compile(r"[ \t\n\r]*")


class _Bad(ValueError):
    """The file is not a well-formed export (the message says where)."""


class _TooMany(ValueError):
    """A list holds more entries than a lifetime (the message says which)."""


class JsonImport(Struct):
    """What a JSON export holds, checked, and how many control characters were replaced."""

    journal: Journal
    replaced: int = 0
    _names: set[str] = field(default_factory=set)


def _skip(text: str, at: int) -> int:
    return _BLANKS.match(text, at).end()  # type: ignore[union-attr]


def _expect(text: str, at: int, char: str) -> int:
    at = _skip(text, at)
    if not text.startswith(char, at):
        raise _Bad(f"expected {char!r} at character {at}")
    return at + 1


def _value(text: str, at: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, _skip(text, at))
    except json.JSONDecodeError as exc:
        raise _Bad(f"{exc.msg} at character {exc.pos}") from None


OnItem = Callable[[str, int, Any], None]


def _walk(text: str, on_item: OnItem | None) -> dict[str, Any]:
    """The top-level values that are not entry lists; `on_item(list, index, entry)` per entry."""
    scalars: dict[str, Any] = {}
    counts = dict.fromkeys(MAX_ITEMS, 0)
    at = _skip(text, _expect(text, 0, "{"))
    if text.startswith("}", at):
        at += 1
    else:
        while True:
            key, at = _value(text, at)
            if not isinstance(key, str):
                raise _Bad("a key that is not a string")
            at = _skip(text, _expect(text, at, ":"))
            if key in MAX_ITEMS and text.startswith("[", at):
                at = _list(text, at, key, counts, on_item)
            else:
                scalars[key], at = _value(text, at)
            at = _skip(text, at)
            if text.startswith("}", at):
                at += 1
                break
            at = _expect(text, at, ",")
    if _skip(text, at) != len(text):
        raise _Bad("extra data after the export")
    return scalars


def _list(text: str, at: int, key: str, counts: dict[str, int], on_item: OnItem | None) -> int:
    """Walk the list of entries starting at `at`; where it ends."""
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        return at + 1
    while True:
        item, at = _value(text, at)
        counts[key] += 1
        if counts[key] > MAX_ITEMS[key]:
            raise _TooMany(f"{key}: more than {MAX_ITEMS[key]} entries")
        if on_item is not None:
            on_item(key, counts[key] - 1, item)
        at = _skip(text, at)
        if text.startswith("]", at):
            return at + 1
        at = _expect(text, at, ",")


def read_export(path: Path) -> JsonImport:
    """Read and check a JSON export; `FileProblem` (one line naming the entry) otherwise."""
    text = _text_of(path)
    try:
        head = _walk(text, None)  # pass 1: counts, top-level values, well-formedness
        schema = _check_head(path, head)
        result = JsonImport(Journal())
        _walk(text, _Builder(path, result, schema).add)  # pass 2: each entry, checked
    except _TooMany as exc:
        raise FileProblem(f"{path}: not a Gentle Flow JSON export ({exc})") from None
    except _Bad as exc:
        raise FileProblem(
            f"{path}: not a Gentle Flow JSON export (not valid JSON: {exc})"
        ) from None
    except RecursionError:
        raise FileProblem(f"{path}: not a Gentle Flow JSON export (nested too deeply)") from None
    except ValueError as exc:  # numbers with thousands of digits, ...
        raise FileProblem(f"{path}: not a Gentle Flow JSON export ({exc})") from None
    journal = result.journal
    journal.week_start = _week_start(path, head.get("week_start", 0))
    pegs, journal.pegs = journal.pegs, []
    for peg in pegs:  # a second answer for a week replaces the first, as when she logs it
        journal.pegs = with_answer(journal.pegs, peg, journal.week_start)
    journal.checkins = dict(sorted(journal.checkins.items()))
    journal.sessions.sort(key=lambda s: s.date)
    return result


def _text_of(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileProblem(
                f"{path}: too large for a Gentle Flow JSON export ({size // 2**20} MB; "
                f"exports are under {MAX_BYTES // 2**20} MB)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileProblem(f"{path}: is a folder, give the .json export file") from None
    except PermissionError:
        raise FileProblem(f"{path}: cannot be read (permission denied)") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"{path}: not a Gentle Flow JSON export (not UTF-8: {exc})") from None


def _check_head(path: Path, head: dict[str, Any]) -> int:
    from tui.io.backup import EXPORT_SCHEMA
    from tui.store.schema import NotOurs, check_version

    if head.get("app") != APP:
        raise FileProblem(f'{path}: not a Gentle Flow JSON export (no "app": "{APP}")')
    try:
        schema = check_version(head.get("schema"), "Gentle Flow JSON export", EXPORT_SCHEMA)
    except NotOurs as exc:
        raise FileProblem(f"{path}: {exc}") from None
    for name in MAX_ITEMS:
        if name in head:
            raise FileProblem(f"{path}: {name} must be a list")
    return schema


def _week_start(path: Path, week: Any) -> int:
    if not isinstance(week, int) or isinstance(week, bool) or not 0 <= week <= 6:
        raise FileProblem(f"{path}: week_start: must be a weekday number 0-6, got {week!r}")
    return week


class _Builder:
    """Turns each entry into a checked model as pass 2 meets it."""

    def __init__(self, path: Path, result: JsonImport, schema: int) -> None:
        self.result = result
        self.schema = schema
        self.path = path

    def add(self, name: str, index: int, item: Any) -> None:
        where = f"{self.path}: {name}[{index}]"
        try:
            if not isinstance(item, dict):
                raise InputError("entry", f"must be an object, got {type(item).__name__}")
            item = self._clean(name, item)
            self._add(name, item)
        except InputError as exc:
            raise FileProblem(f"{where}: {exc.field}: {exc.message}") from None
        except KeyError as exc:
            raise FileProblem(f"{where}: missing field {exc}") from None

    def _clean(self, name: str, item: dict[str, Any]) -> dict[str, Any]:
        if self.schema != _current_schema():
            item = _migrated(name, item, self.schema)
        clean = {}
        for key, value in item.items():
            if isinstance(value, str):
                value, n = replace_controls(value, multiline=key == "note")
                self.result.replaced += n
            clean[key] = value
        return clean

    def _add(self, name: str, item: dict[str, Any]) -> None:
        journal = self.result.journal
        if name == "checkins":
            checkin = Checkin.from_dict(item, check_future=True)
            if checkin.date in journal.checkins:
                raise InputError("date", f"a second check-in for {checkin.date}")
            journal.checkins[checkin.date] = checkin
        elif name == "sessions":
            journal.sessions.append(Session.from_dict(item, check_future=True))
        elif name == "goals":
            goal = Goal.from_dict(item)
            if goal.name.casefold() in self.result._names:
                raise InputError("name", f"a second goal named {goal.name!r} (names ignore case)")
            self.result._names.add(goal.name.casefold())
            journal.goals.append(goal)
        elif name == "milestones":
            journal.milestones.append(CustomMilestone.from_dict(item))
        elif name == "peg":
            journal.pegs.append(Peg.from_dict(item))  # one per week: kept in order below
        else:
            routine, count = records.celebrated_value(item)
            journal.celebrated.add((routine_key(routine), count))


def _current_schema() -> int:
    # Exports 1 to 3 hold entries as data files 1 to 3 did: the store's migrations bring an
    # older export's entries forward.
    from tui.io.backup import EXPORT_SCHEMA

    return EXPORT_SCHEMA


def _migrated(name: str, item: dict[str, Any], schema: int) -> dict[str, Any]:
    """One entry of an older export brought forward with the store's own migrations."""
    from tui.store import schema as store_schema

    tables: dict[str, Any] = {"_meta": {"1": {"app": APP, "schema": schema}}, name: {"1": item}}
    try:
        store_schema.migrate(tables)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError("entry", f"cannot be read ({type(exc).__name__} {exc})") from None
    migrated: dict[str, Any] = tables[name]["1"]
    return migrated
