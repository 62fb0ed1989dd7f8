"""Bearable CSV exports: mood, sleep and pain per day; every other category counted, not lost."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from io_cli import FIXTURES, Gentle

from tui.core.errors import FileProblem
from tui.io.bearable import PAIN_BY_SEVERITY, read_bearable

EVERY_CATEGORY = FIXTURES / "bearable" / "bearable-every-category.csv"


def test_a_day_of_readings_becomes_one_check_in() -> None:
    day = read_bearable(EVERY_CATEGORY).days[date(2026, 11, 2)]
    assert day == {
        "mood": 3,  # moods 3 and 6: mean 4.5 rounds to 5, and 5-6 is 3
        "sleep_hours": 5.75,  # 5:40 asleep, to the quarter hour
        "sleep_quality": 2,
        "pain": 8,  # the worst pain symptom is severe
        "note": (
            "Bad night, legs restless\nWalked to the Lion's Field\n"
            "Pain: Back (lower) pain (Mild), Leg pain (Severe)"
        ),
    }


def test_a_severity_without_its_name_comes_from_the_rating() -> None:
    day = read_bearable(EVERY_CATEGORY).days[date(2026, 11, 3)]
    assert day["pain"] == 10  # "Neck pain" rated 4: extreme
    assert day["mood"] == 5  # 9 and 10
    assert (day["sleep_hours"], day["sleep_quality"]) == (8.0, 4)
    assert day["note"] == "A good day\nPain: Neck pain, Back (lower) pain (Mild)"


def test_the_other_categories_are_counted_by_category() -> None:
    data = read_bearable(EVERY_CATEGORY)
    assert data.ignored == Counter(
        {
            "Symptom (not pain)": 2,
            "Factors": 1,
            "Meds/Supplements": 1,
            "Food Diary": 1,
            "Food Diary factors": 1,
            "Gratitudes": 1,
            "Energy": 1,
            "Bowel Movements": 1,
            "Sleep factors": 1,
            "Sleep without a value": 1,
            "dated after today": 1,
        }
    )
    assert data.used + sum(data.ignored.values()) == 28  # every reading in the file
    assert date(2026, 11, 21) not in data.days  # a headache and an empty sleep: no check-in


def test_sleep_hours_alone_fill_a_check_in_she_logged_and_make_none() -> None:
    data = read_bearable(EVERY_CATEGORY)
    assert data.sleep_only == {date(2026, 11, 19): 6.0, date(2026, 11, 20): 7.5}
    assert date(2026, 11, 19) not in data.days and date(2026, 11, 20) not in data.days


def test_importing_twice_adds_nothing_and_keeps_her_values(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--date", "2026-11-22", "--pain", "9", "--flare")
    gentle.ok("log", "checkin", "--date", "2026-11-19", "--mood", "2")
    out = gentle.ok("import", "bearable", EVERY_CATEGORY)
    assert out == (
        "Bearable: 16 readings on 5 days: 2 check-ins added, 1 updated, 0 already present; "
        "2 days with only sleep hours: filled in on 1 check-in, 1 without a check-in left out "
        "(sleep alone fills only check-ins you logged); 12 other readings left out "
        "(2 Symptom (not pain), 1 Factors, 1 Meds/Supplements, 1 Food Diary, "
        "1 Food Diary factors, 1 Gratitudes, 1 Energy, 1 Bowel Movements, "
        "1 Sleep factors, 1 Sleep without a value, 1 dated after today).\n"
    )
    before = gentle.ok("export")
    again = gentle.ok("import", "bearable", EVERY_CATEGORY)
    assert "0 check-ins added, 0 updated, 3 already present" in again
    assert "filled in on 0 check-ins, 1 without a check-in left out" in again
    checkins = {c["date"]: c for c in json.loads(gentle.ok("export"))["checkins"]}
    assert (checkins["2026-11-22"]["pain"], checkins["2026-11-22"]["mood"]) == (9, 1)  # hers kept
    assert checkins["2026-11-22"]["flare"] is True
    assert (checkins["2026-11-19"]["mood"], checkins["2026-11-19"]["sleep_hours"]) == (2, 6.0)
    assert sorted(checkins) == ["2026-11-02", "2026-11-03", "2026-11-19", "2026-11-22"]
    assert gentle.ok("export") == before


def test_a_newer_export_with_a_date_formatted_column(tmp_path: Path) -> None:
    path = tmp_path / "bearable.csv"
    path.write_text(
        "date formatted,date,weekday,time of day,category,rating/amount,detail,notes\n"
        '2026-11-20,"20th Nov 2026","Friday","09:00","Mood","8","Good",""\n'
    )
    assert read_bearable(path).days == {date(2026, 11, 20): {"mood": 4}}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            '"2nd Nov 2026","Monday","","Mood","11","",""',
            "line 2 has an unreadable mood rating '11'",
        ),
        ('"2nd Nov 2026","Monday","","Sleep","lots","",""', "unreadable sleep time 'lots'"),
        ('"2nd Nov 2026","Monday","","Sleep quality","0","",""', "unreadable sleep quality '0'"),
        ('"2nd Nov 2026","Monday","","Symptom","7","Neck pain",""', "unreadable symptom severity"),
        ('"Nov 2nd","Monday","","Mood","5","",""', "line 2 has an unreadable date 'Nov 2nd'"),
        ('"2nd Nov 2026","Monday","Mood","5"', "line 2 has 4 fields, the header has 7"),
    ],
)
def test_a_bad_row_refuses_the_file_naming_the_line(
    gentle: Gentle, tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "bearable.csv"
    path.write_text(f"date,weekday,time of day,category,rating/amount,detail,notes\n{row}\n")
    with pytest.raises(FileProblem, match=message):
        read_bearable(path)
    assert message in gentle.refused("import", "bearable", path, code=1)


def test_a_daylio_file_is_not_a_bearable_export(gentle: Gentle, daylio_dir: Path) -> None:
    line = gentle.refused("import", "bearable", daylio_dir / "daylio-8col.csv", code=1)
    assert "not a Bearable export (its header is 'full_date,date,weekday" in line


def test_the_documented_mapping_matches_the_code() -> None:
    doc = (FIXTURES.parent.parent / "docs" / "data-formats.md").read_text()
    for severity, pain in PAIN_BY_SEVERITY.items():
        assert f"| {severity} | {pain} |" in doc


def test_a_mood_with_a_decimal_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bearable.csv"
    path.write_text(
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        '"20th Nov 2026","Friday","09:00","Mood","6.5","",""\n'
        '"20th Nov 2026","Friday","19:00","Mood","7","",""\n'
    )
    assert read_bearable(path).days == {date(2026, 11, 20): {"mood": 4}}  # 6.75: 7, so 4


def test_an_empty_file_is_refused_as_empty(gentle: Gentle, tmp_path: Path) -> None:
    path = tmp_path / "bearable.csv"
    path.write_bytes(b"")
    assert gentle.refused("import", "bearable", path, code=1).endswith(
        "bearable.csv: empty, not a Bearable export"
    )
