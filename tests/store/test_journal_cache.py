"""The store's cached journal, patched by its own writes, always equals one built from the file."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from tui.core.errors import FileProblem, InputError
from tui.core.models import Checkin, Goal, Journal, Session
from tui.core.peg import Peg
from tui.store import Store, documents
from tui.store.documents import build_journal

START = date(2024, 5, 1)
DAYS = 12  # few dates, so that writes land on the same dates and weeks often


def rebuilt(path: Path) -> Journal:
    """The journal as a fresh read of the file gives it."""
    return build_journal(orjson.loads(path.read_bytes()))


def same(patched: Journal, fresh: Journal) -> None:
    assert patched == fresh
    assert list(patched.checkins) == list(fresh.checkins)  # dict order, which == ignores


day_st = st.integers(0, DAYS - 1).map(lambda n: START + timedelta(days=n))
kind_st = st.sampled_from(["walk", "strength", "stretch", "snack", "other"])
routine_st = st.sampled_from([None, "Lower Body", "lower body ", "Park loop"])
op_st = st.one_of(
    st.tuples(
        st.just("checkin"),
        day_st,
        st.fixed_dictionaries(
            {},
            optional={
                "pain": st.integers(0, 10),
                "mood": st.integers(1, 5),
                "flare": st.booleans(),
                "note": st.sampled_from(["ok", "[b]x"]),
            },
        ),
    ),
    st.tuples(st.just("session"), day_st, kind_st, st.integers(1, 90), routine_st),
    st.tuples(st.just("sessions"), day_st, st.integers(1, 3)),
    st.tuples(st.just("put_checkins"), st.lists(day_st, max_size=3, unique=True)),
    st.tuples(st.just("edit"), st.integers(0, 50), st.integers(1, 60), day_st),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("goal"), st.sampled_from(["Walks", "walks", "Move"]), st.integers(1, 7)),
    st.tuples(st.just("step"), st.sampled_from(["Walks", "Move"])),
    st.tuples(st.just("remove_goal"), st.sampled_from(["Walks", "Move"])),
    st.tuples(st.just("peg"), day_st, st.integers(0, 10)),
    st.tuples(st.just("celebrate"), routine_st, st.sampled_from([10, 25])),
    st.tuples(st.just("undo")),
    st.tuples(st.just("week_start"), st.integers(0, 6)),
)


def run(store: Store, op: tuple[Any, ...]) -> None:
    name, *args = op
    if name == "checkin":
        day, values = args
        if values:
            store.log_checkin(day, values)
    elif name == "session":
        day, kind, minutes, routine = args
        store.add_session(Session(date=day, kind=kind, minutes=minutes, routine=routine))
    elif name == "sessions":
        day, n = args
        store.add_sessions(Session(date=day, kind="snack", minutes=2 + i) for i in range(n))
    elif name == "put_checkins":
        store.put_checkins(Checkin(date=d, pain=3, mood=4) for d in args[0])
    elif name in ("edit", "delete"):
        journal = store.journal()
        entries = [*journal.checkins.values(), *journal.sessions]
        if not entries:
            return
        entry = entries[args[0] % len(entries)]
        if name == "delete":
            store.delete_entry(entry.id)
        elif isinstance(entry, Session):
            store.edit_entry(entry.id, {"minutes": args[1]})
            if args[1] % 3 == 0:  # sometimes to another date
                store.edit_entry(entry.id, {"date": args[2]})
        else:
            store.edit_entry(entry.id, {"pain": args[1] % 11})
    elif name == "goal":
        goal = Goal.create(name=args[0], per_week=args[1], created=START)
        store.save_goal(goal)
    elif name == "step":
        store.update_goal(args[0], lambda g: replace(g, target=g.target + 1))
    elif name == "remove_goal":
        store.remove_goal(args[0])
    elif name == "peg":
        store.log_peg(Peg(date=args[0], pain=args[1], enjoyment=5, activity=6))
    elif name == "celebrate":
        if args[0]:
            store.mark_celebrated(args[0], args[1])
    elif name == "undo":
        store.undo()
    elif name == "week_start":
        store.set_week_start(args[0])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ops=st.lists(op_st, min_size=1, max_size=25))
def test_random_writes_leave_the_cached_journal_equal_to_one_built_from_the_file(
    ops: list[tuple[Any, ...]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gentle.json"
        store = Store.open(path)
        for op in ops:
            store.journal()  # cached before each write, so that the write patches it
            # Refused (a name taken, a date with a check-in already): nothing written.
            with contextlib.suppress(InputError, FileProblem):
                run(store, op)
            if path.exists():
                same(store.journal(), rebuilt(path))


def test_a_save_patches_the_journal_instead_of_rebuilding_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db)
    store.add_sessions(
        Session(date=START + timedelta(days=i), kind="walk", minutes=9) for i in range(5)
    )
    before = store.journal()
    builds: list[int] = []
    real = documents.build_journal

    def counted(data: dict[str, Any]) -> Journal:
        builds.append(1)
        return real(data)

    monkeypatch.setattr("tui.store.db.build_journal", counted)
    store.log_checkin(START, {"pain": 4})
    store.add_session(Session(date=START + timedelta(days=2), kind="stretch", minutes=5))
    after = store.journal()

    assert builds == []  # patched, not rebuilt
    assert after is not before  # a new journal: screens see that it changed
    assert after.checkins[START].pain == 4
    assert [s.kind for s in after.sessions] == ["walk", "walk", "walk", "stretch", "walk", "walk"]
    assert before.checkins == {}  # the journal a screen still shows is left as it was
    same(after, rebuilt(db))


def test_a_write_the_record_does_not_see_makes_the_next_read_rebuild(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db)
    store.add_session(Session(date=START, kind="walk", minutes=9, routine="Park loop"))
    store.journal()
    store.mark_celebrated("Park loop", 10)
    assert ("park loop", 10) in store.journal().celebrated
    store.set_week_start(6)
    assert store.journal().week_start == 6


def test_after_letting_go_of_the_parsed_file_the_journal_stays_current(db: Path) -> None:
    store = Store.open(db)
    store.add_session(Session(date=START, kind="walk", minutes=9))
    store.let_go_of_file_data()
    assert store.journal().sessions[0].minutes == 9  # still here, from the journal alone

    other = Store.open(db)  # another window writes
    other.log_checkin(START, {"pain": 2})
    assert store.journal().checkins[START].pain == 2

    store.let_go_of_file_data()
    store.add_session(Session(date=START, kind="stretch", minutes=4))  # parses the file again
    same(store.journal(), rebuilt(db))
    assert [s.kind for s in rebuilt(db).sessions] == ["walk", "stretch"]
