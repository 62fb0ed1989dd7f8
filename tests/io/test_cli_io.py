"""`gentle import`, `gentle export` and `gentle report` as she runs them, in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import Gentle

# -- Apple Health ------------------------------------------------------------------------------


def test_importing_her_apple_health_export_adds_her_workouts(
    gentle: Gentle, apple_dir: Path
) -> None:
    out = gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml")
    assert out == (
        "Apple Health: 14 sessions added, 0 already present, 1 ignored (1 shorter than half a "
        "minute); sleep filled in on 0 check-ins.\n"
    )
    sessions = json.loads(gentle.ok("export"))["sessions"]
    assert len(sessions) == 14
    assert sum(s["minutes"] for s in sessions) == 283
    assert {s["kind"] for s in sessions} == {"walk", "strength", "stretch", "other"}
    assert sessions[0].pop("id")
    assert sessions[0] == {
        "date": "2025-09-19",
        "kind": "walk",
        "minutes": 24,
        "routine": None,
        "place": None,
        "with": None,
        "pain_before": None,
        "pain_after": None,
        "note": None,
    }


def test_importing_the_same_export_again_adds_nothing(gentle: Gentle, apple_dir: Path) -> None:
    gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml")
    before = gentle.db.read_bytes()
    out = gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml")
    assert "0 sessions added, 14 already present" in out
    assert gentle.db.read_bytes() == before


def test_an_overlapping_later_export_adds_only_the_new_workouts(
    gentle: Gentle, apple_dir: Path
) -> None:
    gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml")
    out = gentle.ok("import", "apple-health", apple_dir / "export-later.xml")
    assert out.startswith("Apple Health: 2 sessions added, 4 already present, 1 ignored")
    assert len(json.loads(gentle.ok("export"))["sessions"]) == 16


def test_the_zip_imports_like_the_xml(gentle: Gentle, apple_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(apple_dir / "export-ios16.xml", "apple_health_export/export.xml")
    assert "14 sessions added" in gentle.ok("import", "apple-health", archive)
    assert "14 already present" in gentle.ok(
        "import", "apple-health", apple_dir / "export-ios16.xml"
    )


def test_sleep_fills_only_check_ins_without_sleep_hours(gentle: Gentle, apple_dir: Path) -> None:
    gentle.ok("log", "checkin", "--date", "2025-09-20", "--pain", "4")
    gentle.ok("log", "checkin", "--date", "2025-09-21", "--pain", "3", "--sleep-hours", "5")
    out = gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml")
    assert out.endswith("sleep filled in on 1 check-in.\n")
    checkins = {c["date"]: c for c in json.loads(gentle.ok("export"))["checkins"]}
    assert checkins["2025-09-20"]["sleep_hours"] == 7.25
    assert checkins["2025-09-21"]["sleep_hours"] == 5  # hers, kept
    assert "2025-09-23" not in checkins  # no check-in is invented


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("cut.zip", "not a complete zip file"),
        ("export_cda.xml", "root element is <ClinicalDocument>"),
        ("cut.xml", "not a complete Apple Health export"),
    ],
)
def test_a_broken_apple_export_leaves_her_data_untouched(
    seeded: Gentle, apple_dir: Path, tmp_path: Path, name: str, message: str
) -> None:
    good = (apple_dir / "export-ios16.xml").read_bytes()
    path = tmp_path / name
    if name == "cut.zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("apple_health_export/export.xml", good)
        path.write_bytes(buffer.getvalue()[:-300])
    elif name == "cut.xml":
        path.write_bytes(good[:-40])
    else:
        path = apple_dir / name
    line = seeded.refused("import", "apple-health", path, code=1)
    assert line.startswith("gentle: ") and message in line and str(path) in line


# -- Daylio ------------------------------------------------------------------------------------


def test_importing_daylio_adds_a_check_in_per_day(gentle: Gentle, daylio_dir: Path) -> None:
    out = gentle.ok("import", "daylio", daylio_dir / "daylio-8col.csv")
    assert out == (
        "Daylio: 6 entries on 5 days: 5 check-ins added, 0 updated, 0 already present, 0 ignored.\n"
    )
    checkins = json.loads(gentle.ok("export"))["checkins"]
    assert [(c["date"], c["mood"]) for c in checkins] == [
        ("2026-10-10", 4),
        ("2026-10-11", 2),
        ("2026-10-12", 1),
        ("2026-10-13", 5),
        ("2026-10-14", 4),
    ]


def test_a_second_daylio_import_changes_nothing(gentle: Gentle, daylio_dir: Path) -> None:
    gentle.ok("import", "daylio", daylio_dir / "daylio-8col.csv")
    before = gentle.db.read_bytes()
    out = gentle.ok("import", "daylio", daylio_dir / "daylio-8col.csv")
    assert "0 check-ins added, 0 updated, 5 already present" in out
    assert gentle.db.read_bytes() == before


def test_her_own_mood_is_kept_unless_overwrite(gentle: Gentle, daylio_dir: Path) -> None:
    gentle.ok("log", "checkin", "--date", "2026-10-13", "--mood", "2", "--pain", "6")
    out = gentle.ok("import", "daylio", daylio_dir / "daylio-8col.csv")
    assert "4 check-ins added, 1 updated" in out  # the note was empty and is filled
    day = {c["date"]: c for c in json.loads(gentle.ok("export"))["checkins"]}["2026-10-13"]
    assert (day["mood"], day["pain"]) == (2, 6)
    assert day["note"].startswith("walk, friends, sunny")
    gentle.ok("import", "daylio", daylio_dir / "daylio-8col.csv", "--overwrite")
    day = {c["date"]: c for c in json.loads(gentle.ok("export"))["checkins"]}["2026-10-13"]
    assert (day["mood"], day["pain"]) == (5, 6)


def test_a_custom_mood_is_exit_2_naming_the_field_until_mapped(
    seeded: Gentle, daylio_dir: Path, tmp_path: Path
) -> None:
    path = daylio_dir / "daylio-custom-mood.csv"
    line = seeded.refused("import", "daylio", path, code=2)
    assert line.startswith("gentle: mood: 'ecstatic'")
    fresh = tmp_path / "fresh.json"
    assert "2 check-ins added" in seeded.ok(
        "import", "daylio", path, "--mood", "ecstatic=5", db=fresh
    )
    moods = [c["mood"] for c in json.loads(seeded.ok("export", db=fresh))["checkins"]]
    assert moods == [4, 5]


def test_a_csv_that_is_not_daylio_leaves_her_data_untouched(
    seeded: Gentle, daylio_dir: Path
) -> None:
    line = seeded.refused("import", "daylio", daylio_dir / "not-daylio.csv", code=1)
    assert "not a Daylio export" in line


# -- JSON export and restore ------------------------------------------------------------------


def test_export_json_has_the_contract_shape(seeded: Gentle) -> None:
    data = json.loads(seeded.ok("export", "--format", "json"))
    assert list(data)[:5] == ["app", "schema", "checkins", "sessions", "goals"]
    assert data["app"] == "gentle-flow" and data["schema"] == 3
    assert set(data["checkins"][0]) == {
        "id",
        "date",
        "pain",
        "mood",
        "sleep_hours",
        "sleep_quality",
        "flare",
        "note",
    }
    assert set(data["sessions"][0]) == {
        "id",
        "date",
        "kind",
        "minutes",
        "routine",
        "place",
        "with",
        "pain_before",
        "pain_after",
        "note",
    }
    assert any(c["note"] is None for c in data["checkins"])


def test_a_json_export_restores_exactly_into_an_empty_file(seeded: Gentle, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    seeded.ok("export", "--output", backup)
    assert backup.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "fresh.json"
    out = seeded.ok("import", "json", backup, db=fresh)
    assert out.startswith("Restored ")
    assert seeded.ok("export", db=fresh) == backup.read_text()
    assert seeded.ok("status", "--json", db=fresh) == seeded.ok("status", "--json")


def test_a_json_export_into_the_same_file_adds_no_duplicates(
    seeded: Gentle, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    seeded.ok("export", "--output", backup)
    out = seeded.ok("import", "json", backup)
    assert "sessions 0 added" in out and "check-ins 0 added, 0 filled in" in out
    assert seeded.ok("export") == backup.read_text()


def test_a_json_export_merges_into_other_data(
    gentle: Gentle, seeded: Gentle, apple_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    seeded.ok("export", "--output", backup)
    other = tmp_path / "other.json"
    gentle.ok("import", "apple-health", apple_dir / "export-ios16.xml", db=other)
    gentle.ok("import", "json", backup, db=other)
    merged = json.loads(gentle.ok("export", db=other))
    original = json.loads(backup.read_text())
    assert len(merged["sessions"]) == len(original["sessions"]) + 14
    assert merged["checkins"] == original["checkins"]
    assert [g["name"] for g in merged["goals"]] == [g["name"] for g in original["goals"]]


def test_a_file_that_is_not_an_export_is_refused(seeded: Gentle, tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"name": "something else"}')
    line = seeded.refused("import", "json", path, code=1)
    assert 'not a Gentle Flow JSON export (no "app": "gentle-flow")' in line


def test_a_bad_value_deep_in_an_export_refuses_all_of_it(seeded: Gentle, tmp_path: Path) -> None:
    data = json.loads(seeded.ok("export"))
    data["sessions"][-1]["minutes"] = 9000
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    line = seeded.refused("import", "json", path, code=1)
    assert f"sessions[{len(data['sessions']) - 1}]: minutes: must be a whole number" in line


# -- CSV export and options -------------------------------------------------------------------


def test_csv_export_is_one_table_with_a_type_column(seeded: Gentle) -> None:
    text = seeded.ok("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    data = json.loads(seeded.ok("export"))
    assert sum(r["type"] == "checkin" for r in rows) == len(data["checkins"])
    assert sum(r["type"] == "session" for r in rows) == len(data["sessions"])
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    first = next(r for r in rows if r["type"] == "checkin")
    assert first["flare"] in ("yes", "no") and first["kind"] == ""


def test_an_unknown_format_is_one_line_naming_the_field(seeded: Gentle) -> None:
    line = seeded.refused("export", "--format", "xml", code=2)
    assert line == "gentle: format: must be json or csv, got 'xml'"


def test_import_without_a_source_is_one_line(seeded: Gentle) -> None:
    assert seeded.refused("import", code=2).startswith("gentle: source:")


# -- report ------------------------------------------------------------------------------------


def test_the_report_is_written_for_the_asked_weeks(seeded: Gentle, tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    out = seeded.ok("report", "--weeks", "8", "--output", out_file)
    assert out == f"Report for the last 8 weeks written to {out_file}.\n"
    html = out_file.read_text()
    # Eight calendar weeks: the seven before this one, and this week up to today (a Monday).
    assert "Period: 2026-10-05 to 2026-11-23 (8 calendar weeks, 50 days;" in html
    assert out_file.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("args", "field"),
    [(["--weeks", "0", "--output", "r.html"], "weeks"), (["--weeks", "4"], "output")],
)
def test_report_arguments_are_checked(seeded: Gentle, args: list[str], field: str) -> None:
    assert seeded.refused("report", *args, code=2).startswith(f"gentle: {field}: ")
