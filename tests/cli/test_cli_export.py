"""`gentle export`: one JSON object with the contract's field names; unknown formats refused."""

from __future__ import annotations

import json

import pytest
from gentle_cli import Gentle

CHECKIN_FIELDS = {"id", "date", "pain", "mood", "sleep_hours", "sleep_quality", "flare", "note"}
SESSION_FIELDS = {
    "id", "date", "kind", "minutes", "routine", "place", "with", "pain_before", "pain_after",
    "note",
}  # fmt: skip


@pytest.mark.parametrize("fmt", ["xml", "JSONL", ""])
def test_an_unknown_export_format_is_one_line_naming_the_format(seeded: Gentle, fmt: str) -> None:
    line = seeded.refused("export", "--format", fmt)
    assert "format" in line
    assert "json" in line and "csv" in line


def test_an_unknown_export_format_writes_no_output_file(gentle: Gentle) -> None:
    out = gentle.home / "out.xml"
    gentle.refused("export", "--format", "xml", "--output", out)
    assert not out.exists()
    assert not gentle.db.exists()


def test_export_json_is_one_object_with_the_contract_field_names(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "3", "--note", "ok")
    gentle.ok("log", "move", "walk", "20", "--with", "Sam", "--routine", "Park loop")
    gentle.ok("goal", "add", "Walks", "--per-week", "3")
    data = json.loads(gentle.ok("export", "--format", "json"))
    assert data["app"] == "gentle-flow"
    assert isinstance(data["schema"], int)
    (checkin,) = data["checkins"]
    assert set(checkin) == CHECKIN_FIELDS
    assert (checkin["pain"], checkin["mood"], checkin["note"]) == (3, None, "ok")
    (session,) = data["sessions"]
    assert set(session) == SESSION_FIELDS
    assert (session["with"], session["routine"], session["place"]) == ("Sam", "Park loop", None)
    assert [g["name"] for g in data["goals"]] == ["Walks"]


def test_the_same_demo_seed_gives_the_same_export(gentle: Gentle) -> None:
    first, second, other = (gentle.home / f"{n}.json" for n in ("first", "second", "other"))
    gentle.ok("demo", "--days", "45", "--seed", "3", db=first)
    gentle.ok("demo", "--days", "45", "--seed", "3", db=second)
    gentle.ok("demo", "--days", "45", "--seed", "4", db=other)
    exported = gentle.ok("export", "--format", "json", db=first)
    assert json.loads(exported)["sessions"]
    assert exported == gentle.ok("export", "--format", "json", db=second)
    assert exported != gentle.ok("export", "--format", "json", db=other)


def test_export_to_a_file_leaves_the_data_file_as_it_was(seeded: Gentle) -> None:
    before = seeded.db.read_bytes()
    out = seeded.home / "export.json"
    seeded.ok("export", "--format", "json", "--output", out)
    assert len(json.loads(out.read_bytes())["checkins"]) == len(seeded.data()["checkins"])
    assert seeded.db.read_bytes() == before
