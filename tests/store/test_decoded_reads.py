"""A file known to be good is opened without parsing it, and a one-shot reader's recent weeks are
decoded straight from its bytes (`Store.recent`, as `gentle screenshot` and `gentle report` read):
the same journal and the same years in brief as parsing the file and building from it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.demo import generate
from tui.core.earlier import Recent
from tui.core.models import Journal, Session
from tui.store import Store
from tui.store.disk import checked_marker, digest
from tui.store.documents import build_journal, decoded_recent, earlier_of
from tui.store.storage import AtomicStorage

END = date(2024, 5, 31)


def _parsed_recent(path: Path, since: date) -> Recent:
    """What the usual read gives: the file parsed into documents, then built."""
    data = orjson.loads(path.read_bytes())
    return Recent(build_journal(data, since), earlier_of(data, since))


def _ids(recent: Recent) -> tuple[list[str], list[str]]:
    journal = recent.journal
    return [c.id for c in journal.checkins.values()], [s.id for s in journal.sessions]


def _written(folder: Path, journal: Journal) -> Path:
    path = folder / "gentle.json"
    Store.open(path).replace_journal(journal)
    return path


def _five_years_and_late_imports(folder: Path) -> Path:
    """Five years of demo life, then old sessions added last (out of date order in the file,
    the routine typed another way, a companion), then a day's check-in logged twice."""
    path = _written(folder, generate(1830, 11, END))
    store = Store.open(path)
    days = sorted({s.date for s in store.journal().sessions})[::97]
    store.add_sessions(
        Session(date=d, kind="strength", minutes=10, routine="Lower Body strength", companion="Ma")
        for d in days
    )
    store.log_checkin(END - timedelta(days=3), {"pain": 2, "note": "a calm day"})
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    make = tmp_path_factory.mktemp
    return {
        "a year of demo life": _written(make("year"), generate(365, 3, END)),
        "five years and late imports": _five_years_and_late_imports(make("five")),
        "only old entries": _written(make("old"), generate(200, 5, END - timedelta(days=900))),
        "empty journal": _written(make("empty"), Journal()),
    }


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(
        ["a year of demo life", "five years and late imports", "only old entries", "empty journal"]
    ),
    days_back=st.integers(-10, 2000),
)
def test_recent_weeks_decoded_from_the_bytes_are_the_parsed_ones(
    files: dict[str, Path], name: str, days_back: int
) -> None:
    path = files[name]
    since = END - timedelta(days=days_back)
    store = Store.open(path)
    assert store._storage.loads == 0  # opened without parsing: the marker names these bytes
    decoded = store.recent(since)
    assert store._storage.loads == 0  # and decoded, not parsed
    parsed = _parsed_recent(path, since)
    assert decoded.journal == parsed.journal
    assert decoded.earlier == parsed.earlier
    assert _ids(decoded) == _ids(parsed)  # an entry's id is not part of its value: compared too


def test_a_store_opened_unparsed_parses_once_when_a_whole_read_needs_the_file(
    files: dict[str, Path], reads_of: Callable[[Path], list[Path]]
) -> None:
    path = files["five years and late imports"]
    stored = orjson.loads(path.read_bytes())
    store = Store.open(path)
    reads = reads_of(path)
    whole = store.journal()
    assert store._storage.loads == 1
    assert reads == []  # the bytes read at open were parsed, not read again
    assert whole == build_journal(stored)


