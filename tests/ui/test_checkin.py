"""The morning check-in, driven by keys through the real app, as she would use it."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input
from ui_host import Host

from tui.app import GentleApp
from tui.screens.checkin import CheckinScreen
from tui.store import Store
from widgets.forms import Field, FieldMessage, Toggle

MORNING = ["l", "4", "tab", "3", "tab", "7", "tab", "4", "enter"]


def message_under(screen: CheckinScreen, field: str) -> str:
    """The text shown under a field ('' when there is none)."""
    return screen.query_one(f"#field-{field}", Field).message


async def test_the_morning_check_in_takes_nine_keys_and_saves(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*MORNING)
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
    checkin = empty_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood, checkin.sleep_hours, checkin.sleep_quality) == (4, 3, 7, 4)
    assert checkin.flare is False


async def test_the_form_opens_on_pain(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.focused is app.screen.query_one("#pain", Input)


async def test_escape_leaves_without_saving(empty_store: Store) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "6", "tab", "2", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
    assert empty_store.journal().checkins == {}


async def test_pain_eleven_is_explained_at_the_field_and_the_form_stays_open(
    empty_store: Store,
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "1", "1", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        message = message_under(screen, "pain")
        assert "0 to 10" in message and "11" in message
    assert empty_store.journal().checkins == {}


async def test_a_message_line_is_made_under_its_row_only_when_one_is_shown(
    empty_store: Store,
) -> None:
    """A form opens without message lines (each widget fewer makes it quicker to show)."""
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        assert not screen.query(FieldMessage)
        await pilot.press("1", "1", "enter")
        await pilot.pause()
        pain = screen.query_one("#field-pain", Field)
        [line] = screen.query(FieldMessage)
        assert line.parent is pain.parent
        siblings = list(pain.parent.children) if pain.parent is not None else []
        assert siblings.index(line) == siblings.index(pain) + 1  # right under its row
        assert line.region.y == pain.region.y + 1
        await pilot.press("backspace")  # pain 1: fine, as she types
        await pilot.pause()
        assert message_under(screen, "pain") == ""


async def test_ten_is_a_pain_level_she_can_type(empty_store: Store, fixed_today: date) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "1", "0", "enter")
        await pilot.pause()
    assert empty_store.journal().checkins[fixed_today].pain == 10


async def test_a_logged_day_shows_its_values_and_one_digit_replaces_the_pain(
    empty_store: Store, fixed_today: date
) -> None:
    empty_store.log_checkin(fixed_today, {"pain": 6, "mood": 2, "note": "stiff"})
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        screen = app.screen
        assert screen.query_one("#pain", Input).value == "6"
        assert screen.query_one("#mood", Input).value == "2"
        assert screen.query_one("#note", Input).value == "stiff"
        await pilot.press("3", "enter")
        await pilot.pause()
    checkin = empty_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood, checkin.note) == (3, 2, "stiff")


async def test_saving_changes_only_the_fields_she_filled(
    empty_store: Store, fixed_today: date
) -> None:
    empty_store.log_checkin(fixed_today, {"pain": 5, "sleep_hours": 6.5})
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "tab", "4", "enter")  # only the mood
        await pilot.pause()
    checkin = empty_store.journal().checkins[fixed_today]
    assert (checkin.pain, checkin.mood, checkin.sleep_hours) == (5, 4, 6.5)


async def test_f_marks_a_rest_day_from_a_number_field(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "8", "f")
        assert app.screen.query_one("#flare", Toggle).value is True
        assert app.screen.query_one("#pain", Input).value == "8"
        await pilot.press("enter")
        await pilot.pause()
    checkin = empty_store.journal().checkins[fixed_today]
    assert checkin.flare is True and checkin.pain == 8


async def test_in_the_note_f_is_a_letter_and_ctrl_f_marks_the_rest_day(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "tab", "tab", "tab", "tab", "tab", *"flare", "ctrl+f", "enter")
        await pilot.pause()
    checkin = empty_store.journal().checkins[fixed_today]
    assert checkin.note == "flare"
    assert checkin.flare is True


async def test_enter_in_the_note_saves(empty_store: Store, fixed_today: date) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "5", *["tab"] * 5, *"slow day", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
    assert empty_store.journal().checkins[fixed_today].note == "slow day"


async def test_left_bracket_back_fills_yesterday(empty_store: Store, fixed_today: date) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "left_square_bracket", "left_square_bracket", "2", "enter")
        await pilot.pause()
    checkins = empty_store.journal().checkins
    assert fixed_today not in checkins
    assert checkins[fixed_today - timedelta(days=2)].pain == 2


async def test_the_date_never_goes_past_today(empty_store: Store, fixed_today: date) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "right_square_bracket", "right_square_bracket")
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        assert screen.day == fixed_today
        await pilot.press("left_square_bracket", "right_square_bracket")
        assert screen.day == fixed_today


async def test_stepping_to_a_logged_day_shows_its_values(
    empty_store: Store, fixed_today: date
) -> None:
    yesterday = fixed_today - timedelta(days=1)
    empty_store.log_checkin(yesterday, {"pain": 7, "mood": 2})
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "left_square_bracket")
        assert app.screen.query_one("#pain", Input).value == "7"
        assert app.screen.query_one("#mood", Input).value == "2"
        await pilot.press("right_square_bracket")
        assert app.screen.query_one("#pain", Input).value == ""


async def test_a_note_that_looks_like_markup_is_kept_as_typed(
    empty_store: Store, fixed_today: date
) -> None:
    text = "[b]Lower[/b] Body [/]"
    empty_store.log_checkin(fixed_today, {"note": text})
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert app.screen.query_one("#note", Input).value == text
        await pilot.press("2", "enter")
        await pilot.pause()
    assert empty_store.journal().checkins[fixed_today].note == text


async def test_sleep_hours_take_a_half_hour_as_a_comma_or_minutes(
    empty_store: Store, fixed_today: date
) -> None:
    app = GentleApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "tab", "tab", *"6:30", "enter")
        await pilot.pause()
    assert empty_store.journal().checkins[fixed_today].sleep_hours == 6.5


def test_check_in_form_at_80x24(snap_compare, demo_store: Store) -> None:
    assert snap_compare(Host(CheckinScreen(demo_store)), terminal_size=(80, 24))


def test_check_in_form_with_a_message_at_120x40(snap_compare, demo_store: Store) -> None:
    assert snap_compare(
        Host(CheckinScreen(demo_store)), press=["1", "1", "f", "enter"], terminal_size=(120, 40)
    )


def test_check_in_form_for_a_new_day_at_80x24(snap_compare, demo_store: Store) -> None:
    screen = CheckinScreen(demo_store, date(2026, 11, 20))
    assert snap_compare(Host(screen), press=["left_square_bracket"], terminal_size=(80, 24))
