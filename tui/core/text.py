"""Her text, safe on a terminal: what typed text may hold, and how stored text is shown.

A name holding `ESC ] 0 ; ... BEL` would retitle her terminal and `ESC [ 2 J` would blank it, so
typed text refuses C0 and C1 control characters (a note may keep its newlines), imports replace
them with a visible mark, and text stored before this rule is shown escaped.
"""

from __future__ import annotations

import re

from tui.core.errors import InputError

#: C0 controls, DEL, C1 controls, and lone surrogates (bytes that were not UTF-8).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: What an import puts in place of a control character: visible, and never a control itself.
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def _pattern(multiline: bool) -> re.Pattern[str]:
    return _CONTROL_BUT_NEWLINE if multiline else _CONTROL


def check_plain(text: str, field_name: str, *, multiline: bool = False) -> str:
    """`text` unchanged, or `InputError` when it holds a control character (newlines allowed
    when `multiline`) or bytes that were not UTF-8."""
    found = _pattern(multiline).search(text)
    if found is None:
        return text
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        raise InputError(field_name, "must be UTF-8 text (it holds bytes that are not)")
    allowed = "newlines but no other control characters" if multiline else "no control characters"
    sample = shown(text[max(0, found.start() - 10) : found.start() + 10])
    raise InputError(field_name, f"must be plain text with {allowed}, got '...{sample}...'")


def replace_controls(text: str, *, multiline: bool = False) -> tuple[str, int]:
    """`text` with each control character replaced by U+FFFD, and how many there were."""
    return _pattern(multiline).subn(REPLACEMENT, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str, *, multiline: bool = False) -> str:
    """`text` safe to print: each control character written out as `\\x1b` (newlines kept when
    `multiline`). Use it wherever stored text reaches a terminal: the CLI and the app alike."""
    return _pattern(multiline).sub(_escape, text)
