"""A writer process the store tests start, kill and run side by side.

    store_writer.py append FILE TAG          add sessions for ever; print each note once written
    store_writer.py parallel FILE TAG N DATE FIELD VALUE
                                             wait for a line on stdin, add N sessions and merge
                                             one check-in field into DATE; print each note
    store_writer.py session FILE NOTE        add one session

Each printed line means the write it names had returned (so it must be on disk).
"""

from __future__ import annotations

import json
import sys
from datetime import date

from tui.core.models import Session
from tui.store import Store

DAY = date(2024, 1, 1)


def session(note: str) -> Session:
    """A small session whose note identifies it."""
    return Session(date=DAY, kind="walk", minutes=5, note=note)


def say(line: str) -> None:
    print(line, flush=True)


def append(path: str, tag: str) -> None:
    """Every third round writes two sessions in one transaction (both or neither must survive)."""
    store = Store.open(path)
    say("ready")
    i = 0
    while True:
        if i % 3 == 2:
            with store.transaction():
                store.add_session(session(f"{tag}-{i}-a"))
                store.add_session(session(f"{tag}-{i}-b"))
            say(f"pair {tag}-{i}")
        else:
            store.add_session(session(f"{tag}-{i}"))
            say(f"one {tag}-{i}")
        i += 1


def parallel(path: str, tag: str, count: int, day: str, field: str, value: str) -> None:
    store = Store.open(path)
    say("ready")
    sys.stdin.readline()
    for i in range(count):
        store.add_session(session(f"{tag}-{i}"))
        say(f"one {tag}-{i}")
        if i == count // 2:
            store.log_checkin(date.fromisoformat(day), {field: json.loads(value)})
            say(f"checkin {day} {field}")


def main(argv: list[str]) -> None:
    command, path, *rest = argv
    if command == "append":
        append(path, rest[0])
    elif command == "parallel":
        parallel(path, rest[0], int(rest[1]), rest[2], rest[3], rest[4])
    elif command == "session":
        Store.open(path).add_session(session(rest[0]))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
