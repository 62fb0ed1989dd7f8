"""The change record's rules: apply by ids, undo as the inverse, and the words an undo says."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tui.core.changes import (
    Change,
    ChangeConflict,
    DocTables,
    Op,
    apply,
    invert,
    next_to_undo,
    summary,
    undo_message,
)

WALK = {"id": "aaaa1111bbbb2222", "date": "2026-11-20", "kind": "walk", "minutes": 200}
STRETCH = {"id": "cccc3333dddd4444", "date": "2026-11-21", "kind": "stretch", "minutes": 10}
CHECKIN = {"id": "eeee5555ffff6666", "date": "2026-11-21", "pain": 4, "flare": False}


def file_with(**tables: list[dict[str, Any]]) -> dict[str, Any]:
    """Data laid out as the file holds it: numbered documents per table."""
    return {name: {str(i): dict(d) for i, d in enumerate(docs, 1)} for name, docs in tables.items()}


def docs(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return list(data.get(table, {}).values())


def change(*ops: Op, what: str = "edit", demo: dict[str, Any] | None = None) -> Change:
    reset = {"demo": demo} if demo is not None else None
    return Change("c1", "2026-11-23T09:00:00+00:00", what, ops, reset)


def test_an_edit_finds_the_entry_by_its_id_and_it_keeps_its_place() -> None:
    data = file_with(sessions=[STRETCH, WALK, {**STRETCH, "id": "9999888877776666"}])
    fixed = {**WALK, "minutes": 20}
    (done,) = apply(DocTables(data), [Op("sessions", before={"id": WALK["id"]}, after=fixed)])
    assert done.before == WALK  # the record keeps what was really there, not what was asked
    assert list(data["sessions"]) == ["1", "2", "3"]
    assert data["sessions"]["2"] == fixed


def test_undo_applies_the_inverse_newest_operation_first() -> None:
    data = file_with(sessions=[WALK])
    original = copy.deepcopy(data)
    made = change(
        Op("sessions", WALK, {**WALK, "minutes": 20}),
        Op("sessions", None, STRETCH),
        Op("checkins", None, CHECKIN),
    )
    tables = DocTables(data)
    apply(tables, made.ops)
    assert len(docs(data, "sessions")) == 2 and docs(data, "checkins") == [CHECKIN]
    apply(tables, invert(made))
    assert data["sessions"] == original["sessions"]
    assert docs(data, "checkins") == []


def test_undoing_an_import_takes_every_entry_it_added_out_and_puts_back_what_it_filled_in() -> None:
    data = file_with(checkins=[CHECKIN])
    filled = {**CHECKIN, "mood": 3}
    imported = [{**WALK, "id": f"{i:016x}", "date": f"2026-10-{i:02d}"} for i in range(1, 31)]
    made = change(
        Op("checkins", CHECKIN, filled),
        *(Op("sessions", None, doc) for doc in imported),
        Op("goals", None, {"name": "Walks", "unit": "sessions", "target": 3}),
        what="import json backup.json",
    )
    tables = DocTables(data)
    apply(tables, made.ops)
    assert len(docs(data, "sessions")) == 30 and docs(data, "checkins") == [filled]
    back = apply(tables, invert(made))
    assert docs(data, "sessions") == [] and docs(data, "goals") == []
    assert docs(data, "checkins") == [CHECKIN]
    assert summary(made) == "import json backup.json: 1 check-in, 30 sessions, 1 goal"
    assert undo_message(made, back) == (
        "Undone import json backup.json: as they were: 1 check-in; "
        "taken out again: 30 sessions, 1 goal."
    )


def test_goals_are_found_by_name_so_a_renamed_goal_comes_back_under_its_old_name() -> None:
    old = {"name": "Walks", "unit": "sessions", "target": 2}
    data = file_with(goals=[old])
    renamed = change(Op("goals", old, {**old, "name": "Park walks", "target": 3}))
    tables = DocTables(data)
    apply(tables, renamed.ops)
    apply(tables, invert(renamed))
    assert docs(data, "goals") == [old]


def test_undoing_a_demo_empties_the_tables_and_puts_back_what_it_replaced() -> None:
    data = file_with(sessions=[WALK], goals=[{"name": "Mine", "unit": "sessions", "target": 1}])
    tables = DocTables(data)
    replaced = apply(tables, [Op("sessions", WALK, None)])
    data["sessions"].update({"7": STRETCH})
    data["goals"] = {"1": {"name": "Walks", "unit": "sessions", "target": 2}}
    demo = change(*replaced, what="demo", demo={"days": 120, "seed": 0, "end": "2026-11-23"})
    back = apply(DocTables(data), invert(demo))
    assert docs(data, "sessions") == [WALK] and docs(data, "goals") == []
    assert undo_message(demo, back) == (
        "Undone demo (120 days): its entries are taken out; back: 1 session."
    )


def test_an_operation_on_an_entry_that_is_gone_is_a_conflict_not_a_silent_loss() -> None:
    data = file_with(sessions=[STRETCH])
    with pytest.raises(ChangeConflict, match="no longer there"):
        apply(DocTables(data), [Op("sessions", WALK, None)])
    with pytest.raises(ChangeConflict, match="there already"):
        apply(DocTables(data), [Op("sessions", None, STRETCH)])


def test_the_next_change_to_undo_is_the_newest_not_yet_undone() -> None:
    first, second, third = (Change(str(i), "t", "log move") for i in range(3))
    undone = Change("3", "t", "delete", undone="2026-11-23T10:00:00+00:00")
    assert next_to_undo([first, second, third, undone]) is third
    assert next_to_undo([undone]) is None


def test_a_change_survives_its_trip_through_the_file() -> None:
    made = change(Op("sessions", WALK, None), what="delete")
    assert Change.from_dict(made.to_dict()) == made


def test_an_undo_says_in_words_what_came_back() -> None:
    edit = change(Op("sessions", WALK, {**WALK, "minutes": 20}))
    assert summary(edit) == "edit: the 200 min walk of 2026-11-20, minutes 200 to 20"
    back = apply(DocTables(file_with(sessions=[{**WALK, "minutes": 20}])), invert(edit))
    assert undo_message(edit, back) == (
        "Undone edit: the 200 min walk of 2026-11-20 is back as it was (minutes 200 again, not 20)."
    )
    delete = change(Op("sessions", WALK, None), what="delete")
    back = apply(DocTables(file_with()), invert(delete))
    assert undo_message(delete, back) == "Undone delete: the 200 min walk of 2026-11-20 is back."
