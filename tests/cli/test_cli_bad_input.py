"""Bad input is refused in one calm line (exit 2), a file that is not hers in one line (exit 1).

Either way: no traceback, nothing on stdout, and the data file byte for byte as it was.
"""

from __future__ import annotations

import pytest
from gentle_cli import TODAY, Gentle

LONG_NOTE = "x" * 2001

# (arguments, the field the line must name, a piece of the allowed range it must show)
BAD_INPUT = [
    (["log", "checkin", "--pain", "-1"], "pain", "0 to 10"),
    (["log", "checkin", "--pain", "11"], "pain", "0 to 10"),
    (["log", "checkin", "--pain", "abc"], "pain", "0 to 10"),
    (["log", "checkin", "--pain", "4.5"], "pain", "0 to 10"),
    (["log", "checkin", "--mood", "0"], "mood", "1 to 5"),
    (["log", "checkin", "--mood", "6"], "mood", "1 to 5"),
    (["log", "checkin", "--sleep-hours", "-1"], "sleep_hours", "0 to 24"),
    (["log", "checkin", "--sleep-hours", "25"], "sleep_hours", "0 to 24"),
    (["log", "checkin", "--sleep-hours", "7.3"], "sleep_hours", "0.25"),
    (["log", "checkin", "--sleep-hours", "nan"], "sleep_hours", "0 to 24"),
    (["log", "checkin", "--sleep-quality", "0"], "sleep_quality", "1 to 5"),
    (["log", "checkin", "--sleep-quality", "6"], "sleep_quality", "1 to 5"),
    (["log", "checkin", "--note", LONG_NOTE], "note", "2000"),
    (["log", "checkin"], "pain", ""),
    (["log", "checkin", "--pain="], "pain", ""),
    (["log", "checkin", "--date", "2026-11-24", "--pain", "3"], "date", TODAY),
    (["log", "checkin", "--date", "2026-13-01", "--pain", "3"], "date", "YYYY-MM-DD"),
    (["log", "checkin", "--date", "23/11/2026", "--pain", "3"], "date", "YYYY-MM-DD"),
    (["log", "move", "walk", "0"], "minutes", "1 to 600"),
    (["log", "move", "walk", "601"], "minutes", "1 to 600"),
    (["log", "move", "walk", "abc"], "minutes", "1 to 600"),
    (["log", "move", "jog", "20"], "kind", "walk, strength, stretch, snack, other"),
    (["log", "move", "walk", "20", "--pain-before", "11"], "pain_before", "0 to 10"),
    (["log", "move", "walk", "20", "--pain-after", "11"], "pain_after", "0 to 10"),
    (["log", "move", "walk", "20", "--pain-after", "-1"], "pain_after", "0 to 10"),
    (["log", "move", "walk", "20", "--date", "2026-11-24"], "date", TODAY),
    (["log", "move", "walk", "20", "--date", "2026-02-30"], "date", "YYYY-MM-DD"),
    (["goal", "add", "New", "--per-week", "0"], "per_week", "1 to 50"),
    (["goal", "add", "New", "--per-week", "51"], "per_week", "1 to 50"),
    (["goal", "add", "New", "--per-week", "two"], "per_week", "1 to 50"),
    (["goal", "add", "New", "--minutes-per-week", "0"], "minutes_per_week", "1 to 5000"),
    (["goal", "add", "New", "--per-week", "3", "--minutes-per-week", "60"], "per_week", ""),
    (["goal", "add", "New"], "per_week", ""),
    (["goal", "add", "New", "--per-week", "3", "--ramp-to", "5", "--ramp-every", "0"],
     "ramp_every", "1 to 52"),
    (["goal", "add", "New", "--per-week", "3", "--ramp-to", "3", "--ramp-every", "2"],
     "ramp_to", "above"),
    (["goal", "add", "New", "--per-week", "3", "--ramp-to", "2", "--ramp-every", "2"],
     "ramp_to", "above"),
    (["goal", "add", "New", "--minutes-per-week", "90", "--ramp-to", "90", "--ramp-every", "1"],
     "ramp_to", "above"),
    (["goal", "add", "New", "--per-week", "3", "--ramp-to", "5"], "ramp_every", ""),
    (["goal", "add", "New", "--per-week", "3", "--kind", "jog"], "kind", "walk"),
    (["goal", "add", "  ", "--per-week", "3"], "name", ""),
    (["goal", "add", "walks", "--per-week", "3"], "name", "walks"),
    (["goal", "step-up", "Swimming"], "name", "Swimming"),
    (["goal", "step-down", "Swimming"], "name", "Swimming"),
    (["goal", "remove", "Swimming"], "name", "Swimming"),
    (["demo", "--days", "0"], "days", "1 to 36500"),
    (["demo", "--days", "many"], "days", "1 to 36500"),
    (["demo", "--seed", "-1"], "seed", "from 0"),
    (["config", "week-start", "funday"], "week_start", "monday"),
]  # fmt: skip


