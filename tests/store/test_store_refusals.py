"""A file that is not Gentle Flow data is refused in one line and never touched."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.core.models import Session
from tui.store import Store, StoreError

OURS = {"app": "gentle-flow", "schema": 2, "week_start": 0}
GOOD = orjson.dumps(
    {
        "_meta": {"1": OURS},
        "sessions": {"1": {"date": "2024-05-01", "kind": "walk", "minutes": 20, "note": "park"}},
        "checkins": {"1": {"date": "2024-05-01", "pain": 4, "mood": 3}},
    }
)

NOT_OURS = {
    "garbage bytes": b"\x89PNG\r\n\x1a\n\x00\xff\xfe not json at all",
    "truncated JSON": GOOD[: len(GOOD) // 2],
    "a JSON list": b"[1, 2, 3]",
    "a foreign JSON object": b'{"foo": 1}',
    "another TinyDB app's file": b'{"_default": {"1": {"name": "milk"}}}',
    "a file from a newer Gentle Flow": orjson.dumps(
        {"_meta": {"1": {"app": "gentle-flow", "schema": 99}}, "sessions": {}}
    ),
    "a table that is not a table": orjson.dumps({"_meta": {"1": OURS}, "sessions": [1, 2]}),
    "an entry that is not an object": orjson.dumps(
        {"_meta": {"1": OURS}, "sessions": {"1": {"date": "2024-05-01"}, "2": 5}}
    ),
}

DAMAGED = {
    "a session without a date": {"sessions": {"1": {"kind": "walk", "minutes": 5}}},
    "a check-in with a date that is not a date": {"checkins": {"1": {"date": "yesterday"}}},
    "a goal without its unit": {"goals": {"1": {"name": "Walks", "target": 3}}},
}


def assert_one_line_naming(error: StoreError, path: Path) -> None:
    message = str(error)
    assert "\n" not in message
    assert str(path) in message


@pytest.mark.parametrize("content", NOT_OURS.values(), ids=NOT_OURS.keys())
def test_a_file_that_is_not_gentle_flow_data_is_refused_and_left_untouched(
    db: Path, content: bytes
) -> None:
    db.write_bytes(content)
    with pytest.raises(StoreError) as refused:
        Store.open(db).journal()
    assert_one_line_naming(refused.value, db)
    assert db.read_bytes() == content
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]  # no backup, no temp file


def test_a_file_from_a_newer_version_says_to_upgrade(db: Path) -> None:
    db.write_bytes(NOT_OURS["a file from a newer Gentle Flow"])
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)


@pytest.mark.parametrize("tables", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_gentle_flow_file_with_a_damaged_entry_is_refused_in_one_line(
    db: Path, tables: dict[str, object]
) -> None:
    content = orjson.dumps({"_meta": {"1": OURS}, **tables})
    db.write_bytes(content)
    with pytest.raises(StoreError) as refused:
        Store.open(db).journal()
    assert_one_line_naming(refused.value, db)
    assert db.read_bytes() == content


def test_a_file_spoiled_while_the_app_is_open_is_not_overwritten_by_the_next_write(
    db: Path,
) -> None:
    db.write_bytes(GOOD)
    store = Store.open(db)
    assert len(store.journal().sessions) == 1
    spoiled = b'{"foo": 1}'
    db.write_bytes(spoiled)
    with pytest.raises(StoreError) as refused:
        store.add_session(Session(date=date(2024, 5, 2), kind="walk", minutes=10))
    assert_one_line_naming(refused.value, db)
    assert db.read_bytes() == spoiled


@pytest.mark.parametrize("content", NOT_OURS.values(), ids=NOT_OURS.keys())
@pytest.mark.parametrize(
    "command", [["status"], ["log", "move", "walk", "20"]], ids=["status", "log move"]
)
def test_the_command_line_refuses_a_file_that_is_not_ours_in_one_line_with_exit_1(
    db: Path, content: bytes, command: list[str]
) -> None:
    db.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *command],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert str(db) in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == content
