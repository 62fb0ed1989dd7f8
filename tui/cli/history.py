"""`gentle history`, `gentle edit`, `gentle delete` and `gentle undo`: her record, correctable."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from tui.cli.base import add_checkin_flags, add_session_flags, span
from tui.core.errors import InputError

if TYPE_CHECKING:
    from tui.store import Store

# `gentle edit` flags and the contract field each one sets.
CHECKIN_FLAGS = ("pain", "mood", "sleep_hours", "sleep_quality", "flare")
SESSION_FLAGS = ("kind", "minutes", "routine", "place", "with_", "pain_before", "pain_after")


def _shown(text: str) -> str:
    """User text on one terminal line: control characters (a newline in a note) escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def cmd_history(args: argparse.Namespace, store: Store) -> int:
    from tui.core.history import entry_json, entry_type, line
    from tui.core.ids import short_id
    from tui.core.models import check_date

    start = check_date(args.start, "from") if args.start is not None else None
    end = check_date(args.end, "to") if args.end is not None else None
    if start is not None and end is not None and start > end:
        raise InputError("from", f"must be on or before --to {end.isoformat()}, got {start}")
    days = store.history(start, end)
    if args.json:
        items = [entry_json(entry) for _, entries in days for entry in entries]
        print(json.dumps({"entries": items}, ensure_ascii=False, indent=2))
        return 0
    if not days:
        print("No entries yet." if start is None and end is None else "No entries in that time.")
        return 0
    for day, entries in days:
        print(f"{day.isoformat()} {day.strftime('%a')}")
        for entry in entries:
            kind = "check-in" if entry_type(entry) == "checkin" else "session"
            print(f"  {short_id(entry.id)}  {kind:8}  {_shown(line(entry))}")
    return 0


def cmd_edit(args: argparse.Namespace, store: Store) -> int:
    from tui.core.history import describe, line

    values: dict[str, Any] = {}
    for name in ("date", "note", *CHECKIN_FLAGS, *SESSION_FLAGS):
        value = getattr(args, name)
        if value is not None:
            values["with" if name == "with_" else name] = value
    if not values and not args.clear:
        raise InputError("edit", "give a field to change (e.g. --minutes 20) or --clear FIELD")
    old, new = store.edit_entry(args.id, values, args.clear or ())
    if old == new and old.date == new.date:
        print(f"Nothing to change: {describe(old)} already says that.")
        return 0
    print(f"Changed {describe(old)}: now {_shown(line(new))} on {new.date.isoformat()}.")
    print("`gentle undo` takes it back.")
    return 0


def cmd_delete(args: argparse.Namespace, store: Store) -> int:
    from tui.core.history import describe

    old = store.delete_entry(args.id)
    print(f"Deleted {_shown(describe(old))}. `gentle undo` brings it back.")
    return 0


def cmd_undo(args: argparse.Namespace, store: Store) -> int:
    from tui.core.changes import next_to_undo, summary

    if args.list:
        changes = store.changes()
        if not changes:
            print("No changes recorded yet.")
            return 0
        upcoming = next_to_undo(changes)
        print("Newest first; `gentle undo` takes back the one marked >.")
        for change in reversed(changes):
            mark = ">" if change is upcoming else " "
            undone = "  (undone)" if change.undone else ""
            when = change.time[:16].replace("T", " ")
            print(f"{mark} {when}  {_shown(summary(change))}{undone}")
        return 0
    message = store.undo()
    print(_shown(message) if message else "Nothing to undo: every recorded change is undone.")
    return 0


def add_parsers(sub: Any, command: str) -> None:
    """Register `command`: `history`, `edit`, `delete` or `undo`."""
    {"history": _add_history, "edit": _add_edit, "delete": _add_delete, "undo": _add_undo}[command](
        sub
    )


def _add_history(sub: Any) -> None:
    history = sub.add_parser("history", help="your entries, newest first, each with its id")
    history.add_argument("--from", dest="start", metavar="D", help="YYYY-MM-DD, the first day")
    history.add_argument("--to", dest="end", metavar="D", help="YYYY-MM-DD, the last day")
    history.add_argument("--json", action="store_true", help='as JSON: {"entries": [...]}')
    history.set_defaults(handler=cmd_history)


def _add_edit(sub: Any) -> None:
    from tui.core.models import KINDS, MINUTES

    edit = sub.add_parser(
        "edit", help="change fields of one check-in or session (see gentle history for ids)"
    )
    edit.add_argument("id", metavar="ID", help="the entry's id, or its first characters")
    edit.add_argument("--date", help="YYYY-MM-DD: move the entry to that day")
    edit.add_argument("--note")
    add_checkin_flags(edit.add_argument_group("check-in fields"))
    session = edit.add_argument_group("session fields")
    session.add_argument("--kind", help=" | ".join(KINDS))
    session.add_argument("--minutes", help=span(MINUTES))
    add_session_flags(session)
    edit.add_argument(
        "--clear",
        action="append",
        metavar="FIELD",
        help="empty a field (e.g. --clear note); repeatable",
    )
    edit.set_defaults(handler=cmd_edit)


def _add_delete(sub: Any) -> None:
    delete = sub.add_parser("delete", help="remove one check-in or session (undo brings it back)")
    delete.add_argument("id", metavar="ID", help="the entry's id, or its first characters")
    delete.set_defaults(handler=cmd_delete)


def _add_undo(sub: Any) -> None:
    undo = sub.add_parser("undo", help="take back the newest change (again: the one before)")
    undo.add_argument("--list", action="store_true", help="show the recorded changes")
    undo.set_defaults(handler=cmd_undo)