def names(line: str, field: str) -> bool:
    """The line names the field, as `sleep_hours` or as the option `--sleep-hours`."""
    return field in line.replace("-", "_")


@pytest.mark.parametrize(
    ("args", "field", "allowed"), BAD_INPUT, ids=[" ".join(a)[:50] for a, _, _ in BAD_INPUT]
)
def test_bad_input_is_one_line_naming_the_field_and_her_data_is_untouched(
    seeded: Gentle, args: list[str], field: str, allowed: str
) -> None:
    line = seeded.refused(*args)
    assert names(line, field), line
    assert allowed in line


@pytest.mark.parametrize(
    "args",
    [
        ["log", "checkin"],
        ["log", "checkin", "--pain", "11"],
        ["log", "checkin", "--date", "2026-11-24", "--mood", "3"],
        ["log", "move", "walk", "601"],
        ["goal", "add", "Walks", "--per-week", "0"],
        ["goal", "step-down", "Walks"],
        ["goal", "remove", "Walks"],
        ["config", "week-start", "someday"],
    ],
    ids=" ".join,
)
def test_bad_input_on_a_new_file_does_not_create_it(gentle: Gentle, args: list[str]) -> None:
    gentle.refused(*args)
    assert not gentle.db.exists()


NOT_HERS = {
    "not json": b"hello\nworld\n",
    "binary": b"\xff\xfe\x00\x01garbage",
    "truncated": b'{"_meta": {"1": {"app": "gentle-flow", "schema": 2',
    "a list": b"[]",
    "another app": b'{"settings": {"1": {"theme": "dark"}}}',
    "newer schema": b'{"_meta": {"1": {"app": "gentle-flow", "schema": 99}}}',
    "damaged entry": (
        b'{"_meta": {"1": {"app": "gentle-flow", "schema": 2, "week_start": 0}},'
        b' "sessions": {"1": {"date": "2026-11-01"}}}'
    ),
}


@pytest.mark.parametrize("content", NOT_HERS.values(), ids=NOT_HERS.keys())
def test_a_file_that_is_not_gentle_flow_data_is_refused_and_left_as_it_is(
    gentle: Gentle, content: bytes
) -> None:
    gentle.db.write_bytes(content)
    for args in (["status"], ["goal", "list"]):
        line = gentle.refused(*args, code=1)
        assert gentle.db.name in line
    if content != NOT_HERS["damaged entry"]:
        for args in (["log", "checkin", "--pain", "3"], ["demo", "--force"]):
            line = gentle.refused(*args, code=1)
            assert gentle.db.name in line


def test_a_folder_given_as_the_data_file_is_refused_in_one_line(gentle: Gentle) -> None:
    folder = gentle.home / "data"
    folder.mkdir()
    proc = gentle("log", "checkin", "--pain", "3", db=folder)
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1
    assert "folder" in proc.stderr
    assert list(folder.iterdir()) == []


def test_a_data_file_under_a_plain_file_is_refused_in_one_line(gentle: Gentle) -> None:
    plain = gentle.home / "plain"
    plain.write_text("not a folder")
    proc = gentle("log", "checkin", "--pain", "3", db=plain / "gentle.json")
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1
    assert "Traceback" not in proc.stderr
    assert plain.read_text() == "not a folder"


def test_a_file_the_system_cannot_read_is_refused_in_one_line(gentle: Gentle) -> None:
    # A name longer than the file system allows fails to read even for root (unlike chmod 0).
    unreadable = gentle.home / ("x" * 300 + ".json")
    proc = gentle("status", db=unreadable)
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 1
    assert "cannot read" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_kind_name_in_any_case_is_not_bad_input(gentle: Gentle) -> None:
    gentle.ok("log", "move", "WALK", "10")
    assert [s["kind"] for s in gentle.data()["sessions"].values()] == ["walk"]
