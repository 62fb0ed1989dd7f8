"""Reading Apple Health exports: workouts to sessions, nights to sleep, broken files refused."""

from __future__ import annotations

import zipfile
from collections import Counter
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tui.core.errors import FileProblem
from tui.io.apple_health import activity_table, kind_for, read_apple_health


def _zip(xml: Path, to: Path) -> Path:
    """An export.zip laid out as the iPhone writes it."""
    with zipfile.ZipFile(to, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(xml, "apple_health_export/export.xml")
        archive.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")
        archive.writestr("apple_health_export/workout-routes/route_2025-09-19_9.37am.gpx", "<gpx/>")
    return to


def test_the_ios16_export_with_its_broken_dtd_is_read(apple_dir: Path) -> None:
    path = apple_dir / "export-ios16.xml"
    with pytest.raises(ElementTree.ParseError):  # the file really is broken for a plain parser
        ElementTree.parse(path)
    data = read_apple_health(path)
    assert len(data.sessions) == 14


def test_each_workout_becomes_a_session_on_the_local_date_of_its_start(apple_dir: Path) -> None:
    data = read_apple_health(apple_dir / "export-ios16.xml")
    got = [(s.date.isoformat(), s.kind, s.minutes) for s in data.sessions]
    assert got == [
        ("2025-09-19", "walk", 24),
        ("2025-09-22", "strength", 10),
        ("2025-09-22", "stretch", 10),
        ("2025-09-27", "walk", 66),
        ("2025-09-24", "strength", 12),
        ("2025-09-25", "strength", 20),
        ("2025-09-26", "stretch", 15),
        ("2025-09-26", "stretch", 10),
        ("2025-09-28", "stretch", 18),
        ("2025-09-29", "stretch", 7),
        ("2025-09-29", "other", 30),
        ("2025-09-30", "walk", 21),  # 23:50 local, already the next day in UTC
        ("2025-10-02", "walk", 20),
        ("2025-10-02", "walk", 20),  # two equal walks on one day are two walks
    ]
    assert all(s.routine is None and s.note is None for s in data.sessions)


def test_a_twelve_second_workout_is_ignored_and_counted(apple_dir: Path) -> None:
    data = read_apple_health(apple_dir / "export-ios16.xml")
    assert data.ignored == Counter({"shorter than half a minute": 1})


def test_walking_and_hiking_are_walks_and_mind_and_body_is_stretching() -> None:
    assert kind_for("HKWorkoutActivityTypeWalking") == "walk"
    assert kind_for("HKWorkoutActivityTypeHiking") == "walk"
    for name in ("TraditionalStrengthTraining", "CoreTraining", "Pilates"):
        assert kind_for(f"HKWorkoutActivityType{name}") == "strength"
    for name in ("Cooldown", "Flexibility", "Yoga", "MindAndBody", "TaiChi"):
        assert kind_for(f"HKWorkoutActivityType{name}") == "stretch"
    assert kind_for("HKWorkoutActivityTypeSwimming") == "other"
    assert kind_for("") == "other"
    assert ("HKWorkoutActivityTypeTaiChi", "stretch") in activity_table()


def test_the_documented_mapping_matches_the_code() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "data-formats.md").read_text()
    for activity, kind in activity_table():
        assert f"`{activity}`" in doc and kind in doc


def test_sleep_counts_time_asleep_once_when_watch_and_phone_overlap(apple_dir: Path) -> None:
    data = read_apple_health(apple_dir / "export-ios16.xml")
    assert data.sleep == {
        date(2025, 9, 20): 7.25,  # watch stages 23:00-06:30 without the 15 minutes awake
        date(2025, 9, 21): 6.5,  # two sources over one night, counted once
        date(2025, 9, 23): 7.5,  # only the phone's time in bed
    }


