"""Entry ids: random (so two devices never hand out the same one), shown short, stored longer."""

from __future__ import annotations

import os
from typing import Any

from tui.core.errors import InputError

ID_BYTES = 8  # 16 hex characters stored: a collision is a 1 in 2**64 event per pair
SHORT = 8  # what she sees and types: the first 8 characters
_ALLOWED = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")


def new_id() -> str:
    """A fresh random id."""
    # os.urandom, not secrets: `secrets` pulls in hmac and random (~5 ms on every CLI call).
    return os.urandom(ID_BYTES).hex()


def short_id(entry_id: str) -> str:
    """The id as shown: its first characters, enough to type and to tell entries apart."""
    return entry_id[:SHORT]


def check_id(value: Any, field_name: str = "id") -> str:
    """An id from an export (another device's too): 8 to 64 lower-case letters or digits.

    None or "" means no id yet (the store gives one)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise InputError(field_name, f"must be text of 8 to 64 letters or digits, got {value!r}")
    text = value.strip().lower()
    if not 8 <= len(text) <= 64 or not set(text) <= _ALLOWED:
        raise InputError(field_name, f"must be 8 to 64 letters or digits, got {value!r}")
    return text
