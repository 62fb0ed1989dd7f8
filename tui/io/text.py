"""Imported text made safe to show: control characters replaced visibly, and counted.

TODO(lead): `safe` adds the core helper for control characters in tui/core; unify this one with it
(the importers call `visible_controls` only).
"""

from __future__ import annotations

import re

#: C0 controls, DEL and C1 controls. Newlines are allowed in notes and are handled by the caller.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"  # C1 controls have no picture: shown as their escape


def visible_controls(text: str, *, newlines: bool = False) -> tuple[str, int]:
    """`text` with each control character replaced by a visible stand-in, and how many there were.

    With `newlines` (notes), line breaks are kept: `\\r\\n` and a lone `\\r` become `\\n`.
    """
    if newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        parts = text.split("\n")
        total = 0
        for i, part in enumerate(parts):
            parts[i], n = _CONTROL.subn(_shown, part)
            total += n
        return "\n".join(parts), total
    return _CONTROL.subn(_shown, text)
