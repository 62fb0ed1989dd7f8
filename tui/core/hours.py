"""Hours as she types them, for sleep: the form and the command line read them alike."""

from __future__ import annotations


def hours_from_text(text: str) -> float | None:
    """Hours as she types them: `7.5`, `7,5` or `7:30` are seven and a half (None if not hours)."""
    text = text.strip()
    if ":" in text:
        hours, _, minutes = text.partition(":")
        if not (hours.isascii() and hours.isdigit() and minutes.isascii() and minutes.isdigit()):
            return None
        if len(minutes) != 2 or int(minutes) >= 60:
            return None
        return int(hours) + int(minutes) / 60
    text = text.replace(",", ".")
    if not text.isascii() or not text.replace(".", "", 1).isdigit():
        return None  # float() would also take "nan", "1e1", "1_0" and other scripts' digits
    return float(text)
