"""Imported text: control characters replaced by visible stand-ins (core.text), and counted."""

from __future__ import annotations

from tui.core.text import replace_controls


def test_escape_sequences_become_visible_symbols() -> None:
    assert replace_controls("\x1b]0;title\x07 and \x1b[2J") == ("␛]0;title␇ and ␛[2J", 3)


def test_c1_controls_and_delete_are_shown_as_escapes() -> None:
    assert replace_controls("a\x9bb\x7fc") == ("a\\x9bb␡c", 2)


def test_notes_keep_their_line_breaks_and_windows_ones_become_plain() -> None:
    assert replace_controls("one\r\ntwo\rthree\n\tfour", multiline=True) == (
        "one\ntwo\nthree\n␉four",
        1,
    )


def test_plain_text_is_untouched() -> None:
    assert replace_controls("Walk at Bellhouse Park – 20 min 🙂") == (
        "Walk at Bellhouse Park – 20 min 🙂",
        0,
    )
