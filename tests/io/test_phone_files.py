"""Files as real phones write them (each case found in a published export, made small here)."""

from __future__ import annotations

import json
import shlex
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from io_cli import FIXTURES as ALL_FIXTURES
from io_cli import Gentle

from tui.core.errors import FileProblem, InputError
from tui.io.apple_health import read_apple_health
from tui.io.daylio import parse_mood_map, read_daylio

FIXTURES = ALL_FIXTURES / "apple_health"

# -- Apple Health --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export-chinese.zip", "export-capital.zip", "export-macos.zip"])
def test_the_export_is_found_whatever_the_phone_named_it(apple_dir: Path, name: str) -> None:
    data = read_apple_health(apple_dir / name)
    assert [(s.date, s.kind, s.minutes) for s in data.sessions] == [
        (date(2023, 5, 12), "stretch", 10)
    ]
    assert data.sleep == {date(2023, 5, 12): 7.5}


def test_shadows_outside_macosx_and_empty_members_are_passed_over(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("apple_health_export/._eksport.xml", b"\x00\x05\x16\x07Mac OS X")
        z.writestr("apple_health_export/empty.xml", b"")
        z.writestr("apple_health_export/notes.xml", b"plain text, not XML")
        z.writestr("apple_health_export/eksport.xml", (FIXTURES / "export-2015.xml").read_bytes())
    assert [s.minutes for s in read_apple_health(archive).sessions] == [32]


def test_a_zip_with_only_the_clinical_document_and_mac_shadows_is_refused(
    gentle: Gentle, apple_dir: Path
) -> None:
    line = gentle.refused("import", "apple-health", apple_dir / "export-only-cda.zip", code=1)
    assert line.endswith(
        "export-only-cda.zip: holds no Apple Health export (no XML file in it has <HealthData> "
        "as its root)"
    )


def test_the_ios16_dtd_left_unclosed_is_read(apple_dir: Path) -> None:
    path = apple_dir / "export-ios16-unclosed-dtd.xml"
    assert "<!ATTLIST Attachment\n  identifier       CDATA #IMPLIED\n\n\n]>" in path.read_text()
    assert [s.minutes for s in read_apple_health(path).sessions] == [10]


def test_the_2015_format_with_compact_dates_and_numeric_sleep_is_read(apple_dir: Path) -> None:
    data = read_apple_health(apple_dir / "export-2015.xml")
    assert [(s.date, s.kind, s.minutes) for s in data.sessions] == [(date(2015, 6, 3), "walk", 32)]
    assert data.sleep == {
        date(2015, 6, 2): 6.75,  # 21:51 to 04:35 asleep (value 1)
        date(2015, 6, 3): 8.0,  # 22:44 to 06:46
        date(2015, 6, 4): 8.0,  # in bed only (value 0): 23:00 to 07:00
    }
    assert data.ignored == Counter({"sleep records without a readable time": 1})


def test_sleep_for_a_night_without_a_check_in_is_counted_not_invented(
    gentle: Gentle, apple_dir: Path
) -> None:
    gentle.ok("log", "checkin", "--date", "2015-06-03", "--pain", "3")
    out = gentle.ok("import", "apple-health", apple_dir / "export-2015.xml")
    assert out == (
        "Apple Health: 1 session added, 0 already present, 1 ignored (1 sleep records without a "
        "readable time); sleep for 3 nights: filled in on 1 check-in, 0 already set, 2 without a "
        "check-in left out (sleep only fills check-ins you logged).\n"
    )
    checkins = json.loads(gentle.ok("export"))["checkins"]
    assert [(c["date"], c["sleep_hours"]) for c in checkins] == [("2015-06-03", 8.0)]
    again = gentle.ok("import", "apple-health", apple_dir / "export-2015.xml")
    assert "0 sessions added, 1 already present" in again
    assert "filled in on 0 check-ins, 1 already set" in again


# -- Daylio --------------------------------------------------------------------------------------

POLISH = ["wspaniale=5", "dobrze=4", "tak sobie=3", "źle=2", "okropnie=1"]


def test_polish_month_names_in_the_oldest_layout(daylio_dir: Path) -> None:
    data = read_daylio(daylio_dir / "daylio-polish.csv", parse_mood_map(POLISH))
    assert {d.isoformat(): v["mood"] for d, v in data.days.items()} == {
        "2016-12-24": 5,
        "2017-02-01": 1,  # the row Daylio wrote with 6 fields
        "2017-08-31": 5,
        "2017-09-06": 3,  # tak sobie (3) at 08:30 and źle (2) at 12:09: 2.5 rounds up
        "2017-09-07": 4,
    }
    assert data.days[date(2017, 9, 7)]["note"] == "spacer, rodzina - Herbata z mamą"


def test_spanish_month_names_in_the_oldest_layout(daylio_dir: Path) -> None:
    moods = parse_mood_map(["genial=5", "bien=4", "mal=2", "Sin animo=1"])
    data = read_daylio(daylio_dir / "daylio-spanish.csv", moods)
    assert [(d.isoformat(), v["mood"]) for d, v in data.days.items()] == [
        ("2020-12-31", 4),
        ("2021-01-01", 5),
        ("2021-10-11", 1),
        ("2021-10-15", 4),
        ("2021-10-16", 2),
    ]


def test_a_month_name_in_no_language_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text("year,date,weekday,time,mood,activities,note\n2017,7 brumaire,x,12:10,rad,,\n")
    with pytest.raises(FileProblem, match="line 2 has an unreadable date '7 brumaire 2017'"):
        read_daylio(path)


def test_ten_custom_moods_are_named_in_one_line_with_a_command_to_paste(
    gentle: Gentle, daylio_dir: Path
) -> None:
    path = daylio_dir / "daylio-ten-moods.csv"
    line = gentle.refused("import", "daylio", path, code=2)
    assert line.startswith(
        "gentle: mood: 10 moods are not Daylio's built-in ones (rad, good, meh, bad, awful): "
        "'okay' (5 entries), 'content' (4 entries), 'anxious' (3 entries), 'tired' (3 entries), "
        "'frustrated' (2 entries), 'Angry' (1 entry), 'beyond anxious' (1 entry), "
        "'distracted' (1 entry), 'exhausted' (1 entry), 'in pain' (1 entry); give each a number "
        "N from 1 (awful) to 5 (great) and run: gentle --db "
    )
    command = shlex.split(line.partition(" and run: ")[2])
    assert command[:2] == ["gentle", "--db"] and command[3:6] == ["import", "daylio", str(path)]
    moods = command[6:]
    assert moods[::2] == ["--mood"] * 10
    assert moods[1::2][-2:] == ["exhausted=N", "in pain=N"]
    # She fills in the numbers and pastes it: everything lands.
    filled = [m.replace("=N", "=3") for m in command[1:]]
    out = gentle.ok(*filled[2:])
    assert out.startswith("Daylio: 24 entries on 24 days: 24 check-ins added")


def test_the_pasted_command_keeps_the_moods_already_given(gentle: Gentle, daylio_dir: Path) -> None:
    path = daylio_dir / "daylio-ten-moods.csv"
    line = gentle.refused("import", "daylio", path, "--mood", "okay=3", "--overwrite", code=2)
    assert "10 moods" not in line and "9 moods are not" in line
    assert f"import daylio {path} --mood okay=3 --overwrite --mood content=N" in line


def test_a_file_without_its_header_line_says_so_and_which_columns(
    gentle: Gentle, daylio_dir: Path
) -> None:
    line = gentle.refused("import", "daylio", daylio_dir / "daylio-headerless.csv", code=1)
    assert line.endswith(
        "daylio-headerless.csv: the header line is missing; expected columns: "
        "full_date,date,weekday,time,mood,activities,note (Daylio writes them as the first line)"
    )


def test_control_characters_in_a_note_are_shown_and_counted(
    gentle: Gentle, daylio_dir: Path
) -> None:
    out = gentle.ok("import", "daylio", daylio_dir / "daylio-control-characters.csv")
    assert out.endswith(
        "0 ignored, 4 control characters in the text replaced by visible symbols.\n"
    )
    note = json.loads(gentle.ok("export"))["checkins"][0]["note"]
    assert note == "walk - ␛]0;owned␇ - Line one\nline two ␛[2J\\x9b"


def test_an_unknown_mood_is_reported_after_the_whole_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        "2026-10-14,October 14,Wednesday,21:40,sunny,,\n"
        "2026-10-13,October 13,Tuesday,21:40,sunny,,\n"
        "2026-10-12,October 12,Monday,21:40,cloudy,,\n"
    )
    with pytest.raises(InputError) as err:
        read_daylio(path)
    assert "'sunny' (2 entries), 'cloudy' (1 entry)" in err.value.message


def test_the_oldest_layout_without_its_header_names_the_year_column(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text('2017,7 września,czwartek,12:10,dobrze,"",""\n', encoding="utf-8")
    with pytest.raises(FileProblem, match="expected columns: year,date,weekday,time,mood,"):
        read_daylio(path)


def test_one_custom_mood_in_two_spellings_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        "2026-10-14,October 14,Wednesday,21:40,Angry,,\n"
        "2026-10-13,October 13,Tuesday,21:40,angry,,\n"
    )
    with pytest.raises(InputError) as err:
        read_daylio(path)
    assert err.value.message.startswith("'Angry' (2 entries) is not one of Daylio's")
