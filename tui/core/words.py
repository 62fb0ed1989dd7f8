"""One vocabulary for every place that speaks to her: CLI, dashboard, goals screen, report.

Counts with their plurals, hours of sleep, the words of each scale, the ellipsis. The app counts
what was done: nothing here says missed, failed or broken.
"""

from __future__ import annotations

ELLIPSIS = "…"

#: The scales' words, shared by the dashboard, the forms' hints and the report.
PAIN_WORDS = {0: "no pain", 10: "worst"}
MOOD_WORDS = {1: "awful", 2: "low", 3: "okay", 4: "good", 5: "great"}
SLEEP_QUALITY_WORDS = {1: "very poor", 2: "poor", 3: "fair", 4: "good", 5: "very good"}

#: Irregular plurals; every other word takes an "s".
_PLURALS = {"entry": "entries", "activity": "activities", "day": "days"}

_UNIT_WORDS = {"sessions": "session", "minutes": "minute"}


def plural(word: str, n: int) -> str:
    """`session` for 1, `sessions` otherwise (`entry`, `entries`)."""
    return word if n == 1 else _PLURALS.get(word, word + "s")


def count(n: int, one: str, many: str | None = None) -> str:
    """`1 session`, `3 sessions`, `1 rest day`, `2 entries`, `1 time`."""
    return f"{n} {one if n == 1 else (many or plural(one, n))}"


def amount(n: int, unit: str) -> str:
    """A goal's amount in its unit: `1 session`, `3 sessions`, `40 min`."""
    if unit == "minutes":
        return f"{n} min"
    return count(n, _UNIT_WORDS.get(unit, unit))


def progress(done: int, target: int, unit: str) -> str:
    """`2 of 3 sessions`, `1 of 1 session`, `45 of 60 min`: the unit agrees with the target."""
    return f"{done} of {amount(target, unit)}"


def number(value: float) -> str:
    """`7`, `7.25`, `7.5`: as many decimals as the value has, never rounded away."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def hours(value: float) -> str:
    """Hours of sleep: `7 h`, `7.25 h`."""
    return f"{number(value)} h"


def days_since(n: int) -> str:
    """`today`, `yesterday`, `5 days ago`."""
    if n == 0:
        return "today"
    if n == 1:
        return "yesterday"
    return f"{n} days ago"


def mood(value: int) -> str:
    """`3 okay`."""
    return f"{value} {MOOD_WORDS[value]}"


def sleep_quality(value: int) -> str:
    """`4 good`."""
    return f"{value} {SLEEP_QUALITY_WORDS[value]}"


def scale_hint(lo: int, hi: int, words: dict[int, str]) -> str:
    """` (1 awful ... 5 great)`: a range's ends in words, for hints and error messages."""
    if lo in words and hi in words:
        return f" ({lo} {words[lo]} {ELLIPSIS} {hi} {words[hi]})"
    return ""
