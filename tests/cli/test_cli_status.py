"""`gentle status --json`: the object scripts rely on (contract section 4)."""

from __future__ import annotations

from gentle_cli import TODAY, Gentle


def test_status_json_on_a_new_file_has_every_key_and_nothing_recorded(gentle: Gentle) -> None:
    data = gentle.status()
    assert data["date"] == TODAY
    assert data["checkin"] is None
    assert data["goals"] == []
    assert data["days_since_flare"] is None
    assert data["routines"] == []


def test_status_json_reports_todays_check_in_goals_flares_and_routines(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "4", "--mood", "3", "--sleep-hours", "6.5")
    gentle.ok("log", "checkin", "--date", "2026-11-18", "--flare")
    gentle.ok("goal", "add", "Walks", "--per-week", "3", "--kind", "walk")
    gentle.ok("goal", "add", "Moving minutes", "--minutes-per-week", "60")
    gentle.ok("log", "move", "walk", "25", "--routine", "Park loop")
    gentle.ok("log", "move", "stretch", "10")

    data = gentle.status()

    assert data["date"] == TODAY
    assert data["checkin"] == {
        "date": TODAY,
        "pain": 4,
        "mood": 3,
        "sleep_hours": 6.5,
        "sleep_quality": None,
        "flare": False,
        "note": None,
    }
    goals = [{k: g[k] for k in ("name", "done", "target", "rest_days")} for g in data["goals"]]
    assert goals == [
        {"name": "Walks", "done": 1, "target": 3, "rest_days": 0},
        {"name": "Moving minutes", "done": 35, "target": 60, "rest_days": 0},
    ]
    assert data["days_since_flare"] == 5
    routines = [{k: r[k] for k in ("routine", "count", "next_milestone")} for r in data["routines"]]
    assert routines == [{"routine": "Park loop", "count": 1, "next_milestone": 10}]


def test_a_flare_today_is_zero_days_since_and_lowers_this_weeks_target(gentle: Gentle) -> None:
    gentle.ok("goal", "add", "Minutes", "--minutes-per-week", "70")
    gentle.ok("log", "checkin", "--flare")
    data = gentle.status()
    assert data["days_since_flare"] == 0
    (minutes,) = data["goals"]
    assert (minutes["rest_days"], minutes["target"]) == (1, 60)  # round(70 * 6 / 7)


def test_status_json_of_the_demo_has_the_contract_types(seeded: Gentle) -> None:
    data = seeded.status()
    assert {"date", "checkin", "goals", "days_since_flare", "routines"} <= set(data)
    assert isinstance(data["checkin"], dict)
    assert isinstance(data["days_since_flare"], int)
    assert data["goals"]
    for goal in data["goals"]:
        assert isinstance(goal["name"], str)
        assert all(isinstance(goal[k], int) for k in ("done", "target", "rest_days"))
    assert data["routines"]
    for routine in data["routines"]:
        assert isinstance(routine["routine"], str)
        assert routine["next_milestone"] > routine["count"] > 0


def test_status_never_writes_the_file(seeded: Gentle) -> None:
    before = seeded.db.read_bytes()
    seeded.ok("status")
    seeded.ok("status", "--json")
    assert seeded.db.read_bytes() == before


def test_status_on_a_flare_day_speaks_of_rest_not_of_true_or_zero_days(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--pain", "7", "--sleep-hours", "7.25", "--flare")
    gentle.ok("goal", "add", "Walks", "--per-week", "1")
    gentle.ok("log", "move", "walk", "20", "--routine", "Park loop")
    out = gentle.ok("status")
    assert "True" not in out and "0 days since" not in out
    assert "pain 7, sleep 7.25 h (a rest day)" in out
    assert "the last flare day was today, 1 flare day in 4 weeks" in out
    assert "Walks: 1 of 1 session this week, 1 rest day" in out
    assert "Park loop: 1 time," in out


def test_status_into_a_reader_that_left_ends_quietly(seeded: Gentle) -> None:
    # `true` leaves before gentle writes (as `head -1` may): a certain broken pipe.
    import shlex
    import subprocess
    import sys

    command = f"{shlex.quote(sys.executable)} -m tui --db {shlex.quote(str(seeded.db))} status"
    proc = subprocess.run(
        ["bash", "-c", f'{command} | true; exit "${{PIPESTATUS[0]}}"'],
        capture_output=True,
        text=True,
        env=seeded.env(),
        cwd=seeded.home,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
