"""Control characters, strict formats and stored entries: the rules every way in shares."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.core.models import PAIN, Goal, check_sleep_hours, check_text
from tui.core.records import DamagedEntry, check_stored
from tui.core.text import REPLACEMENT, check_plain, replace_controls, shown

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


# -- text --


def test_a_name_with_an_escape_sequence_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError) as err:
        check_text("Walk\x1b]0;owned\x07", "routine")
    assert err.value.field == "routine"
    assert "\x1b" not in err.value.message and "\\x1b" in err.value.message


def test_a_note_keeps_newlines_but_not_tabs() -> None:
    assert check_text("a\nb", "note", multiline=True) == "a\nb"
    with pytest.raises(InputError):
        check_text("a\tb", "note", multiline=True)


def test_stored_text_is_never_refused_for_control_characters() -> None:
    assert check_text("Walk\x1b[2J", "routine", stored=True) == "Walk\x1b[2J"


def test_shown_escapes_what_would_drive_a_terminal() -> None:
    assert shown("a\x1b[2Jb\x9bc\nd") == "a\\x1b[2Jb\\x9bc\\x0ad"
    assert shown("a\nb", multiline=True) == "a\nb"


def test_imports_replace_control_characters_visibly_and_count_them() -> None:
    assert replace_controls("a\x1bb\x07") == ("a␛b␇", 2)
    assert replace_controls("bytes \udcff") == (f"bytes {REPLACEMENT}", 1)
    assert replace_controls("a\nb", multiline=True) == ("a\nb", 0)


@given(st.text())
def test_any_text_is_either_plain_or_refused_in_one_line(text: str) -> None:
    try:
        out = check_plain(text, "note")
    except InputError as err:
        assert CONTROL.search(text)
        assert "\n" not in str(err) and not CONTROL.search(str(err))
    else:
        assert out == text and not CONTROL.search(text)


@given(st.text())
def test_shown_text_never_holds_a_control_character(text: str) -> None:
    assert not CONTROL.search(shown(text))
    assert not CONTROL.search(replace_controls(text)[0])


# -- numbers and dates --


@given(st.text(max_size=30))
def test_a_pain_score_is_ascii_digits_in_range_or_refused(text: str) -> None:
    try:
        value = PAIN.check("pain", text)
    except InputError as err:
        assert err.field == "pain" and "\n" not in err.message
    else:
        stripped = text.strip()
        assert stripped.isascii() and stripped.lstrip("+-").isdigit()
        assert 0 <= value <= 10 and value == int(stripped)


@given(st.text(max_size=30))
def test_sleep_hours_are_ascii_quarter_hours_or_refused(text: str) -> None:
    try:
        hours = check_sleep_hours(text)
    except InputError as err:
        assert err.field == "sleep_hours"
    else:
        assert re.fullmatch(r"[0-9]{1,2}(\.[0-9]+)?", text.strip())
        assert 0 <= hours <= 24 and (hours * 4).is_integer()


@given(st.text(max_size=12))
def test_a_date_is_yyyy_mm_dd_or_refused(text: str) -> None:
    from tui.core.dates import parse_date

    try:
        day = parse_date(text, allow_future=True)
    except InputError as err:
        assert err.field == "date"
    else:
        assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) and day.isoformat() == text


def test_thousands_of_digits_are_refused_quickly_and_briefly() -> None:
    with pytest.raises(InputError) as err:
        PAIN.check("pain", "9" * 100_000)
    assert len(str(err.value)) < 200
    with pytest.raises(InputError) as err:
        PAIN.check("pain", 10**5000)
    assert len(str(err.value)) < 200


# -- stored entries --


def checkin(**values: object) -> dict[str, object]:
    return {"date": "2026-11-20", "pain": 3, "flare": False, "note": None, **values}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"pain": True}, "pain"),
        ({"pain": 3.0}, "pain"),
        ({"pain": "x"}, "pain"),
        ({"pain": [1]}, "pain"),
        ({"mood": 0}, "mood"),
        ({"sleep_hours": 7.1}, "sleep_hours"),
        ({"flare": "yes"}, "flare"),
        ({"note": {"a": 1}}, "note"),
        ({"date": "2026-02-30"}, "date"),
    ],
)
def test_a_stored_bad_value_names_the_entry_and_field(
    values: dict[str, object], field: str
) -> None:
    data = {"checkins": {"1": checkin(), "2": checkin(pain=1), "7": checkin(**values)}}
    with pytest.raises(DamagedEntry) as err:
        check_stored(data)
    assert str(err.value).startswith(f"checkins #7: {field}:")


def test_good_stored_entries_pass() -> None:
    check_stored({"checkins": {"1": checkin(), "2": checkin(pain=1, sleep_hours=7.25)}})


def test_a_goal_is_checked_like_typed_input() -> None:
    good = Goal.create(name="Walks", per_week=2, ramp_to=4, ramp_every=3, created=date(2026, 1, 5))
    assert Goal.from_dict(good.to_dict()) == good
    for bad in ({"ramp_to": "lots"}, {"ramp_every": 0}, {"declined": "2999-01-01"}, {"unit": "x"}):
        with pytest.raises(InputError):
            Goal.from_dict({**good.to_dict(), **bad})


def test_a_backup_copy_that_fails_leaves_no_temp_file(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    import tui.store.backups as backups

    folder = Path(str(tmp_path))
    source = folder / "gentle.json"
    source.write_text('{"checkins": {"1": {"date": "2026-01-01"}}}')

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    import os

    monkeypatch.setattr(os, "replace", broken)  # the copy is written, then cannot take its name
    with pytest.raises(OSError):
        backups.daily_backup(source, date(2026, 1, 2))
    assert list(backups.backup_dir(source).iterdir()) == []


def test_csv_cells_starting_with_a_tab_or_return_are_guarded() -> None:
    from tui.io.backup import _cell

    assert _cell("\tx") == "'\tx"
    assert _cell("\rx") == "'\rx"
    assert _cell("a=b") == "a=b"
    assert _cell(-1) == "-1"  # numbers are never changed
