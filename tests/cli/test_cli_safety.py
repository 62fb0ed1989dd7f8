"""Nothing lost, nothing poisoned: the breaks of issue 8, each replayed as she or an accident would.

Every test runs the real `gentle` in a subprocess: the exact sequence, the exit code, the single
stderr line, and the data file's bytes where they must not change.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from gentle_cli import Gentle

ESC = "\x1b"


def export(**tables: object) -> str:
    return json.dumps({"app": "gentle-flow", "schema": 2, **tables})


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- 1. an emptied file --


@pytest.mark.parametrize("emptied", [b"", b"  \n", b"{}"])
def test_an_emptied_file_is_refused_while_its_backups_hold_her_entries(
    gentle: Gentle, emptied: bytes
) -> None:
    gentle.ok("log", "checkin", "--pain", "3")
    gentle.today = "2026-11-24"
    gentle.ok("log", "checkin", "--pain", "4")  # the day's first write keeps a backup
    backup = gentle.db.parent / "gentle-backups" / "gentle-2026-11-24.json"
    assert json.loads(backup.read_bytes())["checkins"]
    gentle.db.write_bytes(emptied)  # a sync tool empties her file
    for day in ("2026-11-25", "2026-12-03"):
        gentle.today = day
        line = gentle.refused("status", code=1)
        assert f"is empty, but its backup {backup} holds your entries" in line
        assert f"cp '{backup}' '{gentle.db}'" in line
        gentle.refused("log", "move", "walk", "10", code=1)
    assert backup.exists()


def test_a_new_file_in_a_folder_without_backups_starts_fresh(gentle: Gentle) -> None:
    gentle.db.write_bytes(b"")
    gentle.ok("log", "checkin", "--pain", "3")
    assert gentle.status()["checkin"]["pain"] == 3


def test_a_week_of_writes_after_the_file_was_emptied_keeps_the_last_real_backup(
    gentle: Gentle, tmp_path: Path
) -> None:
    folder = gentle.db.parent / "gentle-backups"
    folder.mkdir()
    real = folder / "gentle-2026-11-01.json"
    gentle.ok("log", "checkin", "--pain", "3")
    real.write_bytes(gentle.db.read_bytes())
    os.utime(real, (1, 1))  # older than anything else
    # Eight later daily backups that hold no entries (a file she emptied by hand, say).
    meta_only = json.dumps({"_meta": {"1": {"app": "gentle-flow", "schema": 2}}}).encode()
    for day in range(2, 10):
        (folder / f"gentle-2026-11-{day:02d}.json").write_bytes(meta_only)
    from tui.store.backups import prune

    prune(folder, gentle.db)
    assert real.exists()
    assert len(list(folder.glob("gentle-2026-11-??.json"))) == 8


# -- 2 and 4. imports that would poison her file, and tracebacks --


GOAL = {"name": "Walks", "unit": "sessions", "target": 2, "steps": []}


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"ramp_to": "lots", "ramp_every": 2}, "ramp_to"),
        ({"ramp_to": 4, "ramp_every": 0}, "ramp_every"),
        ({"steps": [{"date": "2026-01-01", "target": -1, "reason": "created"}]}, "steps"),
        ({"declined": "2999-01-01"}, "declined"),
        ({"target": 0}, "target"),
        ({"kinds": "walk"}, "kinds"),
    ],
)
def test_an_import_with_one_bad_goal_value_is_refused_whole(
    gentle: Gentle, tmp_path: Path, bad: dict[str, object], field: str
) -> None:
    gentle.ok("log", "checkin", "--pain", "3")
    path = tmp_path / "in.json"
    goal = {**GOAL, **bad}
    path.write_text(
        export(sessions=[{"date": "2026-11-20", "kind": "walk", "minutes": 5}], goals=[goal])
    )
    line = gentle.refused("import", "json", path, code=1)
    assert f"goals[0]: {field}:" in line
    gentle.ok("status")
    gentle.ok("goal", "list")


@pytest.mark.parametrize(
    ("item", "where"),
    [
        ({"routine": "Strength", "count": -3}, "milestones[0]: count"),
        ({"routine": "Strength", "count": 200, "reward": {"a": 1}}, "milestones[0]: reward"),
    ],
)
def test_an_import_with_a_bad_milestone_is_refused(
    gentle: Gentle, tmp_path: Path, item: dict[str, object], where: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(export(milestones=[item]))
    assert where in gentle.refused("import", "json", path, code=1)
    assert not gentle.db.exists()


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"pain": "x"}, "pain"),
        ({"pain": True}, "pain"),
        ({"mood": 9}, "mood"),
        ({"sleep_hours": "7"}, "sleep_hours"),
        ({"note": 5}, "note"),
        ({"date": "2026-W01-1"}, "date"),
    ],
)
def test_a_stored_bad_value_gives_one_line_and_no_command_writes_the_file(
    seeded: Gentle, doc: dict[str, object], field: str
) -> None:
    data = seeded.data()
    first = next(iter(data["checkins"]))
    data["checkins"][first].update(doc)
    seeded.db.write_text(json.dumps(data))
    for command in (["status"], ["goal", "list"], ["export"], ["log", "move", "walk", "10"]):
        line = seeded.refused(*command, code=1)
        assert f"checkins #{first}: {field}:" in line


def test_a_stored_goal_with_target_zero_gives_one_line(seeded: Gentle) -> None:
    data = seeded.data()
    first = next(iter(data["goals"]))
    data["goals"][first]["target"] = 0
    seeded.db.write_text(json.dumps(data))
    assert f"goals #{first}: target:" in seeded.refused("goal", "list", code=1)
    assert "goals #" in seeded.refused("goal", "add", "More", "--per-week", "2", code=1)


def test_a_schema_1_file_with_a_damaged_goal_is_refused_and_not_migrated(gentle: Gentle) -> None:
    gentle.db.write_text(
        json.dumps(
            {
                "_meta": {"1": {"app": "gentle-flow", "schema": 1}},
                "sessions": {"1": {"date": "2026-11-20", "kind": "walk", "duration": 20}},
                "goals": {"1": {"name": "Walks", "unit": "sessions"}},
            }
        )
    )
    line = gentle.refused("status", code=1)
    assert "schema 1" in line
    line = gentle.refused("log", "move", "walk", "10", code=1)
    assert not (gentle.db.parent / "gentle-backups" / "gentle-schema1.json").exists()


def test_a_schema_1_file_with_a_damaged_entry_is_never_rewritten(gentle: Gentle) -> None:
    gentle.db.write_text(
        json.dumps(
            {
                "_meta": {"1": {"app": "gentle-flow", "schema": 1}},
                "sessions": {"1": {"date": "2026-11-20", "kind": "walk", "duration": "lots"}},
            }
        )
    )
    assert "schema 1, a damaged entry (sessions #1" in gentle.refused(
        "log", "move", "walk", "10", code=1
    )


def test_integer_flags_with_thousands_of_digits_are_one_line(gentle: Gentle) -> None:
    line = gentle.refused("log", "checkin", "--pain", "9" * 5000)
    assert line.startswith("gentle: pain: must be a whole number from 0 to 10")
    assert len(line) < 300


def test_non_utf8_bytes_in_a_text_flag_are_one_line(gentle: Gentle) -> None:
    note = os.fsdecode(b"tired \xff")
    line = gentle.refused("log", "checkin", "--pain", "3", "--note", note)
    assert line == "gentle: note: must be UTF-8 text (it holds bytes that are not)"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            '{"app": "gentle-flow", "schema": 2, "sessions": '
            + "[" * 100_000
            + "]" * 100_000
            + "}",
            "nested too deeply",
        ),
        (
            '{"app": "gentle-flow", "schema": 2, "checkins": [{"date": "2026-01-01", "pain": '
            + "9" * 5000
            + "}]}",
            "not a Gentle Flow JSON export",
        ),
        (
            '{"app": "gentle-flow", "schema": 2, "checkins": '
            '[{"date": "2026-01-01", "pain": 1e999}]}',
            "checkins[0]: pain",
        ),
        ('{"app": "gentle-flow", "schema": true}', "schema True"),
        (
            '{"app": "gentle-flow", "schema": 2, "sessions": '
            '[{"date": "2099-01-01", "kind": "walk", "minutes": 5}]}',
            "sessions[0]: date: must be today",
        ),
        (
            '{"app": "gentle-flow", "schema": 2, "goals": [{"name": "A", "unit": "sessions", '
            '"target": 2}, {"name": "a", "unit": "sessions", "target": 3}]}',
            "goals[1]: name",
        ),
        (
            '{"app": "gentle-flow", "schema": 2, "checkins": [{"date": "20261101", "pain": 2}]}',
            "checkins[0]: date",
        ),
    ],
    ids=["deep", "huge-int", "inf", "schema-true", "future", "same-names", "basic-date"],
)
def test_hostile_json_imports_are_one_line_and_change_nothing(
    gentle: Gentle, tmp_path: Path, content: str, words: str
) -> None:
    gentle.ok("log", "checkin", "--pain", "3")
    path = tmp_path / "in.json"
    path.write_text(content)
    assert words in gentle.refused("import", "json", path, code=1)


def test_too_many_sessions_are_refused_before_any_is_read(gentle: Gentle, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    one = '{"date":"2026-01-01","kind":"walk","minutes":1}'
    path.write_text(
        '{"app":"gentle-flow","schema":2,"sessions":[' + ",".join([one] * 100_001) + "]}"
    )
    assert "sessions: more than 100000 entries" in gentle.refused("import", "json", path, code=1)


def test_an_unexpected_error_is_one_line_and_a_private_crash_file(gentle: Gentle) -> None:
    # A folder where the backup folder should be: copying a backup into it fails in a way no
    # handler foresaw (a NotADirectoryError from deep inside): one line, never a traceback.
    gentle.ok("log", "checkin", "--pain", "3")
    (gentle.db.parent / "gentle-backups").mkdir(exist_ok=True)
    env = gentle.env()
    crash_dir = gentle.home / "crashes"
    code = (
        "import sys\nfrom tui import cli\n"
        "def boom(args, store):\n    raise RuntimeError('her note: tired')\n"
        "cli.COMMANDS['boom'] = 'tui.cli.status'\n"
        "import tui.cli.status as s\n"
        "s.PARSERS['boom'] = lambda sub: sub.add_parser('boom').set_defaults(handler=boom)\n"
        f"sys.exit(cli.main(['--db', {str(gentle.db)!r}, 'boom']))\n"
    )
    import subprocess
    import sys

    env["GENTLE_CRASH_DIR"] = str(crash_dir)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=gentle.home
    )
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith("gentle: something unexpected went wrong (RuntimeError)")
    [crash] = crash_dir.iterdir()
    assert str(crash) in lines[0]
    assert mode(crash) == 0o600
    assert "RuntimeError" in crash.read_text()


# -- 5. terminal injection --


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["log", "move", "walk", "10", "--routine", f"Walk{ESC}]0;owned\a"], "routine"),
        (["log", "move", "walk", "10", "--place", f"Park{ESC}[2J"], "place"),
        (["log", "move", "walk", "10", "--with", "Mu\x85m"], "with"),
        (["log", "checkin", "--note", f"ok{ESC}[2J"], "note"),
        (["goal", "add", f"Walks{ESC}[2J", "--per-week", "2"], "name"),
    ],
)
def test_typed_text_refuses_control_characters(gentle: Gentle, args: list[str], field: str) -> None:
    line = gentle.refused(*args)
    assert line.startswith(f"gentle: {field}: must be plain text")
    assert ESC not in line


def test_a_note_keeps_its_newlines(gentle: Gentle) -> None:
    gentle.ok("log", "checkin", "--note", "slept badly\nlegs restless")
    assert gentle.data()["checkins"]["1"]["note"] == "slept badly\nlegs restless"


def test_names_stored_before_the_rule_are_shown_escaped(seeded: Gentle) -> None:
    data = seeded.data()
    first = next(iter(data["goals"]))
    data["goals"][first]["name"] = f"Walks{ESC}]0;owned\a"
    for doc in data["sessions"].values():
        if doc["routine"]:
            doc["routine"] = f"{doc['routine']}{ESC}[2J"
    seeded.db.write_text(json.dumps(data))
    for command in (["status"], ["goal", "list"]):
        out = seeded.ok(*command)
        assert ESC not in out and "\a" not in out
        assert "\\x1b" in out


def test_an_import_replaces_control_characters_visibly_and_counts_them(
    gentle: Gentle, tmp_path: Path
) -> None:
    path = tmp_path / "in.json"
    path.write_text(
        export(
            sessions=[{"date": "2026-11-20", "kind": "walk", "minutes": 5, "place": f"P{ESC}[2J"}],
            checkins=[{"date": "2026-11-20", "note": "line\nline\a"}],
        )
    )
    out = gentle.ok("import", "json", path)
    assert "2 control characters" in out
    data = gentle.data()
    assert data["sessions"]["1"]["place"] == "P\N{REPLACEMENT CHARACTER}[2J"
    assert data["checkins"]["1"]["note"] == "line\nline\N{REPLACEMENT CHARACTER}"


# -- 6. spreadsheet formulas --


def test_the_csv_export_guards_formula_cells_and_the_json_keeps_them(gentle: Gentle) -> None:
    for note in ("=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "fine"):
        gentle.ok("log", "move", "walk", "10", "--note", note)
    csv_out = gentle.ok("export", "--format", "csv")
    for guarded in ("'=HYPERLINK(1)", "'+1", "'-2", "'@SUM(A1)"):
        assert guarded in csv_out
    assert ",fine\n" in csv_out
    notes = [s["note"] for s in json.loads(gentle.ok("export"))["sessions"]]
    assert notes == ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "fine"]


# -- 7. a symlinked data file --


def test_a_symlinked_data_file_stays_a_link_and_its_target_gets_the_write(
    gentle: Gentle, tmp_path: Path
) -> None:
    real = tmp_path / "real" / "gentle.json"
    real.parent.mkdir()
    Gentle(tmp_path)("--db", real, "log", "checkin", "--pain", "3", db=None)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    gentle.ok("log", "move", "walk", "10", db=None, gentle_db=link)
    assert link.is_symlink()
    assert len(json.loads(real.read_bytes())["sessions"]) == 1
    assert not list(tmp_path.glob("link-backups"))


# -- 10. output files --


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["report", "--weeks", "4"]])
def test_output_files_are_0600_even_over_a_0644_file(
    seeded: Gentle, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "out.file"
    out.write_text("old")
    out.chmod(0o644)
    seeded.ok(*command, "--output", out)
    assert mode(out) == 0o600
    assert out.read_text() != "old"


def test_a_failed_export_leaves_the_old_output_file(seeded: Gentle, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "out.csv"
    out.write_text("old")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        seeded.refused("export", "--format", "csv", "--output", out, code=1)
        assert out.read_text() == "old"
    finally:
        folder.chmod(0o700)


# -- 11. the contract's formats only --


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["log", "checkin", "--sleep-hours", "1_0"], "sleep_hours"),
        (["log", "checkin", "--sleep-hours", "\uff11\uff10"], "sleep_hours"),
        (["log", "checkin", "--sleep-hours", "nan"], "sleep_hours"),
        (["log", "checkin", "--pain", "\uff13"], "pain"),
        (["log", "checkin", "--pain", "1_0"], "pain"),
        (["log", "checkin", "--pain", "2", "--date", "2026-W01-1"], "date"),
        (["log", "checkin", "--pain", "2", "--date", "20261101"], "date"),
        (["log", "checkin", "--pain", "2", "--date", "\uff12\uff10\uff12\uff16-11-01"], "date"),
    ],
)
def test_only_the_contract_formats_are_taken(gentle: Gentle, args: list[str], field: str) -> None:
    assert gentle.refused(*args).startswith(f"gentle: {field}: ")
