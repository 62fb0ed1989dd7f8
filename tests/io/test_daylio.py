"""Reading Daylio CSV exports: every layout, moods on the 1-5 scale, entries folded into days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.core.errors import FileProblem, InputError
from tui.io.daylio import parse_mood_map, read_daylio


def test_the_eight_column_export_with_its_byte_order_mark(daylio_dir: Path) -> None:
    data = read_daylio(daylio_dir / "daylio-8col.csv")
    assert data.entries == 6
    assert {d.isoformat(): v["mood"] for d, v in data.days.items()} == {
        "2026-10-10": 4,
        "2026-10-11": 2,
        "2026-10-12": 1,
        "2026-10-13": 5,
        "2026-10-14": 4,  # meh (3) in the morning, good (4) in the evening: 3.5 rounds up
    }


def test_activities_title_and_note_make_the_days_note(daylio_dir: Path) -> None:
    days = read_daylio(daylio_dir / "daylio-8col.csv").days
    assert days[date(2026, 10, 13)]["note"] == (
        "walk, friends, sunny - Lion's Field - Two laps of the track with Jo."
    )
    assert days[date(2026, 10, 12)]["note"] == "flare - Dark room, heat pad."
    assert days[date(2026, 10, 11)]["note"] is None  # a mood and nothing else


def test_several_entries_on_a_day_become_timed_lines_oldest_first(daylio_dir: Path) -> None:
    note = read_daylio(daylio_dir / "daylio-8col.csv").days[date(2026, 10, 14)]["note"]
    assert note == (
        "08:05 bad sleep - Legs restless again,\nup twice in the night.\n"
        "21:40 family, reading - Quiet evening - Tea with Mum, then a chapter of my book."
    )


def test_the_older_seven_column_export_with_twelve_hour_times(daylio_dir: Path) -> None:
    data = read_daylio(daylio_dir / "daylio-7col.csv")
    assert data.entries == 4
    march_2 = data.days[date(2025, 3, 2)]
    assert march_2["mood"] == 3  # bad (2) and good (4)
    assert march_2["note"] == (
        "09:15 bad sleep\n17:01 walk, family - Walk at Bellhouse Park, saw the heron"
    )
    assert data.days[date(2025, 2, 28)] == {"mood": 3, "note": "Tired."}


def test_the_nine_column_export_with_scales(daylio_dir: Path) -> None:
    data = read_daylio(daylio_dir / "daylio-9col.csv")
    assert [(d.isoformat(), v["mood"]) for d, v in data.days.items()] == [
        ("2026-11-18", 2),
        ("2026-11-19", 3),
        ("2026-11-20", 4),
    ]
    assert data.days[date(2026, 11, 18)]["note"] == "flare - Flare - Everything too loud today"


def test_the_oldest_year_and_date_layout(tmp_path: Path) -> None:
    path = tmp_path / "daylio_export.csv"
    path.write_text(
        "year,date,weekday,time,mood,activities,note\n"
        '2018,18 May,Friday,11:54 pm,rad,"clean | cook | music","Went to a party"\n',
        encoding="utf-8",
    )
    assert read_daylio(path).days == {
        date(2018, 5, 18): {"mood": 5, "note": "clean, cook, music - Went to a party"}
    }


def test_a_custom_mood_name_is_refused_naming_it_and_the_option(daylio_dir: Path) -> None:
    with pytest.raises(InputError) as err:
        read_daylio(daylio_dir / "daylio-custom-mood.csv")
    assert err.value.field == "mood"
    assert "'ecstatic'" in err.value.message and "--mood" in err.value.message


def test_a_custom_mood_maps_with_the_option(daylio_dir: Path) -> None:
    moods = parse_mood_map(["Ecstatic=5"])
    data = read_daylio(daylio_dir / "daylio-custom-mood.csv", moods)
    assert data.days[date(2026, 9, 3)] == {"mood": 5, "note": "friends - Birthday tea"}


@pytest.mark.parametrize("spec", ["ecstatic", "=4", "ecstatic=6", "ecstatic=two"])
def test_a_malformed_mood_option_names_the_field(spec: str) -> None:
    with pytest.raises(InputError) as err:
        parse_mood_map([spec])
    assert err.value.field == "mood"


def test_a_csv_with_another_header_is_refused(daylio_dir: Path) -> None:
    with pytest.raises(FileProblem, match="not a Daylio export"):
        read_daylio(daylio_dir / "not-daylio.csv")


def test_a_cut_off_quoted_note_is_refused(daylio_dir: Path, tmp_path: Path) -> None:
    text = (daylio_dir / "daylio-8col.csv").read_bytes()
    cut = tmp_path / "daylio.csv"
    cut.write_bytes(text[: text.index(b"Tea with Mum") + 5])
    with pytest.raises(FileProblem, match="not a readable CSV"):
        read_daylio(cut)


def test_an_unreadable_date_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-10-14,October 14,Wednesday,21:40,good,,,\n"
        "yesterday,October 13,Tuesday,21:40,good,,,\n"
    )
    with pytest.raises(FileProblem, match="line 3 has an unreadable date 'yesterday'"):
        read_daylio(path)


def test_entries_after_today_are_ignored_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-12-01,December 1,Tuesday,08:00,good,,,\n"
        "2026-11-23,November 23,Monday,08:00,meh,,,\n"
    )
    data = read_daylio(path)
    assert list(data.days) == [date(2026, 11, 23)]
    assert data.ignored["dated after today"] == 1


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(FileProblem, match="not UTF-8"):
        read_daylio(path)
