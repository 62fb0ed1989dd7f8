"""Planning imports without duplicates, the JSON and CSV exports, and the progress bar."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from tui.core.demo import generate
from tui.core.errors import FileProblem, InputError
from tui.core.models import Checkin, Journal, Session
from tui.io.backup import check_format, read_json, to_csv, to_json, to_json_object
from tui.io.merge import merge_checkins, merge_journal, new_sessions
from tui.io.progress import ProgressBar

DAY = date(2026, 10, 2)
WALK = Session(DAY, "walk", 20)


def test_two_equal_walks_in_the_file_are_two_walks_and_both_found_next_time() -> None:
    added, present = new_sessions([], [WALK, WALK])
    assert (added, present) == ([WALK, WALK], 0)
    assert new_sessions(added, [WALK, WALK]) == ([], 2)


def test_a_walk_she_logged_by_hand_counts_as_already_present() -> None:
    assert new_sessions([WALK], [WALK, Session(DAY, "walk", 21)]) == (
        [Session(DAY, "walk", 21)],
        1,
    )


def test_merging_fills_what_is_absent_and_keeps_her_values() -> None:
    hers = {DAY: Checkin(DAY, pain=4, mood=2)}
    plan = merge_checkins(hers, {DAY: {"mood": 5, "note": "from Daylio"}})
    assert plan.write == [Checkin(DAY, pain=4, mood=2, note="from Daylio")]
    assert (plan.added, plan.updated, plan.present) == (0, 1, 0)
    overwrite = merge_checkins(hers, {DAY: {"mood": 5}}, overwrite=True)
    assert overwrite.write == [Checkin(DAY, pain=4, mood=5)]


def test_only_existing_never_invents_a_check_in() -> None:
    plan = merge_checkins({}, {DAY: {"sleep_hours": 7.5}}, only_existing=True)
    assert plan.write == [] and plan.added == 0


def test_an_unchanged_day_is_already_present() -> None:
    plan = merge_checkins({DAY: Checkin(DAY, mood=3)}, {DAY: {"mood": 3}})
    assert (plan.write, plan.present) == ([], 1)


def test_a_journal_merged_into_itself_adds_nothing() -> None:
    journal = generate(60, 1, date(2026, 11, 23))
    plan = merge_journal(journal, journal)
    assert plan.checkins.write == [] and plan.sessions == [] and plan.goals == []
    assert plan.milestones == [] and plan.celebrated == set()
    assert plan.sessions_present == len(journal.sessions)


def test_the_json_export_round_trips_exactly(tmp_path: Path) -> None:
    journal = generate(90, 2, date(2026, 11, 23))
    path = tmp_path / "backup.json"
    path.write_text(to_json(journal))
    back = read_json(path)
    assert to_json_object(back) == to_json_object(journal)
    assert back.checkins == journal.checkins
    assert back.goals == journal.goals and back.milestones == journal.milestones
    assert back.celebrated == journal.celebrated


def test_an_export_from_an_older_schema_is_brought_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "app": "gentle-flow",
                "schema": 1,
                "checkins": [{"date": "2026-10-01", "pain": 3, "sleep": 7.5}],
                "sessions": [{"date": "2026-10-01", "kind": "walk", "duration": 25}],
                "goals": [],
            }
        )
    )
    journal = read_json(path)
    assert journal.checkins[date(2026, 10, 1)].sleep_hours == 7.5
    assert journal.sessions == [Session(date(2026, 10, 1), "walk", 25)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"app": "gentle-flow", "schema": 99}', "newer Gentle Flow"),
        ('{"app": "gentle-flow", "schema": 2, "checkins": {}}', "checkins must be a list"),
        (
            '{"app": "gentle-flow", "schema": 2, "checkins": [{"date": "2026-10-01", "pain": 11}]}',
            "checkins[0]: pain: must be a whole number from 0 to 10",
        ),
        (
            '{"app": "gentle-flow", "schema": 2, "sessions": [{"kind": "walk"}]}',
            "sessions[0]: missing field 'date'",
        ),
        (
            '{"app": "gentle-flow", "schema": 2, "checkins": [{"date": "2026-10-01"}, '
            '{"date": "2026-10-01"}]}',
            "a second check-in for 2026-10-01",
        ),
    ],
)
def test_broken_exports_are_refused_naming_the_place(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "backup.json"
    path.write_text(content)
    with pytest.raises(FileProblem) as err:
        read_json(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_the_csv_keeps_notes_with_commas_and_line_breaks() -> None:
    note = 'Walked, then rested.\nSaid "enough" at 3pm'
    journal = Journal(
        checkins={DAY: Checkin(DAY, pain=3, sleep_hours=7.25, flare=True, note=note)},
        sessions=[Session(DAY, "walk", 20, place="Lion's Field", companion="Jo")],
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(journal), newline="")))
    assert rows[0]["type"] == "checkin" and rows[0]["note"] == note
    assert (rows[0]["sleep_hours"], rows[0]["flare"]) == ("7.25", "yes")
    assert rows[1]["type"] == "session" and rows[1]["with"] == "Jo"
    assert rows[1]["place"] == "Lion's Field" and rows[1]["pain"] == ""


def test_format_is_checked_with_one_line() -> None:
    assert check_format("CSV") == "csv"
    with pytest.raises(InputError) as err:
        check_format("xlsx")
    assert err.value.field == "format"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    terminal = _Terminal()
    bar = ProgressBar("Reading export.xml", terminal)
    for done in (0, 5, 50, 100):
        bar(done * 1024 * 1024, 100 * 1024 * 1024)
    bar.close()
    shown = terminal.getvalue()
    assert "100%" in shown and " 50%" in shown and shown.endswith("\r\x1b[2K")
    piped = io.StringIO()
    quiet = ProgressBar("Reading export.xml", piped)
    quiet(50, 100)
    quiet.close()
    assert piped.getvalue() == ""