def test_a_newer_export_with_a_valid_dtd_and_no_duration_attribute(apple_dir: Path) -> None:
    data = read_apple_health(apple_dir / "export-later.xml")
    got = {(s.date.isoformat(), s.kind, s.minutes) for s in data.sessions}
    assert ("2025-10-16", "strength", 11) in got
    assert ("2025-10-18", "stretch", 21) in got  # 20.5 minutes from start and end, rounded up
    assert data.ignored == Counter({"dated after today": 1})
    assert data.sleep == {date(2025, 10, 18): 7.5}


def test_the_zip_the_iphone_makes_reads_like_its_export_xml(
    apple_dir: Path, tmp_path: Path
) -> None:
    archive = _zip(apple_dir / "export-ios16.xml", tmp_path / "export.zip")
    from_zip = read_apple_health(archive)
    from_xml = read_apple_health(apple_dir / "export-ios16.xml")
    assert from_zip.sessions == from_xml.sessions
    assert from_zip.sleep == from_xml.sleep


def test_progress_is_reported_up_to_the_whole_file(apple_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    read_apple_health(
        apple_dir / "export-ios16.xml", lambda done, total: seen.append((done, total))
    )
    size = (apple_dir / "export-ios16.xml").stat().st_size
    assert seen and seen[-1] == (size, size)


def test_a_truncated_zip_is_refused_in_one_line(apple_dir: Path, tmp_path: Path) -> None:
    archive = _zip(apple_dir / "export-ios16.xml", tmp_path / "export.zip")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(FileProblem, match="not a complete zip file") as err:
        read_apple_health(cut)
    assert "\n" not in str(err.value) and str(cut) in str(err.value)


def test_a_zip_without_export_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("IMG_0001.jpg", b"\xff\xd8")
    with pytest.raises(FileProblem, match=r"holds no Apple Health export \(no XML file in it"):
        read_apple_health(path)


def test_a_cut_off_export_xml_is_refused(apple_dir: Path, tmp_path: Path) -> None:
    text = (apple_dir / "export-ios16.xml").read_bytes()
    cut = tmp_path / "export.xml"
    cut.write_bytes(text[: len(text) - 200])
    with pytest.raises(FileProblem, match="not a complete Apple Health export"):
        read_apple_health(cut)


def test_the_clinical_document_is_not_mistaken_for_the_export(apple_dir: Path) -> None:
    with pytest.raises(FileProblem, match=r"root element is <ClinicalDocument>"):
        read_apple_health(apple_dir / "export_cda.xml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"full_date,date,weekday,time,mood\n", "not an XML file"),
        (b"<HealthData><Workout/><Record></HealthData>", "not well-formed"),
        (b"<?xml version='1.0'?><HealthData><Workout", "not a complete"),
    ],
)
def test_files_that_are_not_exports_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=message):
        read_apple_health(path)


def test_a_stray_control_character_in_a_source_name_does_not_stop_the_import(
    tmp_path: Path,
) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n'
        b'<Workout workoutActivityType="HKWorkoutActivityTypeYoga" duration="15" '
        b'durationUnit="min" sourceName="Anna\x0bs Watch" startDate="2025-09-26 19:00:00 -0400" '
        b'endDate="2025-09-26 19:15:00 -0400"/>\n</HealthData>\n'
    )
    assert [(s.kind, s.minutes) for s in read_apple_health(path).sessions] == [("stretch", 15)]


def test_a_doctype_spread_over_many_chunks_is_still_cut_out(tmp_path: Path) -> None:
    comment = "<!-- " + "x" * (3 << 20) + " -->\n"  # a 3 MB internal subset
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n'
        + comment
        + "<!ATTLIST VisionPrescription\n  type CDATA #REQUIRED\n\n]>\n"
        '<HealthData locale="en_US"><Workout workoutActivityType="HKWorkoutActivityTypeWalking" '
        'duration="12" durationUnit="min" startDate="2025-09-26 19:00:00 -0400"/></HealthData>'
    )
    path = tmp_path / "export.xml"
    path.write_text(text)
    assert [s.minutes for s in read_apple_health(path).sessions] == [12]


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="no such file"):
        read_apple_health(tmp_path / "nope.zip")
