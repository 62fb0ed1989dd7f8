"""`gentle log peg`: the weekly PEG check from the command line, in status and in the backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gentle_cli import Gentle


def test_a_peg_check_is_saved_for_the_week_and_shown_in_status(gentle: Gentle) -> None:
    out = gentle.ok("log", "peg", "5", "4", "6")
    assert out == (
        "PEG check for the week of 2026-11-23 saved: pain 5, enjoyment 4, activity 6; score 5.0.\n"
    )
    assert gentle.status()["peg"] == {
        "week": "2026-11-23",
        "date": "2026-11-23",
        "pain": 5,
        "enjoyment": 4,
        "activity": 6,
        "score": 5.0,
    }


def test_status_has_no_peg_before_one_is_given_this_week(gentle: Gentle) -> None:
    gentle.ok("log", "peg", "5", "4", "6", "--date", "2026-11-22")  # last week (a Sunday)
    assert gentle.status()["peg"] is None


def test_a_second_answer_in_the_same_week_replaces_the_first(gentle: Gentle) -> None:
    gentle.ok("log", "peg", "7", "7", "8", "--date", "2026-11-16")
    gentle.ok("log", "peg", "5", "5", "5", "--date", "2026-11-23")
    out = gentle.ok("log", "peg", "6", "5", "5", "--date", "2026-11-19")
    assert "It replaces the answer of 2026-11-16." in out
    stored = sorted(d["date"] for d in gentle.data()["peg"].values())
    assert stored == ["2026-11-19", "2026-11-23"]
    assert gentle.status()["peg"]["score"] == 5.0


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["11", "4", "6"], "pain"),
        (["5", "-1", "6"], "enjoyment"),
        (["5", "4", "six"], "activity"),
        (["5", "4", "6.5"], "activity"),
    ],
)
def test_a_value_outside_0_to_10_is_refused_in_one_line(
    gentle: Gentle, args: list[str], field: str
) -> None:
    gentle.ok("log", "peg", "3", "3", "3", "--date", "2026-11-16")  # the file exists
    line = gentle.refused("log", "peg", *args)
    assert line.startswith(f"gentle: {field}: must be a whole number from 0 to 10")


def test_a_future_date_and_missing_items_are_refused(gentle: Gentle) -> None:
    assert "date" in gentle.refused("log", "peg", "1", "2", "3", "--date", "2026-11-24")
    assert "ACTIVITY" in gentle.refused("log", "peg", "1", "2")


def test_the_answers_travel_with_the_json_backup(gentle: Gentle, tmp_path: Path) -> None:
    gentle.ok("log", "peg", "6", "5", "7", "--date", "2026-11-16")
    gentle.ok("log", "peg", "4", "4", "5")
    exported = json.loads(gentle.ok("export", "--format", "json"))
    assert exported["peg"] == [
        {"date": "2026-11-16", "pain": 6, "enjoyment": 5, "activity": 7},
        {"date": "2026-11-23", "pain": 4, "enjoyment": 4, "activity": 5},
    ]
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(exported))
    restored = Gentle(tmp_path / "other")
    (tmp_path / "other").mkdir()
    restored.ok("import", "json", backup)
    assert json.loads(restored.ok("export", "--format", "json"))["peg"] == exported["peg"]
    # Into a file with answers of its own: hers are kept, only unanswered weeks are added.
    mine = Gentle(tmp_path / "mine")
    (tmp_path / "mine").mkdir()
    mine.ok("log", "peg", "2", "2", "2", "--date", "2026-11-20")
    out = mine.ok("import", "json", backup)
    assert "PEG checks 1 added" in out
    assert [p["date"] for p in json.loads(mine.ok("export"))["peg"]] == [
        "2026-11-20",
        "2026-11-23",
    ]


def test_a_damaged_answer_in_a_backup_is_refused_naming_it(gentle: Gentle, tmp_path: Path) -> None:
    backup = tmp_path / "bad.json"
    backup.write_text(
        json.dumps(
            {
                "app": "gentle-flow",
                "schema": 2,
                "checkins": [],
                "sessions": [],
                "goals": [],
                "peg": [{"date": "2026-11-16", "pain": 12, "enjoyment": 1, "activity": 1}],
            }
        )
    )
    line = gentle.refused("import", "json", backup, code=1)
    assert "peg[0]: pain: must be a whole number from 0 to 10" in line


def test_the_demo_answers_most_weeks_but_leaves_this_one_open(gentle: Gentle) -> None:
    gentle.ok("demo")
    answers = json.loads(gentle.ok("export"))["peg"]
    assert 12 <= len(answers) <= 17  # 120 days: about 17 weeks, a few unanswered
    assert all(0 <= a[k] <= 10 for a in answers for k in ("pain", "enjoyment", "activity"))
    assert gentle.status()["peg"] is None


def test_status_text_shows_this_weeks_answer(gentle: Gentle) -> None:
    gentle.ok("log", "peg", "5", "4", "6")
    lines = gentle.ok("status").splitlines()
    assert (
        "Weekly check (PEG), week of 2026-11-23: pain 5, enjoyment 4, activity 6; score 5.0"
        in lines
    )


def test_status_text_says_nothing_of_peg_before_this_weeks_answer(gentle: Gentle) -> None:
    gentle.ok("log", "peg", "5", "4", "6", "--date", "2026-11-22")  # last week
    out = gentle.ok("status")
    assert "PEG" not in out and "Weekly check" not in out