def test_a_file_not_known_to_be_good_is_parsed_and_checked_at_open_then_known(
    files: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "gentle.json"
    path.write_bytes(files["a year of demo life"].read_bytes())  # no marker beside it
    assert not checked_marker(path).exists()
    assert Store.open(path)._storage.loads == 1
    assert checked_marker(path).exists()  # it passed every check
    assert Store.open(path)._storage.loads == 0


def test_an_old_schema_file_known_to_be_good_is_still_parsed_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "gentle.json"
    old = {
        "_meta": {"1": {"app": "gentle-flow", "schema": 2, "week_start": 0}},
        "checkins": {"1": {"id": "a1", "date": "2024-05-30", "pain": 4, "flare": False}},
    }
    raw = orjson.dumps(old)
    path.write_bytes(raw)
    checked_marker(path).write_bytes(AtomicStorage.CHECKS + b" " + digest(raw))
    store = Store.open(path)
    assert store._storage.loads >= 1
    assert orjson.loads(path.read_bytes())["_meta"]["1"]["schema"] == 3
    assert store.journal().checkins[date(2024, 5, 30)].pain == 4


def test_bytes_that_do_not_decode_as_her_entries_are_read_the_usual_way(tmp_path: Path) -> None:
    # A marked file whose check-in says its pain in words: not what a check-in decodes from,
    # so the reader parses the file and builds from its documents instead of failing.
    path = tmp_path / "gentle.json"
    data = {
        "_meta": {"1": {"app": "gentle-flow", "schema": 3, "week_start": 0}},
        "checkins": {"1": {"id": "a1", "date": "2024-05-30", "pain": "four", "flare": False}},
    }
    raw = orjson.dumps(data)
    path.write_bytes(raw)
    checked_marker(path).write_bytes(AtomicStorage.CHECKS + b" " + digest(raw))
    assert decoded_recent(raw, END - timedelta(days=30)) is None
    store = Store.open(path)
    recent = store.recent(END - timedelta(days=30))
    assert store._storage.loads == 1
    assert recent.journal.checkins[date(2024, 5, 30)].pain == "four"  # as the parsed read has it


def test_a_file_replaced_after_an_unparsed_open_is_read_anew(
    files: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "gentle.json"
    path.write_bytes(files["a year of demo life"].read_bytes())
    Store.open(path)  # checked and marked
    store = Store.open(path)
    assert store._storage.unparsed() is not None
    other = Store.open(tmp_path / "other.json")
    other.replace_journal(generate(30, 9, END))
    (tmp_path / "other.json").replace(path)  # another program's replace: a new inode
    assert store._storage.unparsed() is None
    recent = store.recent(END - timedelta(days=60))
    assert recent.journal == _parsed_recent(path, END - timedelta(days=60)).journal
    assert len(recent.journal.checkins) <= 30


def test_letting_go_after_a_decoded_read_keeps_nothing_of_the_file(
    files: dict[str, Path],
) -> None:
    store = Store.open(files["a year of demo life"])
    store.recent(END - timedelta(days=30), let_go=True)
    assert store._storage.unparsed() is None
    assert store._storage.cached is None


def _same_stamp_replacement(path: Path, new: bytes) -> None:
    """Another writer's version with our inode, size and mtime (ext4 hands inodes out again, and
    mtimes move in steps), its marker renewed as every writer of ours does."""
    stat = path.stat()
    with path.open("r+b") as handle:
        handle.write(new)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    checked_marker(path).write_bytes(AtomicStorage.CHECKS + b" " + digest(new))


def test_a_same_stamp_write_by_another_process_after_an_unparsed_open_is_kept(
    tmp_path: Path,
) -> None:
    # Found in review: parsing the kept bytes re-marked them, so the next write trusted them.
    path = tmp_path / "gentle.json"
    Store.open(path).log_checkin(date(2024, 1, 1), {"pain": 3})
    ours = Store.open(path)  # kept unparsed
    theirs = path.read_bytes().replace(b'"pain":3', b'"pain":7')
    _same_stamp_replacement(path, theirs)
    assert ours._storage.unparsed() is None  # not her file's version any more
    assert ours.journal().checkins[date(2024, 1, 1)].pain == 7
    ours.log_checkin(date(2024, 1, 2), {"pain": 1})
    stored = orjson.loads(path.read_bytes())["checkins"].values()
    assert {d["date"]: d["pain"] for d in stored} == {"2024-01-01": 7, "2024-01-02": 1}


def test_a_known_good_file_nested_too_deep_to_decode_is_read_the_usual_way(
    tmp_path: Path,
) -> None:
    # Found in review: msgspec stops at a depth orjson still reads (an unknown key's value).
    path = tmp_path / "gentle.json"
    deep = b"[" * 1000 + b"]" * 1000
    path.write_bytes(
        b'{"_meta":{"1":{"app":"gentle-flow","schema":3,"week_start":0}},'
        b'"checkins":{"1":{"id":"a","date":"2024-05-01","pain":3,"extra":' + deep + b"}}}"
    )
    Store.open(path)  # parsed, checked and marked
    recent = Store.open(path).recent(date(2024, 1, 1))  # opened unparsed
    assert recent.journal.checkins[date(2024, 5, 1)].pain == 3


def test_a_report_s_week_start_is_read_without_parsing_the_file(
    files: dict[str, Path],
) -> None:
    store = Store.open(files["five years and late imports"])
    assert store.week_start() == 0
    store.recent(END - timedelta(days=84))
    assert store._storage.loads == 0  # the report's reads, decoded: nothing parsed


def test_sleep_stored_in_whole_hours_decodes_as_the_parsed_read_has_it(tmp_path: Path) -> None:
    path = tmp_path / "gentle.json"
    path.write_bytes(
        b'{"_meta":{"1":{"app":"gentle-flow","schema":3,"week_start":0}},'
        b'"checkins":{"1":{"id":"a","date":"2024-05-01","sleep_hours":7,"flare":false}}}'
    )
    Store.open(path)  # parsed, checked and marked
    store = Store.open(path)
    decoded = store.recent(date(2024, 1, 1))
    assert store._storage.loads == 0
    assert decoded.journal == _parsed_recent(path, date(2024, 1, 1)).journal
    assert decoded.journal.checkins[date(2024, 5, 1)].sleep_hours == 7
