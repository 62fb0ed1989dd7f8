"""`gentle history`, `edit`, `delete` and `undo`: her record, correctable from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gentle_cli import TODAY, Gentle

WALK_ID = "aaaa1111bbbb2222"
WALK_TWIN = "aaaa1111cccc3333"  # starts like the walk's id: "aaaa1111" alone is ambiguous
VIDEO_ID = "dddd4444eeee5555"
CHECKIN_ID = "ffff6666aaaa7777"
OLD_CHECKIN_ID = "bbbb8888cccc9999"


def session(**fields: Any) -> dict[str, Any]:
    doc = {"routine": None, "place": None, "with": None, "pain_before": None,
           "pain_after": None, "note": None}  # fmt: skip
    return {**doc, **fields}


def checkin(**fields: Any) -> dict[str, Any]:
    doc = {"pain": None, "mood": None, "sleep_hours": None, "sleep_quality": None,
           "flare": False, "note": None}  # fmt: skip
    return {**doc, **fields}


EXPORT = {
    "app": "gentle-flow",
    "schema": 3,
    "checkins": [
        checkin(id=OLD_CHECKIN_ID, date="2026-11-20", pain=6, flare=True),
        checkin(id=CHECKIN_ID, date="2026-11-22", pain=4, mood=3, note="slept ok"),
    ],
    "sessions": [
        session(id=WALK_ID, date="2026-11-21", kind="walk", minutes=200, place="Bellhouse Park"),
        session(id=WALK_TWIN, date="2026-11-21", kind="walk", minutes=15),
        session(id=VIDEO_ID, date="2026-11-22", kind="strength", minutes=10, routine="Chair"),
    ],
    "goals": [],
}


@pytest.fixture
def her(gentle: Gentle, tmp_path: Path) -> Gentle:
    """Her file, restored from an export with known ids (so the ids themselves can be tested)."""
    export = tmp_path / "export.json"
    export.write_text(json.dumps(EXPORT))
    assert gentle.ok("import", "json", export).startswith("Restored ")
    return gentle


def entries(gentle: Gentle, *args: str) -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(gentle.ok("history", "--json", *args))
    items: list[dict[str, Any]] = data["entries"]
    return items


def by_id(gentle: Gentle) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in entries(gentle)}


# -- ids ----------------------------------------------------------------------------------------


def test_an_export_restored_into_an_empty_file_keeps_its_ids(her: Gentle) -> None:
    exported = json.loads(her.ok("export", "--format", "json"))
    assert [c["id"] for c in exported["checkins"]] == [OLD_CHECKIN_ID, CHECKIN_ID]
    assert [s["id"] for s in exported["sessions"]] == [WALK_ID, WALK_TWIN, VIDEO_ID]


def test_every_logged_entry_gets_its_own_random_id(gentle: Gentle) -> None:
    gentle.ok("log", "move", "walk", "20")
    gentle.ok("log", "move", "walk", "20")
    gentle.ok("log", "checkin", "--pain", "3")
    ids = [e["id"] for e in entries(gentle)]
    assert len(set(ids)) == 3 and all(len(i) == 16 for i in ids)


# -- history ------------------------------------------------------------------------------------


def test_history_lists_days_newest_first_with_short_ids(her: Gentle) -> None:
    out = her.ok("history")
    lines = out.splitlines()
    assert lines[0] == "2026-11-22 Sun"
    assert lines[1].split()[:2] == [CHECKIN_ID[:8], "check-in"]
    assert "pain 4, mood 3, note: slept ok" in lines[1]
    assert lines[2].split()[:2] == [VIDEO_ID[:8], "session"]
    assert "200 min walk, at Bellhouse Park" in out
    assert out.index("2026-11-22") < out.index("2026-11-21") < out.index("2026-11-20")
    assert WALK_ID not in out  # shown short


def test_history_json_carries_id_type_date_and_the_contract_fields(her: Gentle) -> None:
    items = entries(her)
    assert [e["date"] for e in items] == sorted((e["date"] for e in items), reverse=True)
    first = items[0]
    assert first == {"id": CHECKIN_ID, "type": "checkin", "date": "2026-11-22",
                     "pain": 4, "mood": 3, "sleep_hours": None, "sleep_quality": None,
                     "flare": False, "note": "slept ok"}  # fmt: skip
    walk = by_id(her)[WALK_ID]
    assert list(walk)[:3] == ["id", "type", "date"] and walk["type"] == "session"
    assert (walk["kind"], walk["minutes"], walk["with"]) == ("walk", 200, None)


def test_history_from_and_to_keep_only_those_days(her: Gentle) -> None:
    assert {e["date"] for e in entries(her, "--from", "2026-11-21")} == {"2026-11-21", "2026-11-22"}
    assert {e["date"] for e in entries(her, "--to", "2026-11-20")} == {"2026-11-20"}
    assert her.ok("history", "--from", "2026-11-01", "--to", "2026-11-02") == (
        "No entries in that time.\n"
    )


def test_history_of_a_new_file_says_there_is_nothing_yet(gentle: Gentle) -> None:
    assert gentle.ok("history") == "No entries yet.\n"
    assert json.loads(gentle.ok("history", "--json")) == {"entries": []}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--from", "last week"], "from"),
        (["--to", "2026-11-24"], "to"),  # after today
        (["--from", "2026-11-22", "--to", "2026-11-21"], "from"),
    ],
)
def test_history_refuses_bad_dates(her: Gentle, args: list[str], field: str) -> None:
    assert her.refused("history", *args).startswith(f"gentle: {field}: ")


# -- edit ---------------------------------------------------------------------------------------


def test_the_200_minute_walk_is_fixed_to_20_by_its_short_id(her: Gentle) -> None:
    goal = her.ok("goal", "add", "Minutes", "--minutes-per-week", "300")
    assert "Minutes" in goal
    her.ok("edit", WALK_ID[:12], "--date", TODAY)  # into this week (weeks start on Monday)
    assert her.status()["goals"][0]["done"] == 200
    out = her.ok("edit", WALK_ID[:12], "--minutes", "20", "--with", "Sam")
    assert f"Changed the 200 min walk of {TODAY}" in out
    walk = by_id(her)[WALK_ID]
    assert (walk["minutes"], walk["with"], walk["place"]) == (20, "Sam", "Bellhouse Park")
    assert her.status()["goals"][0]["done"] == 20


def test_a_check_in_is_edited_moved_and_cleared(her: Gentle) -> None:
    her.ok("edit", CHECKIN_ID[:8], "--mood", "4", "--flare", "--sleep-hours", "7.5")
    her.ok("edit", CHECKIN_ID[:8], "--date", "2026-11-23", "--clear", "note")
    moved = by_id(her)[CHECKIN_ID]
    assert moved == {"id": CHECKIN_ID, "type": "checkin", "date": TODAY, "pain": 4, "mood": 4,
                     "sleep_hours": 7.5, "sleep_quality": None, "flare": True,
                     "note": None}  # fmt: skip
    her.ok("edit", CHECKIN_ID[:8], "--no-flare")
    assert by_id(her)[CHECKIN_ID]["flare"] is False


def test_a_session_moves_to_another_day_and_loses_a_field(her: Gentle) -> None:
    her.ok("edit", VIDEO_ID[:8], "--date", "2026-11-19", "--clear", "routine", "--kind", "stretch")
    video = by_id(her)[VIDEO_ID]
    assert (video["date"], video["routine"], video["kind"]) == ("2026-11-19", None, "stretch")


@pytest.mark.parametrize(
    ("args", "field", "says"),
    [
        (["nothing0", "--minutes", "20"], "id", "no check-in or session has the id"),
        (["aaaa1111", "--minutes", "20"], "id", "give more of it"),
        ([WALK_ID[:8] + "b", "--pain", "3"], "pain", "not a field of a session"),
        ([CHECKIN_ID[:8], "--minutes", "20"], "minutes", "not a field of a check-in"),
        ([CHECKIN_ID[:8], "--with", "Sam"], "with", "not a field of a check-in"),
        ([WALK_ID[:9], "--clear", "minutes"], "clear", "changed, not cleared"),
        ([WALK_ID[:9], "--clear", "kind"], "clear", "changed, not cleared"),
        ([WALK_ID[:9], "--clear", "mood"], "clear", "mood is not a field of a session"),
        ([WALK_ID[:9], "--clear", "date"], "clear", "date cannot be cleared"),
        ([WALK_ID[:9], "--minutes", "0"], "minutes", "1 to 600"),
        ([WALK_ID[:9], "--kind", "swim"], "kind", "walk, strength"),
        ([WALK_ID[:9], "--date", "2026-11-24"], "date", ""),
        ([CHECKIN_ID[:8], "--pain", "11"], "pain", "0 to 10"),
        ([CHECKIN_ID[:8], "--date", "2026-11-20"], "date", "one check-in a date"),
        ([OLD_CHECKIN_ID[:8], "--clear", "pain", "--clear", "flare"], "checkin", "delete"),
        ([CHECKIN_ID[:8]], "edit", "give a field to change"),
    ],
)
def test_edit_refuses_what_does_not_fit_in_one_line_and_leaves_the_file(
    her: Gentle, args: list[str], field: str, says: str
) -> None:
    line = her.refused("edit", *args)
    assert line.startswith(f"gentle: {field}: ") and says in line


def test_edit_without_an_id_is_a_usage_mistake(her: Gentle) -> None:
    assert "ID" in her.refused("edit")


# -- delete and undo ----------------------------------------------------------------------------


def test_delete_then_undo_brings_the_entry_back_exactly(her: Gentle) -> None:
    before = her.ok("export")
    out = her.ok("delete", VIDEO_ID[:8])
    assert out.startswith("Deleted the 10 min strength (Chair) of 2026-11-22")
    assert VIDEO_ID not in by_id(her)
    assert her.ok("undo") == "Undone delete: the 10 min strength (Chair) of 2026-11-22 is back.\n"
    assert VIDEO_ID in by_id(her)
    assert json.loads(her.ok("export"))["sessions"] == json.loads(before)["sessions"]


def test_delete_of_an_unknown_id_is_refused(her: Gentle) -> None:
    assert her.refused("delete", "12345678").startswith("gentle: id: ")
    assert "ID" in her.refused("delete")


def test_undo_takes_back_one_change_at_a_time_newest_first(gentle: Gentle) -> None:
    gentle.ok("log", "move", "walk", "200")
    (walk,) = entries(gentle)
    gentle.ok("edit", walk["id"][:8], "--minutes", "20")
    gentle.ok("goal", "add", "Walks", "--per-week", "3")
    listed = gentle.ok("undo", "--list").splitlines()
    assert listed[1].startswith("> ") and listed[1].endswith("goal add: the goal 'Walks'")
    assert "edit: the 200 min walk of 2026-11-23, minutes 200 to 20" in listed[2]

    assert gentle.ok("undo") == "Undone goal add: the goal 'Walks' is taken out again.\n"
    out = gentle.ok("undo")
    assert out == (
        "Undone edit: the 200 min walk of 2026-11-23 is back as it was "
        "(minutes 200 again, not 20).\n"
    )
    assert (
        gentle.ok("undo") == "Undone log move: the 200 min walk of 2026-11-23 is taken out again.\n"
    )
    assert gentle.ok("undo") == "Nothing to undo: every recorded change is undone.\n"
    assert entries(gentle) == [] and "(undone)" in gentle.ok("undo", "--list")


def test_undo_with_nothing_recorded_says_so(gentle: Gentle) -> None:
    assert gentle.ok("undo") == "Nothing to undo: every recorded change is undone.\n"
    assert gentle.ok("undo", "--list") == "No changes recorded yet.\n"


def test_an_import_into_her_data_is_one_change_and_one_undo(her: Gentle, tmp_path: Path) -> None:
    before = her.ok("export")
    other = dict(EXPORT, checkins=[checkin(date="2026-11-10", pain=2)],
                 sessions=[session(date="2026-11-10", kind="walk", minutes=30),
                           session(date="2026-11-11", kind="snack", minutes=3)])  # fmt: skip
    more = tmp_path / "more.json"
    more.write_text(json.dumps(other))
    her.ok("import", "json", more)
    assert len(entries(her)) == 5 + 3
    assert her.ok("undo") == (
        "Undone import json more.json: taken out again: 1 check-in, 2 sessions.\n"
    )
    assert her.ok("export") == before


def test_a_demo_is_undone_in_one_step(gentle: Gentle) -> None:
    gentle.ok("demo", "--days", "30")
    assert gentle.ok("undo") == "Undone demo (30 days): its entries are taken out.\n"
    assert entries(gentle) == []


def test_a_celebration_is_not_shown_again_when_a_deleted_session_is_logged_again(
    gentle: Gentle,
) -> None:
    for _ in range(9):
        gentle.ok("log", "move", "strength", "10", "--routine", "Chair")
    tenth = gentle.ok("log", "move", "strength", "10", "--routine", "Chair")
    assert "10 times: Chair!" in tenth
    gentle.ok("delete", entries(gentle)[0]["id"][:8])
    assert [r["count"] for r in gentle.status()["routines"]] == [9]
    again = gentle.ok("log", "move", "strength", "10", "--routine", "Chair")
    assert "the 10th time" in again and "10 times: Chair!" not in again


def test_help_names_the_history_commands(gentle: Gentle) -> None:
    out = gentle.ok("--help")
    assert all(word in out for word in ("history", "edit", "delete", "undo"))
    edit_help = gentle.ok("edit", "--help")
    assert all(flag in edit_help for flag in ("--pain", "--minutes", "--clear", "--no-flare"))


def test_a_restore_into_an_empty_file_is_one_small_change_that_undo_takes_back(her: Gentle) -> None:
    (restore,) = her.data()["changes"].values()
    assert len(json.dumps(restore)) < 500  # counts, not a second copy of every entry
    assert her.ok("undo") == (
        "Undone import json export.json (2 check-ins, 3 sessions, 0 goals): "
        "its entries are taken out.\n"
    )
    assert entries(her) == []
